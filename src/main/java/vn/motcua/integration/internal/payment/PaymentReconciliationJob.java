package vn.motcua.integration.internal.payment;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Yesterday's reconciliation with the payment platform, every night at 01:30
 * Vietnam time, on one node (ShedLock). Off with
 * {@code motcua.scheduling.enabled=false} (the tests call
 * {@link PaymentReconciliation#reconcile} themselves) and while the platform
 * is not connected.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class PaymentReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliationJob.class);

    private final PaymentReconciliation reconciliation;
    private final PaymentPlatform platform;

    PaymentReconciliationJob(PaymentReconciliation reconciliation, PaymentPlatform platform) {
        this.reconciliation = reconciliation;
        this.platform = platform;
    }

    @Scheduled(cron = "${motcua.integration.payment.reconcile-cron:0 30 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "integration-payment-reconciliation", lockAtMostFor = "PT30M")
    public void run() {
        if (!platform.configured()) {
            return;
        }
        PaymentReconciliation.Run run = reconciliation.reconcileYesterday();
        log.info("Payment reconciliation of {}: {} (platform {}, MotCua {})", run.day(), run.outcome(), run.platformCount(),
                run.localCount());
    }
}
