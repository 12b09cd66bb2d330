package vn.motcua.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * The per-account lockout rule of every password login (staff and citizens),
 * so that a lockout slows a guesser down without handing anyone a cheap way
 * to keep a person out:
 * <ul>
 * <li>{@link #THRESHOLD} failures in a row lock the account, the first time
 *     for {@link #FIRST_LOCK};</li>
 * <li>when a lock expires, the failure counter starts again from zero: one
 *     more mistake does not lock again, only {@link #THRESHOLD} more do;</li>
 * <li>each further lock of the same run lasts twice the one before
 *     (1, 2, 4, 8 minutes), never more than {@link #MAX_LOCK};</li>
 * <li>the run ends, and the next lock is a first lock again, with a successful
 *     login (the stores clear the lock and the counters) or once the account has
 *     stayed free of locks for {@link #MAX_LOCK} after its last lock expired.</li>
 * </ul>
 * While an account is locked its logins are refused without a password check
 * and are not counted. Pure: the stores read the state, ask for the next one
 * and write it (under a row lock, so concurrent failures count once each).
 */
public final class LoginBackoff {

    public static final int THRESHOLD = 5;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private LoginBackoff() {
    }

    /**
     * An account's lockout bookkeeping: failures since the last lock (or success),
     * locks in the current run, and the end of the last lock (null when none).
     */
    public record State(int failures, int lockouts, Instant lockedUntil) {

        public static final State CLEAR = new State(0, 0, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The state after one more failed login at {@code now}. */
    public static State afterFailure(State s, Instant now) {
        if (s.lockedAt(now)) {
            return s;
        }
        int failures = s.failures();
        int lockouts = s.lockouts();
        Instant lastLock = s.lockedUntil();
        if (lastLock == null || !now.isBefore(lastLock.plus(MAX_LOCK))) {
            // no lock on record, or the last one is long over: a run of its own (the old lock forgotten)
            if (lastLock != null) {
                failures = 0;
            }
            lockouts = 0;
            lastLock = null;
        } else if (failures >= THRESHOLD) {
            // the lock these failures caused has expired: the count starts again (the lock is
            // remembered, past, so the next one of the run is longer)
            failures = 0;
        }
        failures++;
        if (failures >= THRESHOLD) {
            lockouts++;
            return new State(failures, lockouts, now.plus(lockDuration(lockouts)));
        }
        return new State(failures, lockouts, lastLock);
    }

    /** How long the n-th lock of a run lasts (n from 1). */
    public static Duration lockDuration(int n) {
        if (n <= 1) {
            return FIRST_LOCK;
        }
        Duration d = FIRST_LOCK.multipliedBy(1L << Math.min(n - 1, 20));
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }
}
