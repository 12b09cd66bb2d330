package vn.motcua.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The Decision 766 index of one unit for one period (API.md,
 * {@code GET /indicators/766}): groups with their indicators, the total and
 * the band. {@code methodFrom} is the effective date of the weights used.
 */
public record IndexView(UnitRef unit, LocalDate from, LocalDate to, BigDecimal total, BigDecimal max, String band,
                        LocalDate methodFrom, List<GroupView> groups) {

    /** A unit as the index names it. */
    public record UnitRef(long id, String code, String name) {
    }

    /** One group: its maximum (the sum of its indicators' maxima in force) and score. */
    public record GroupView(String id, String name, BigDecimal max, BigDecimal score, List<IndicatorView> indicators) {
    }

    /**
     * One indicator. {@code rate} is numerator ÷ denominator × 100 (2 dp);
     * numerator, denominator and rate are null where there is no figure (no
     * source yet, or no dossier to count: N/A), and {@code points} then
     * follows the national rule for missing data (full points).
     * {@code source} is null when the system counts it, else why it cannot.
     */
    public record IndicatorView(String id, String group, String name, Long numerator, Long denominator, BigDecimal rate,
                                BigDecimal threshold, BigDecimal max, BigDecimal points, boolean notApplicable,
                                String source) {

        /** Points lost against the maximum: how much acting on it could gain. */
        public BigDecimal lost() {
            return max.subtract(points);
        }
    }

    /** The indicators with a figure, those losing most points first ("where to act"). */
    public List<IndicatorView> weakest() {
        return groups.stream().flatMap(g -> g.indicators().stream())
                .filter(i -> i.source() == null && !i.notApplicable())
                .sorted(Comparator.comparing(IndicatorView::lost).reversed()
                        .thenComparing(i -> i.rate() == null ? BigDecimal.valueOf(100) : i.rate()))
                .toList();
    }
}
