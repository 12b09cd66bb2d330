package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.IntegrationTest;

/** A job that runs once across the nodes: while one node holds its lock row, another cannot take it. */
class SchedulerLockTests extends IntegrationTest {

    @Autowired
    LockProvider locks;

    @Test
    void aSecondNodeSkipsAJobWhileTheFirstRunsIt() {
        String name = "test-job-" + System.nanoTime();
        LockConfiguration job = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);
        Optional<SimpleLock> first = locks.lock(job);
        assertThat(first).isPresent();
        assertThat(locks.lock(job)).isEmpty();
        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(job);
        assertThat(again).isPresent();
        again.get().unlock();
    }
}
