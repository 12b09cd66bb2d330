package vn.motcua.supervision.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 30 seconds, on one node at a time (ShedLock): bulk clean-up runs
 * whose node stopped renewing its lease are taken over by this node
 * ({@link CleanupRunner#resumeAbandoned}). Off with
 * {@code motcua.scheduling.enabled=false}; the tests call the runner.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class CleanupResumeJob {

    private final CleanupRunner runner;

    CleanupResumeJob(CleanupRunner runner) {
        this.runner = runner;
    }

    @Scheduled(fixedDelayString = "${motcua.supervision.cleanup-resume-every:PT30S}", initialDelayString = "PT45S")
    @SchedulerLock(name = "supervision-cleanup-resume", lockAtMostFor = "PT1M")
    public void run() {
        runner.resumeAbandoned();
    }
}
