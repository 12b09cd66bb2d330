package vn.motcua.reform;

import java.math.BigDecimal;

/**
 * The four levels of Decree 335/2025/NĐ-CP on the 100-point scale: 90 and
 * above excellent (hoàn thành xuất sắc), 70 to below 90 good (hoàn thành
 * tốt), 50 to below 70 completed (hoàn thành), below 50 not completed
 * (không hoàn thành nhiệm vụ).
 */
public enum AssessmentBand {
    EXCELLENT(90), GOOD(70), COMPLETED(50), NOT_COMPLETED(0);

    private final int min;

    AssessmentBand(int min) {
        this.min = min;
    }

    public int min() {
        return min;
    }

    public static AssessmentBand of(BigDecimal total) {
        for (AssessmentBand b : values()) {
            if (total.compareTo(BigDecimal.valueOf(b.min)) >= 0) {
                return b;
            }
        }
        return NOT_COMPLETED;
    }
}
