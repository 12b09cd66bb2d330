package vn.motcua.integration.internal.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.integration.WebhookTestResult;

/**
 * Sends the webhook outbox: claims due deliveries in batches (leased, see
 * {@link WebhookStore#claim}), POSTs each signed body, and records the
 * outcome. A 2xx answer delivers; anything else (another status, a timeout,
 * a dropped connection, an address refused) is tried again after an
 * exponential back-off ({@code base × 2^(attempt−1)}, capped), up to {@code
 * max-attempts}; the delivery that runs out of attempts is FAILED and pauses
 * its subscription, with a notice on its page, until an administrator
 * enables it again (which re-queues what failed).
 *
 * <p>At least once per node; exactly once for the partner after dedup by the
 * delivery id ({@code X-MotCua-Delivery}, the same on every attempt): a node
 * that dies after the partner took a delivery but before recording it leaves
 * it to be sent again when the lease runs out.
 */
@Component
public class WebhookSender {

    /** How deliveries are retried. */
    public record Policy(int batch, Duration lease, Duration base, Duration cap, int maxAttempts, Duration timeout) {

        /** When the attempt that just failed (the n-th) is followed by the next; null when none is left. */
        Instant next(Instant now, int attempt) {
            if (attempt >= maxAttempts) {
                return null;
            }
            long factor = 1L << Math.min(attempt - 1, 30);
            Duration wait = base.multipliedBy(factor);
            return now.plus(wait.compareTo(cap) > 0 ? cap : wait);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookStore store;
    private final WebhookPoster poster;
    private final WebhookAddresses addresses;
    private final Clock clock;
    private final Policy policy;
    private final String node;

    @Autowired
    public WebhookSender(WebhookStore store, WebhookAddresses addresses, Clock clock,
                         @Value("${motcua.integration.webhooks.batch:50}") int batch,
                         @Value("${motcua.integration.webhooks.lease:PT2M}") Duration lease,
                         @Value("${motcua.integration.webhooks.retry-base:PT30S}") Duration base,
                         @Value("${motcua.integration.webhooks.retry-cap:PT1H}") Duration cap,
                         @Value("${motcua.integration.webhooks.max-attempts:20}") int maxAttempts,
                         @Value("${motcua.integration.webhooks.timeout:PT10S}") Duration timeout) {
        this(store, WebhookPoster.http(Duration.ofSeconds(5)), addresses, clock,
                new Policy(batch, lease, base, cap, maxAttempts, timeout), nodeName());
    }

    /** A sender with its own transport, policy and node name (a second node, in the tests). */
    public WebhookSender(WebhookStore store, WebhookPoster poster, WebhookAddresses addresses, Clock clock, Policy policy,
                         String node) {
        this.store = store;
        this.poster = poster;
        this.addresses = addresses;
        this.clock = clock;
        this.policy = policy;
        this.node = node;
    }

    public Policy policy() {
        return policy;
    }

    static String nodeName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "node";
            }
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /**
     * Sends what is due now, batch after batch, until a batch comes back
     * short; returns how many deliveries were attempted. Concurrent callers
     * (other nodes) never take the same row.
     */
    public int sendDue() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            List<WebhookStore.Claimed> batch = store.claim(policy.batch(), now, now.plus(policy.lease()), node);
            for (WebhookStore.Claimed c : batch) {
                deliver(c);
            }
            total += batch.size();
            if (batch.size() < policy.batch()) {
                return total;
            }
        }
    }

    /** Sends one delivery at once (the test button); empty when it is not pending or its subscription is off. */
    public Optional<WebhookTestResult> sendNow(UUID id) {
        Instant now = clock.instant();
        return store.claimOne(id, now, now.plus(policy.lease()), node).map(this::deliver);
    }

    private WebhookTestResult deliver(WebhookStore.Claimed c) {
        byte[] body = body(c);
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            URI url = URI.create(c.url());
            addresses.check(url);
            long timestamp = started.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json; charset=utf-8");
            headers.put("User-Agent", "MotCua-Webhooks/1");
            headers.put(WebhookSigning.DELIVERY, c.id().toString());
            headers.put("Idempotency-Key", c.id().toString());
            headers.put(WebhookSigning.EVENT, c.eventType());
            headers.put(WebhookSigning.TIMESTAMP, Long.toString(timestamp));
            headers.put(WebhookSigning.SIGNATURE, WebhookSigning.sign(c.secret(), timestamp, body));
            status = poster.post(url, headers, body, policy.timeout());
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (java.net.http.HttpTimeoutException e) {
            error = "timeout after " + policy.timeout().toMillis() + " ms";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
        Instant now = clock.instant();
        if (error == null) {
            store.delivered(c, status, millis, now, node);
            return new WebhookTestResult(c.id(), true, status, null);
        }
        Instant next = policy.next(now, c.attempt());
        boolean paused = store.failed(c, status, error, millis, now, next, node);
        if (paused) {
            log.warn("Webhook subscription {} paused: delivery {} failed {} times, last: {}", c.subscriptionId(), c.id(),
                    c.attempt(), error);
        }
        return new WebhookTestResult(c.id(), false, status, error);
    }

    /** The body: the delivery's id, type and time around the event's data; the same bytes on every attempt. */
    static byte[] body(WebhookStore.Claimed c) {
        String json = "{\"id\":\"" + c.id() + "\",\"type\":\"" + c.eventType() + "\",\"createdAt\":\"" + c.createdAt()
                + "\",\"data\":" + c.data() + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
