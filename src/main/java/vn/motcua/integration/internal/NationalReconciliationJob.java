package vn.motcua.integration.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.integration.NationalSync;

/**
 * The nightly reconciliation with the national portal, at 01:30 Vietnam
 * time, on one node (ShedLock): yesterday's acts (docs/integration.md §2).
 * Off with {@code motcua.scheduling.enabled=false}; the tests call {@link
 * NationalSync#reconcileYesterday()}.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class NationalReconciliationJob {

    private final NationalSync sync;

    NationalReconciliationJob(NationalSync sync) {
        this.sync = sync;
    }

    @Scheduled(cron = "${motcua.integration.national-portal.reconciliation-cron:0 30 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "national-sync-reconciliation", lockAtMostFor = "PT1H")
    public void run() {
        sync.reconcileYesterday();
    }
}
