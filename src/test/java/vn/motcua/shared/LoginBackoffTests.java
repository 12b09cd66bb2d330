package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.LoginBackoff.State;

/** The lockout rule shared by staff and citizens, with a fixed clock. */
class LoginBackoffTests {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static State fail(State s, Instant at, int times) {
        for (int i = 0; i < times; i++) {
            s = LoginBackoff.afterFailure(s, at);
        }
        return s;
    }

    @Test
    void theFifthFailureInARowLocksForOneMinute() {
        State s = fail(State.CLEAR, T0, 4);
        assertThat(s.lockedAt(T0)).isFalse();
        s = LoginBackoff.afterFailure(s, T0);
        assertThat(s.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(s.lockedAt(T0.plusSeconds(59))).isTrue();
        assertThat(s.lockedAt(T0.plusSeconds(60))).isFalse();
    }

    @Test
    void whenTheLockExpiresTheCounterStartsAgain() {
        State locked = fail(State.CLEAR, T0, 5);
        Instant after = T0.plusSeconds(61);
        State s = LoginBackoff.afterFailure(locked, after);
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.lockedAt(after)).as("one mistake after the lock does not lock again").isFalse();
        s = fail(s, after, 3);
        assertThat(s.lockedAt(after)).isFalse();
        s = LoginBackoff.afterFailure(s, after);
        assertThat(s.lockedAt(after)).isTrue();
    }

    @Test
    void eachFurtherLockOfARunLastsTwiceAsLongUpToFifteenMinutes() {
        State s = State.CLEAR;
        Instant now = T0;
        long[] expectedMinutes = {1, 2, 4, 8, 15, 15};
        for (long minutes : expectedMinutes) {
            s = fail(s, now, 5);
            assertThat(Duration.between(now, s.lockedUntil())).isEqualTo(Duration.ofMinutes(minutes));
            now = s.lockedUntil().plusSeconds(1);
        }
    }

    @Test
    void failuresDuringALockAreNotCounted() {
        State locked = fail(State.CLEAR, T0, 5);
        assertThat(LoginBackoff.afterFailure(locked, T0.plusSeconds(30))).isEqualTo(locked);
    }

    @Test
    void fifteenQuietMinutesAfterALockStartANewRun() {
        State s = fail(State.CLEAR, T0, 5);
        s = fail(s, s.lockedUntil().plusSeconds(1), 5);
        assertThat(s.lockouts()).isEqualTo(2);
        Instant later = s.lockedUntil().plus(LoginBackoff.MAX_LOCK);
        s = fail(s, later, 5);
        assertThat(s.lockouts()).isEqualTo(1);
        assertThat(Duration.between(later, s.lockedUntil())).isEqualTo(LoginBackoff.FIRST_LOCK);
    }

    @Test
    void aClearedAccountStartsANewRun() {
        // what a successful login leaves: counters at zero, no lock (the citizens' store may leave lockouts)
        State afterSuccess = new State(0, 3, null);
        State s = fail(afterSuccess, T0, 5);
        assertThat(Duration.between(T0, s.lockedUntil())).isEqualTo(LoginBackoff.FIRST_LOCK);
    }
}
