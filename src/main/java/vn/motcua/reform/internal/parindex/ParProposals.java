package vn.motcua.reform.internal.parindex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import vn.motcua.feedback.SatisfactionStatistics;
import vn.motcua.indicators.IndexView;
import vn.motcua.reform.ParIndexView.Proposal;
import vn.motcua.reform.ParMetric;

/**
 * The score proposed for a criterion from MotCua's own figures: the
 * criterion's maximum × the rate, two decimals, half up. No figure (nothing
 * to count) gives no proposal: the unit scores it by hand.
 */
public final class ParProposals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ParProposals() {
    }

    /** The figures one sheet draws on, fetched once: the unit's 766 index and its satisfaction statistics (either may be null). */
    public record Figures(IndexView index, SatisfactionStatistics.Overview satisfaction) {
    }

    public static Proposal propose(ParMetric metric, BigDecimal max, Figures f) {
        switch (metric) {
            case ON_TIME:
                return fromIndicator(metric, max, f.index(), "ON_TIME");
            case ONLINE:
                return fromIndicator(metric, max, f.index(), "ONLINE_FULL_PROCESS");
            case INDEX_766: {
                IndexView v = f.index();
                if (v == null || v.total() == null || v.max() == null || v.max().signum() == 0) {
                    return none(metric);
                }
                BigDecimal rate = v.total().multiply(HUNDRED).divide(v.max(), 2, RoundingMode.HALF_UP);
                return new Proposal(metric, null, null, rate, points(max, v.total(), v.max()),
                        "766: " + v.total().stripTrailingZeros().toPlainString() + "/" + v.max().stripTrailingZeros().toPlainString());
            }
            case FEEDBACK_ON_TIME: {
                if (f.satisfaction() == null) {
                    return none(metric);
                }
                long num = 0;
                long den = 0;
                for (SatisfactionStatistics.FeedbackRow r : f.satisfaction().feedback()) {
                    num += r.handledOnTime();
                    den += r.answered();
                }
                return ratio(metric, max, num, den);
            }
            case SATISFACTION: {
                if (f.satisfaction() == null) {
                    return none(metric);
                }
                SatisfactionStatistics.RatingRow t = f.satisfaction().total();
                return ratio(metric, max, t.verySatisfied() + t.satisfied(), t.total());
            }
            default:
                return none(metric);
        }
    }

    private static Proposal fromIndicator(ParMetric metric, BigDecimal max, IndexView v, String indicator) {
        if (v == null) {
            return none(metric);
        }
        List<IndexView.IndicatorView> found = v.groups().stream().flatMap(g -> g.indicators().stream())
                .filter(i -> i.id().equals(indicator)).toList();
        if (found.isEmpty() || found.get(0).numerator() == null || found.get(0).denominator() == null
                || found.get(0).denominator() == 0) {
            return none(metric);
        }
        return ratio(metric, max, found.get(0).numerator(), found.get(0).denominator());
    }

    /** numerator ÷ denominator as a rate (2 dp) and max × numerator ÷ denominator as points (2 dp); no denominator: none. */
    public static Proposal ratio(ParMetric metric, BigDecimal max, long num, long den) {
        if (den <= 0) {
            return none(metric);
        }
        BigDecimal rate = BigDecimal.valueOf(num).multiply(HUNDRED).divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP);
        return new Proposal(metric, num, den, rate, points(max, BigDecimal.valueOf(num), BigDecimal.valueOf(den)), num + "/" + den);
    }

    static BigDecimal points(BigDecimal max, BigDecimal num, BigDecimal den) {
        BigDecimal p = max.multiply(num).divide(den, 2, RoundingMode.HALF_UP);
        return p.compareTo(max) > 0 ? max.setScale(2, RoundingMode.HALF_UP) : p;
    }

    public static Proposal none(ParMetric metric) {
        return new Proposal(metric, null, null, null, null, null);
    }
}
