package vn.motcua.supervision.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import vn.motcua.calendar.WorkingCalendar;

/** Working-time arithmetic backwards from now, which the calendar's forward {@code due} does not give. */
public final class WorkingTime {

    /** Working minutes in a day (8 working hours = 1 day, DOMAIN.md §3). */
    static final long DAY_MINUTES = 480;

    private WorkingTime() {
    }

    /**
     * The latest instant {@code t} with at least {@code days} working days
     * between {@code t} and {@code now}: "more than N working days ago" is
     * {@code x < before(now, N)}. Found by halving, to the minute.
     */
    public static Instant before(WorkingCalendar cal, Instant now, BigDecimal days) {
        long need = days.multiply(BigDecimal.valueOf(DAY_MINUTES)).longValue();
        if (need <= 0) {
            return now;
        }
        // a working day is at least one calendar day; holidays and weekends at most triple that, with room
        long lo = 0;
        long hi = Duration.ofDays(Math.max(7, days.longValue() * 3 + 21)).toMinutes();
        while (cal.workingMinutesBetween(now.minus(Duration.ofMinutes(hi)), now) < need && hi < 366L * 24 * 60 * 20) {
            hi *= 2;
        }
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (cal.workingMinutesBetween(now.minus(Duration.ofMinutes(mid)), now) >= need) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return now.minus(Duration.ofMinutes(lo));
    }
}
