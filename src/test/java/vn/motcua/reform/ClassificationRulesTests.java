package vn.motcua.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.reform.ClassificationView.OfficerFigures;
import vn.motcua.reform.internal.classification.ClassificationRules;
import vn.motcua.reform.internal.parindex.ParProposals;

/** The proposal rules, the bands and the cap of Decree 335/2025, worked out by hand, without Spring. */
class ClassificationRulesTests {

    static OfficerFigures figures(long handled, long late, long reminded, long disciplined, long feedback) {
        return new OfficerFigures(handled, handled - late, late, handled, reminded, disciplined, feedback, List.of());
    }

    @ParameterizedTest(name = "handled {0}, late {1}, reminded {2}, disciplined {3}, PAKN {4} → {5} + {6}")
    @CsvSource(nullValues = "null", value = {
            // nothing wrong: full points
            "10, 0, 0, 0, 0, 30.00, 70.00",
            // one late of four: 70 × (1 − 0.25 × 1/4) = 65.625 → 65.63
            "4, 1, 0, 0, 0, 30.00, 65.63",
            // all late: each product loses a quarter → 52.50
            "3, 3, 0, 0, 0, 30.00, 52.50",
            // one late of three, one reminder, one PAKN: 30 − 10 − 2 = 18; 70 × (1 − 0.25/3) = 64.17
            "3, 1, 1, 0, 1, 18.00, 64.17",
            // disciplined: no general points at all
            "5, 0, 0, 1, 0, 0.00, 70.00",
            // deductions never go below zero
            "2, 0, 3, 0, 4, 0.00, 70.00",
            // nothing handled: no task proposal, the leader scores it
            "0, 0, 0, 0, 0, 30.00, null"})
    void theProposalFollowsTheFigures(long handled, long late, long reminded, long disciplined, long feedback, String general,
                                      String task) {
        OfficerFigures f = figures(handled, late, reminded, disciplined, feedback);
        assertThat(ClassificationRules.general(f)).isEqualByComparingTo(general);
        if (task == null) {
            assertThat(ClassificationRules.task(f)).isNull();
        } else {
            assertThat(ClassificationRules.task(f)).isEqualByComparingTo(task);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100, EXCELLENT", "90, EXCELLENT", "89.99, GOOD", "70, GOOD", "69.99, COMPLETED", "50, COMPLETED",
            "49.99, NOT_COMPLETED", "0, NOT_COMPLETED"})
    void theBandsOfTheDecree(String total, AssessmentBand band) {
        assertThat(AssessmentBand.of(new BigDecimal(total))).isEqualTo(band);
    }

    @ParameterizedTest(name = "{1} good allow {2} excellent")
    @CsvSource({"0, 0, 0", "1, 4, 0", "1, 5, 1", "2, 9, 1", "2, 10, 2", "3, 14, 2"})
    void excellentAtMostTwentyPercentOfGood(long excellent, long good, long allowed) {
        assertThat(ClassificationRules.excellentAllowed(good)).isEqualTo(allowed);
        assertThat(ClassificationRules.withinCap(excellent, good)).isEqualTo(excellent <= allowed);
    }

    @Test
    void theYearLowersTheExcellentBeyondTheCapLowestFirst() {
        Map<Long, BigDecimal> averages = new LinkedHashMap<>();
        averages.put(1L, new BigDecimal("95.5"));
        averages.put(2L, new BigDecimal("92"));
        averages.put(3L, new BigDecimal("91"));
        for (long id = 10; id < 20; id++) {
            averages.put(id, new BigDecimal("80"));
        }
        averages.put(30L, new BigDecimal("60"));
        // ten good: two excellent kept (the highest), the third lowered to good
        List<ClassificationRules.Year> year = ClassificationRules.yearly(averages);
        assertThat(year.stream().filter(y -> y.band() == AssessmentBand.EXCELLENT).map(ClassificationRules.Year::officerId))
                .containsExactlyInAnyOrder(1L, 2L);
        ClassificationRules.Year third = year.stream().filter(y -> y.officerId() == 3L).findFirst().orElseThrow();
        assertThat(third.computed()).isEqualTo(AssessmentBand.EXCELLENT);
        assertThat(third.band()).isEqualTo(AssessmentBand.GOOD);
        assertThat(third.capped()).isTrue();
        assertThat(year.stream().filter(y -> y.officerId() == 30L).findFirst().orElseThrow().band()).isEqualTo(AssessmentBand.COMPLETED);
    }

    @ParameterizedTest(name = "{1}/{2} of {0} → {3}")
    @CsvSource(nullValues = "null", value = {"2, 3, 6, 1.00", "1.5, 1, 6, 0.25", "6, 45, 50, 5.40", "3, 7, 7, 3.00",
            "4, 0, 0, null"})
    void aCriterionsProposalIsItsMaximumTimesTheRate(String max, long num, long den, String points) {
        ParIndexView.Proposal p = ParProposals.ratio(ParMetric.ON_TIME, new BigDecimal(max), num, den);
        if (points == null) {
            assertThat(p.points()).isNull();
        } else {
            assertThat(p.points()).isEqualByComparingTo(points);
        }
    }
}
