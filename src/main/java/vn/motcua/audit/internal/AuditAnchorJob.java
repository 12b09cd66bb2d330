package vn.motcua.audit.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs the audit chain's head as the day's anchor, a few minutes after
 * local midnight (so the anchor covers the whole day before) and again each
 * hour until the day has one (a node down at midnight); once across the
 * nodes (ShedLock; the table keeps one anchor per day whatever happens). Off
 * with {@code motcua.scheduling.enabled=false}, like the other jobs.
 */
@Component
@ConditionalOnProperty(name = "motcua.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class AuditAnchorJob {

    private final AuditAnchors anchors;

    AuditAnchorJob(AuditAnchors anchors) {
        this.anchors = anchors;
    }

    @Scheduled(cron = "0 5 * * * *", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "audit-anchor", lockAtMostFor = "PT10M")
    public void run() {
        anchors.anchorToday();
    }
}
