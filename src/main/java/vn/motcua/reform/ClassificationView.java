package vn.motcua.reform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the classification of civil servants and agencies shows (docs/reform.md §5). */
public final class ClassificationView {

    private ClassificationView() {
    }

    /**
     * An officer's work figures of a period, from this module's read model:
     * steps handled (hand-overs and completions the officer did), of which on
     * time and late against the step's due time; all acts; conduct signals
     * about the officer that the supervisor confirmed (closed as reminded or
     * disciplined); PAKN filed about the officer.
     */
    public record OfficerFigures(long handled, long onTime, long late, long acts, long signalsReminded, long signalsDisciplined,
                                 long feedback, List<Long> signals) {

        /** On time ÷ handled in percent, one decimal; null when nothing was handled. */
        public BigDecimal onTimeRate() {
            return handled == 0 ? null
                    : BigDecimal.valueOf(onTime * 100.0 / handled).setScale(1, java.math.RoundingMode.HALF_UP);
        }
    }

    /** One officer's assessment of a month or quarter: the proposal, and the leader's confirmed scores. */
    public record OfficerAssessment(long id, long officerId, String officerName, String jobPosition, long unitId, String unitName,
                                    String periodKind, String period, LocalDate from, LocalDate to, OfficerFigures figures,
                                    BigDecimal proposedGeneral, BigDecimal proposedTask, BigDecimal proposedTotal,
                                    AssessmentBand proposedBand, BigDecimal general, BigDecimal task, BigDecimal total,
                                    AssessmentBand band, String reason, String status, Instant proposedAt, String confirmedBy,
                                    Instant confirmedAt, int version) {

        public boolean confirmed() {
            return "CONFIRMED".equals(status);
        }

        /** Whether the leader changed the proposal. */
        public boolean overridden() {
            return confirmed() && (general.compareTo(proposedGeneral) != 0 || proposedTask == null || task.compareTo(proposedTask) != 0);
        }
    }

    /**
     * An officer's year: the mean of the confirmed periods' totals, its band,
     * and the band after the cap on "excellent" ({@code capped}: lowered to
     * good because the unit's excellent ones exceeded the cap).
     */
    public record YearlyRow(long officerId, String officerName, long unitId, String unitName, int periods, BigDecimal average,
                            AssessmentBand computed, AssessmentBand band, boolean capped) {
    }

    /**
     * An agency's year: the 766 index (0–100), the share of satisfied ratings,
     * the share of reform tasks done (null: no data), the weighted score of
     * the inputs with data and its band (null: no data at all).
     */
    public record AgencyRow(long unitId, String unitName, BigDecimal index766, Long ratings, BigDecimal satisfaction,
                            BigDecimal tasksDone, BigDecimal score, AssessmentBand band) {
    }
}
