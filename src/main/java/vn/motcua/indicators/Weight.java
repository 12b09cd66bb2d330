package vn.motcua.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An indicator's maximum points and threshold (percent, or null) from a date on. */
public record Weight(String indicatorId, LocalDate effectiveFrom, BigDecimal maxPoints, BigDecimal threshold,
                     String changedBy) {
}
