package vn.motcua.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can pin and move, or make tick on every reading. Unpinned it
 * follows the system clock, so tests that do not care see real time. Tests
 * that pin it must reset it.
 */
public class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private final AtomicReference<Instant> pinned = new AtomicReference<>();
    /** When ticking: the first instant and the step added by every later reading. */
    private final AtomicReference<Object[]> ticking = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();

    public void pin(Instant instant) {
        ticking.set(null);
        pinned.set(instant);
    }

    /**
     * Every reading of the clock answers a later instant than the one before
     * ({@code start}, then {@code start + step}, …), so code that reads the
     * clock twice for one act shows it.
     */
    public void tick(Instant start, java.time.Duration step) {
        pinned.set(null);
        ticks.set(0);
        ticking.set(new Object[] {start, step});
    }

    public void reset() {
        pinned.set(null);
        ticking.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Object[] t = ticking.get();
        if (t != null) {
            return ((Instant) t[0]).plus(((java.time.Duration) t[1]).multipliedBy(ticks.getAndIncrement()));
        }
        Instant p = pinned.get();
        return p != null ? p : Instant.now();
    }
}
