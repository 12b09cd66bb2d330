package vn.motcua.integration.internal.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends the SMS outbox through the gateway: claims due messages in batches
 * with a lease, sends each with its key as the idempotency key, records the
 * gateway's message id; a 5xx, 408, 429, timeout or dropped connection is
 * tried again after a capped exponential back-off, other 4xx answers are
 * REJECTED for good, and a message out of attempts is FAILED. Then follows
 * what the gateway took until it reports DELIVERED or UNDELIVERED
 * ({@link #refreshStatuses}).
 */
@Component
public class SmsSender {

    /** How messages are retried. */
    public record Policy(int batch, Duration lease, Duration base, Duration cap, int maxAttempts) {

        Instant next(Instant now, int attempt) {
            if (attempt >= maxAttempts) {
                return null;
            }
            Duration wait = base.multipliedBy(1L << Math.min(attempt - 1, 30));
            return now.plus(wait.compareTo(cap) > 0 ? cap : wait);
        }
    }

    /** Sends one message (the gateway, or a stand-in in the tests). */
    public interface Transport {
        String send(String phone, String text, String key) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    private final SmsStore store;
    private final SmsGateway gateway;
    private final Transport transport;
    private final Clock clock;
    private final Policy policy;

    @Autowired
    public SmsSender(SmsStore store, SmsGateway gateway, Clock clock,
                     @Value("${motcua.integration.sms.batch:50}") int batch,
                     @Value("${motcua.integration.sms.lease:PT2M}") Duration lease,
                     @Value("${motcua.integration.sms.retry-base:PT30S}") Duration base,
                     @Value("${motcua.integration.sms.retry-cap:PT30M}") Duration cap,
                     @Value("${motcua.integration.sms.max-attempts:12}") int maxAttempts) {
        this(store, gateway, gateway::send, clock, new Policy(batch, lease, base, cap, maxAttempts));
    }

    /** A sender with its own transport and policy (a second node, in the tests). */
    public SmsSender(SmsStore store, SmsGateway gateway, Transport transport, Clock clock, Policy policy) {
        this.store = store;
        this.gateway = gateway;
        this.transport = transport;
        this.clock = clock;
        this.policy = policy;
    }

    /** Sends what is due now, batch after batch; returns how many messages were attempted. */
    public int sendDue() {
        if (!gateway.enabled()) {
            return 0;
        }
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            List<SmsStore.Claimed> batch = store.claim(policy.batch(), now, now.plus(policy.lease()));
            for (SmsStore.Claimed m : batch) {
                send(m);
            }
            total += batch.size();
            if (batch.size() < policy.batch()) {
                return total;
            }
        }
    }

    private void send(SmsStore.Claimed m) {
        String error;
        boolean rejected = false;
        try {
            String id = transport.send(m.phone(), m.body() == null ? "" : m.body(), m.key());
            store.sent(m.id(), id, clock.instant());
            return;
        } catch (SmsGateway.Refused e) {
            error = e.getMessage();
            rejected = !e.retryable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (java.net.http.HttpTimeoutException e) {
            error = "timeout";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Instant now = clock.instant();
        Instant next = rejected ? null : policy.next(now, m.attempt());
        log.warn("SMS {} to {} not sent, attempt {}: {}", m.id(), SmsText.mask(m.phone()), m.attempt(), error);
        store.failed(m.id(), error, now, next, rejected);
    }

    /** Asks the gateway what became of the messages it took in the last three days; returns how many changed. */
    public int refreshStatuses() {
        if (!gateway.enabled()) {
            return 0;
        }
        int changed = 0;
        for (Object[] row : store.awaitingReport(clock.instant().minus(Duration.ofDays(3)), 500)) {
            String status;
            try {
                status = gateway.status((String) row[1]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return changed;
            } catch (Exception e) {
                log.warn("SMS status of {} unknown: {}", row[1], e.toString());
                continue;
            }
            String mapped = status == null ? null : switch (status) {
                case "DELIVERED", "DELIVRD" -> "DELIVERED";
                case "UNDELIVERED", "UNDELIV", "FAILED", "EXPIRED", "REJECTED" -> "UNDELIVERED";
                default -> null;
            };
            store.report((Long) row[0], mapped, clock.instant());
            if (mapped != null) {
                changed++;
            }
        }
        return changed;
    }
}
