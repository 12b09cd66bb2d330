package vn.motcua.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A rating band: totals at or above {@code minScore} (and below the next band's) are in it. */
public record Band(LocalDate effectiveFrom, String code, BigDecimal minScore) {
}
