package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bands of DOMAIN.md §6 ("> 15 excellent, 12–15 good, 9–12 fair, 6–9
 * average, < 6 weak") as the migration stores them, each band taking its
 * lower bound: every total from 0 to 18 and unit averages fall in exactly one.
 */
class AssessmentBandsTests {

    static final AssessmentBands BANDS = new AssessmentBands(List.of(
            new AssessmentBands.Band("WEAK", BigDecimal.ZERO, false, 5, "Yếu", "Weak"),
            new AssessmentBands.Band("EXCELLENT", new BigDecimal("15"), true, 1, "Xuất sắc", "Excellent"),
            new AssessmentBands.Band("GOOD", new BigDecimal("12"), false, 2, "Tốt", "Good"),
            new AssessmentBands.Band("FAIR", new BigDecimal("9"), false, 3, "Khá", "Fair"),
            new AssessmentBands.Band("AVERAGE", new BigDecimal("6"), false, 4, "Trung bình", "Average")));

    @ParameterizedTest(name = "{0} points → {1}")
    @CsvSource({"18, EXCELLENT", "16, EXCELLENT", "15.5, EXCELLENT", "15, GOOD", "12, GOOD", "11.99, FAIR", "9, FAIR",
        "8, AVERAGE", "6, AVERAGE", "5, WEAK", "0, WEAK"})
    void aTotalFallsInOneBand(String total, String band) {
        assertThat(BANDS.classify(new BigDecimal(total)).code()).isEqualTo(band);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"16, EXCELLENT", "13, GOOD", "10, FAIR", "7, AVERAGE", "3, WEAK"})
    void integerTotalsToo(int total, String band) {
        assertThat(BANDS.classify(total).code()).isEqualTo(band);
    }
}
