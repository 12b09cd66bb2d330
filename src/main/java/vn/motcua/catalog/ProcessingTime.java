package vn.motcua.catalog;

import java.math.BigDecimal;
import vn.motcua.calendar.DurationUnit;

/** A processing time (thời hạn giải quyết): an amount in a unit, e.g. 15 working days. */
public record ProcessingTime(BigDecimal amount, DurationUnit unit) {

    public static ProcessingTime of(String amount, DurationUnit unit) {
        return new ProcessingTime(new BigDecimal(amount), unit);
    }
}
