package vn.motcua.reform.internal.classification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.reform.AssessmentBand;
import vn.motcua.reform.ClassificationView.OfficerFigures;

/**
 * The scores the system proposes for an officer's period on the 100-point
 * scale of Decree 335/2025/NĐ-CP, and the cap on "excellent"
 * (docs/reform.md §5 says which parts come from the decree and which are
 * this province's assumptions):
 * <ul>
 * <li>general criteria (30): full, less 10 per conduct signal confirmed as
 * "reminded", all 30 for one confirmed as "disciplined", less 2 per PAKN
 * filed about the officer; never below 0;</li>
 * <li>task results (70): each step handled is one product worth 70 ÷ the
 * products; a late one loses 25 % of its points (the decree's deduction per
 * deadline failure): 70 × (1 − 0.25 × late ÷ handled). Nothing handled: no
 * proposal, the leader scores it;</li>
 * <li>the excellent ones of a unit and period may be at most 20 % of those
 * rated good.</li>
 * </ul>
 */
public final class ClassificationRules {

    public static final BigDecimal GENERAL_MAX = BigDecimal.valueOf(30);
    public static final BigDecimal TASK_MAX = BigDecimal.valueOf(70);
    public static final int REMINDED_DEDUCTION = 10;
    public static final int FEEDBACK_DEDUCTION = 2;
    public static final BigDecimal LATE_SHARE = new BigDecimal("0.25");
    /** Excellent ones at most this percentage of the good ones. */
    public static final int EXCELLENT_CAP_PERCENT = 20;

    private ClassificationRules() {
    }

    public static BigDecimal general(OfficerFigures f) {
        if (f.signalsDisciplined() > 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        long points = 30 - REMINDED_DEDUCTION * f.signalsReminded() - FEEDBACK_DEDUCTION * f.feedback();
        return BigDecimal.valueOf(Math.max(0, points)).setScale(2);
    }

    /** Null when nothing was handled. */
    public static BigDecimal task(OfficerFigures f) {
        if (f.handled() == 0) {
            return null;
        }
        BigDecimal lost = LATE_SHARE.multiply(BigDecimal.valueOf(f.late())).divide(BigDecimal.valueOf(f.handled()), 10,
                RoundingMode.HALF_UP);
        return TASK_MAX.multiply(BigDecimal.ONE.subtract(lost)).setScale(2, RoundingMode.HALF_UP);
    }

    /** How many may be excellent when this many are good: ⌊20 % × good⌋. */
    public static long excellentAllowed(long good) {
        return good * EXCELLENT_CAP_PERCENT / 100;
    }

    public static boolean withinCap(long excellent, long good) {
        return excellent <= excellentAllowed(good);
    }

    /** An officer's year before and after the cap. */
    public record Year(long officerId, BigDecimal average, AssessmentBand computed, AssessmentBand band, boolean capped) {
    }

    /**
     * The yearly bands of one unit's officers from their averages (officer id
     * → average): those whose average is excellent beyond the cap, the lowest
     * averages first, are lowered to good. The cap counts the officers whose
     * own average is good.
     */
    public static List<Year> yearly(java.util.Map<Long, BigDecimal> averages) {
        long good = averages.values().stream().filter(a -> AssessmentBand.of(a) == AssessmentBand.GOOD).count();
        List<java.util.Map.Entry<Long, BigDecimal>> excellent = new ArrayList<>(averages.entrySet().stream()
                .filter(e -> AssessmentBand.of(e.getValue()) == AssessmentBand.EXCELLENT).toList());
        excellent.sort(java.util.Map.Entry.<Long, BigDecimal>comparingByValue().reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey()));
        java.util.Set<Long> keep = new java.util.HashSet<>();
        for (int i = 0; i < excellent.size() && i < excellentAllowed(good); i++) {
            keep.add(excellent.get(i).getKey());
        }
        List<Year> out = new ArrayList<>();
        averages.forEach((id, avg) -> {
            AssessmentBand b = AssessmentBand.of(avg);
            boolean capped = b == AssessmentBand.EXCELLENT && !keep.contains(id);
            out.add(new Year(id, avg, b, capped ? AssessmentBand.GOOD : b, capped));
        });
        return out;
    }
}
