package vn.motcua.audit.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs the audit chain's head as the day's anchor: a minute after a node
 * starts and every hour after, so the first run of each local day (within
 * an hour of midnight, or at the first start that day) makes the day's
 * anchor and the later ones find it there; once across the nodes (ShedLock;
 * the table keeps one anchor per day whatever happens). Off with
 * {@code motcua.scheduling.enabled=false}, like the other jobs.
 */
@Component
@ConditionalOnProperty(name = "motcua.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AuditAnchorJob {

    private final AuditAnchors anchors;

    AuditAnchorJob(AuditAnchors anchors) {
        this.anchors = anchors;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "audit-anchor", lockAtMostFor = "PT10M")
    public void run() {
        anchors.anchorToday();
    }
}
