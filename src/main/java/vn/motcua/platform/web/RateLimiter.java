package vn.motcua.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fixed-window request counters kept in PostgreSQL ({@code rate_limit_counter}),
 * so every node of the cluster counts against the same numbers: one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING} per counted request,
 * no lock held beyond that statement. A window starts at a multiple of its
 * length (epoch-aligned); a client may therefore make up to twice the limit
 * across the boundary of two windows, the usual price of fixed windows.
 * Expired windows are deleted by whichever node counts first after a minute.
 */
public class RateLimiter {

    /** The outcome of one counted request: allowed, or refused until the window ends. */
    public record Decision(boolean allowed, int hits, long retryAfterSeconds) {
    }

    private static final long CLEANUP_EVERY_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong nextCleanup = new AtomicLong();

    public RateLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one request against {@code bucket}; refused when it is the {@code limit + 1}-th or later in the window. */
    public Decision hit(String bucket, int limit, Duration window) {
        long now = clock.millis();
        long length = window.toMillis();
        long start = Math.floorDiv(now, length) * length;
        long end = start + length;
        int hits = jdbc.sql("""
                        INSERT INTO rate_limit_counter (bucket, window_start, hits, expires_at) VALUES (?, ?, 1, ?)
                        ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counter.hits + 1
                        RETURNING hits""")
                .params(bucket, at(start), at(end))
                .query(Integer.class).single();
        cleanUpIfDue(now);
        if (hits <= limit) {
            return new Decision(true, hits, 0);
        }
        return new Decision(false, hits, Math.max(1, (end - now + 999) / 1000));
    }

    private void cleanUpIfDue(long now) {
        long due = nextCleanup.get();
        if (now >= due && nextCleanup.compareAndSet(due, now + CLEANUP_EVERY_MILLIS)) {
            jdbc.sql("DELETE FROM rate_limit_counter WHERE expires_at < ?").param(at(now)).update();
        }
    }

    private static OffsetDateTime at(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
