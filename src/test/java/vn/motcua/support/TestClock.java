package vn.motcua.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can pin and move. Unpinned it follows the system clock, so
 * tests that do not care see real time. Tests that pin it must reset it.
 */
public class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public void pin(Instant instant) {
        pinned.set(instant);
    }

    public void reset() {
        pinned.set(null);
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
        Instant p = pinned.get();
        return p != null ? p : Instant.now();
    }
}
