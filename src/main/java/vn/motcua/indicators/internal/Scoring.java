package vn.motcua.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.motcua.indicators.Band;
import vn.motcua.indicators.Indicator;
import vn.motcua.indicators.IndicatorGroup;
import vn.motcua.indicators.IndexView;
import vn.motcua.indicators.Weight;

/**
 * The national scoring rule (ASSESSMENT.md §1, DOMAIN.md §5), with no Spring:
 * rate = numerator ÷ denominator × 100 to 2 decimals; points = max × rate ÷ 100,
 * or with a threshold T, max when rate ≥ T else max × rate ÷ T; a zero
 * denominator is N/A and an indicator without a source has no figure: both
 * get full points (the portal's rule for missing data: "no PAKN" scores 6/6,
 * N/A rows of communes score full). Group score = sum of its points; total =
 * sum of the groups; the band is the highest whose minimum the total reaches.
 */
public final class Scoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    /** A numerator over a denominator. */
    public record Fraction(long numerator, long denominator) {
        public static final Fraction NONE = new Fraction(0, 0);
    }

    public record Labels(java.util.function.Function<IndicatorGroup, String> group,
                         java.util.function.Function<Indicator, String> indicator) {
    }

    public static BigDecimal rate(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal points(BigDecimal rate, BigDecimal max, BigDecimal threshold) {
        BigDecimal p = threshold == null
                ? max.multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP)
                : rate.compareTo(threshold) >= 0 ? max : max.multiply(rate).divide(threshold, 2, RoundingMode.HALF_UP);
        return p.min(max).setScale(2, RoundingMode.HALF_UP);
    }

    public static String band(BigDecimal total, List<Band> bands) {
        return bands.stream().sorted(Comparator.comparing(Band::minScore).reversed())
                .filter(b -> total.compareTo(b.minScore()) >= 0).map(Band::code).findFirst().orElse(null);
    }

    public static IndexView score(IndexView.UnitRef unit, java.time.LocalDate from, java.time.LocalDate to,
                                  Map<Indicator, Fraction> counts, Map<String, Weight> weights, List<Band> bands,
                                  Labels labels) {
        return score(unit, from, to, counts, weights, bands, labels, i -> i.hasSource() ? null : i.noSource().text());
    }

    /**
     * @param missing why an indicator has no source (the API's {@code source}), or null when it is counted
     */
    public static IndexView score(IndexView.UnitRef unit, java.time.LocalDate from, java.time.LocalDate to,
                                  Map<Indicator, Fraction> counts, Map<String, Weight> weights, List<Band> bands,
                                  Labels labels, java.util.function.Function<Indicator, String> missing) {
        List<IndexView.GroupView> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal totalMax = BigDecimal.ZERO.setScale(2);
        java.time.LocalDate methodFrom = null;
        for (IndicatorGroup g : IndicatorGroup.values()) {
            List<IndexView.IndicatorView> items = new ArrayList<>();
            BigDecimal score = BigDecimal.ZERO.setScale(2);
            BigDecimal max = BigDecimal.ZERO.setScale(2);
            for (Indicator i : Indicator.values()) {
                if (i.group() != g) {
                    continue;
                }
                Weight w = weights.get(i.name());
                if (w == null) {
                    continue; // not part of the method in force
                }
                if (methodFrom == null || w.effectiveFrom().isAfter(methodFrom)) {
                    methodFrom = w.effectiveFrom();
                }
                BigDecimal m = w.maxPoints().setScale(2, RoundingMode.HALF_UP);
                BigDecimal t = w.threshold() == null ? null : w.threshold().setScale(2, RoundingMode.HALF_UP);
                IndexView.IndicatorView view;
                String noSource = missing.apply(i);
                if (noSource != null) {
                    view = new IndexView.IndicatorView(i.name(), g.name(), labels.indicator().apply(i), null, null, null, t, m,
                            m, true, noSource);
                } else {
                    Fraction f = counts.getOrDefault(i, Fraction.NONE);
                    if (f.denominator() == 0) {
                        view = new IndexView.IndicatorView(i.name(), g.name(), labels.indicator().apply(i), f.numerator(), 0L,
                                null, t, m, m, true, null);
                    } else {
                        BigDecimal r = rate(f.numerator(), f.denominator());
                        view = new IndexView.IndicatorView(i.name(), g.name(), labels.indicator().apply(i), f.numerator(),
                                f.denominator(), r, t, m, points(r, m, t), false, null);
                    }
                }
                items.add(view);
                score = score.add(view.points());
                max = max.add(m);
            }
            groups.add(new IndexView.GroupView(g.name(), labels.group().apply(g), max, score, items));
            total = total.add(score);
            totalMax = totalMax.add(max);
        }
        return new IndexView(unit, from, to, total, totalMax, band(total, bands), methodFrom, groups);
    }
}
