package vn.motcua.integration.internal.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the webhook outbox every few seconds on every node. Not under
 * ShedLock on purpose: the claims already keep nodes off each other's rows
 * ({@code SKIP LOCKED} and a lease), so every node shares the work, and a
 * node's death costs one lease, not a lock's whole time-out. Off with
 * {@code motcua.scheduling.enabled=false}: the tests call the sender.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class WebhookSendJob {

    private static final Logger log = LoggerFactory.getLogger(WebhookSendJob.class);

    private final WebhookSender sender;

    WebhookSendJob(WebhookSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${motcua.integration.webhooks.poll:PT5S}", initialDelayString = "PT20S")
    public void run() {
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            // the database may be briefly out of reach: the next run tries again
            log.warn("Sending webhooks failed: {}", e.toString());
        }
    }
}
