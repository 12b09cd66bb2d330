package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One working-hours range of a day, e.g. 07:30–11:30, half-open: {@code from} is inside,
 * {@code to} is the closing moment. Each range of a working day is one half-day session.
 */
public record TimeRange(LocalTime from, LocalTime to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "TimeRange.from (" + from + ") must be before TimeRange.to (" + to + ")");
        }
    }

    /** Parses {@code "07:30"}-style times. */
    public static TimeRange of(String from, String to) {
        return new TimeRange(LocalTime.parse(from), LocalTime.parse(to));
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
