package vn.motcua.integration.internal.sms;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the SMS outbox every few seconds on every node (no ShedLock: the
 * claims keep nodes off each other's rows, as for webhooks), and asks the
 * gateway for delivery reports every few minutes on one node (ShedLock). Off
 * with {@code motcua.scheduling.enabled=false}: the tests call the sender.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class SmsJobs {

    private static final Logger log = LoggerFactory.getLogger(SmsJobs.class);

    private final SmsSender sender;

    SmsJobs(SmsSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${motcua.integration.sms.poll:PT3S}", initialDelayString = "PT20S")
    public void send() {
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending text messages failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${motcua.integration.sms.status-every:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "sms-delivery-reports", lockAtMostFor = "PT4M")
    public void reports() {
        sender.refreshStatuses();
    }
}
