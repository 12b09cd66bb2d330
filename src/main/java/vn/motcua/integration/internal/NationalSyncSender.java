package vn.motcua.integration.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.integration.DossierSynced;
import vn.motcua.organization.UnitId;
import vn.motcua.shared.PollingWorker;
import vn.motcua.shared.Texts;

/**
 * Sends the outbox ({@link NationalSyncOutbox}) to the National Public
 * Service Portal: one thread per node, woken right after an act commits on
 * this node and otherwise every {@code poll} (messages of other nodes, retries
 * that came due). Idle when no address is configured, and when scheduled
 * work is off ({@code motcua.scheduling.enabled=false}: the tests call
 * {@link #sendDue} themselves).
 *
 * <p>Per message, as provincial systems do it: create or update. A dossier
 * the national side is not known to hold is looked up first ({@code
 * TraCuuHoSo}); found → update ({@code isUpdating "True"}), not found →
 * create, and a create refused with "đã tồn tại" is sent again as an update.
 * The message carries its idempotency key in the header {@code
 * Idempotency-Key} and in the body ({@code IdempotencyKey}), so a retry of a
 * message whose answer was lost is one record on the far side. A failure
 * waits {@code backoff-base × 2^(attempt−1)}, at most {@code backoff-cap};
 * after {@code max-attempts} it waits for a person (the failures page's
 * "send again"). The acknowledgement is recorded once, with {@link
 * DossierSynced}, in one transaction.
 */
@Component
public class NationalSyncSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NationalSyncSender.class);
    static final String LOOKUP = "TraCuuHoSo";
    static final String SYNC = "DongBoHoSoMC";

    /** Thrown by the test hook: the node stops here, holding what it claimed. */
    static final class NodeStopped extends RuntimeException {
        NodeStopped() {
            super("node stopped");
        }
    }

    private final NationalSyncOutbox outbox;
    private final NationalPortalClient client;
    private final NationalPortalProperties props;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean scheduling;
    private final String node;
    private final PollingWorker worker;
    /** For the tests only: after the far side answered this message, the node stops before recording it. */
    volatile Predicate<NationalSyncOutbox.Message> stopAfterPost = m -> false;

    @org.springframework.beans.factory.annotation.Autowired
    public NationalSyncSender(NationalSyncOutbox outbox, NationalPortalClient client, NationalPortalProperties props,
                              JsonMapper json, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
                              @Value("${motcua.scheduling.enabled:true}") boolean scheduling) {
        this(outbox, client, props, json, tx, events, clock, scheduling, ManagementFactory.getRuntimeMXBean().getName());
    }

    NationalSyncSender(NationalSyncOutbox outbox, NationalPortalClient client, NationalPortalProperties props,
                       JsonMapper json, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
                       boolean scheduling, String node) {
        this.clock = clock;
        this.outbox = outbox;
        this.client = client;
        this.props = props;
        this.json = json;
        this.tx = tx;
        this.events = events;
        this.scheduling = scheduling;
        this.node = node;
        this.worker = new PollingWorker("national-sync", props::getPoll, this::sendDue, log);
        if (scheduling) {
            outbox.onQueued(this::wake);
        }
    }

    public String node() {
        return node;
    }

    public void wake() {
        worker.wake();
    }

    /** Sends everything due now, batch after batch; returns how many messages were acknowledged. */
    public int sendDue() {
        return sendDue(null);
    }

    /**
     * As {@link #sendDue()}, for these dossiers only ({@code null}: all).
     * Concurrent callers, here or on other nodes, never take the same
     * message, nor two messages of one dossier at once.
     */
    public int sendDue(Collection<String> codes) {
        if (!props.connected()) {
            return 0;
        }
        int acknowledged = 0;
        while (true) {
            List<NationalSyncOutbox.Message> batch = outbox.claim(props.getBatch(), props.getLease(), node, codes);
            if (batch.isEmpty()) {
                return acknowledged;
            }
            for (NationalSyncOutbox.Message m : batch) {
                if (deliver(m)) {
                    acknowledged++;
                }
            }
        }
    }

    /** One message: true when the far side acknowledged it. */
    boolean deliver(NationalSyncOutbox.Message m) {
        NationalPortalClient.Reply r;
        String sentAs;
        try {
            Map<String, Object> record = json.readValue(m.payload(), new TypeReference<Map<String, Object>>() { });
            Map<String, Object> national = NationalFormat.toNational(record, props);
            boolean update = outbox.knownNationally(m.code());
            if (!update) {
                NationalPortalClient.Reply found = client.call(LOOKUP, Map.of("mahoso", m.code()), m.id(), m.code(), m.key());
                Boolean exists = exists(found);
                if (exists == null) {
                    failed(m, "TraCuuHoSo: " + found.describe());
                    return false;
                }
                update = exists;
                if (update) {
                    outbox.markKnown(m.code());
                }
            }
            r = client.call(SYNC, body(m, national, update), m.id(), m.code(), m.key());
            if (!update && !r.ok() && r.alreadyExists()) {
                update = true;
                r = client.call(SYNC, body(m, national, true), m.id(), m.code(), m.key());
            }
            sentAs = update ? "UPDATE" : "CREATE";
        } catch (NodeStopped e) {
            throw e;
        } catch (RuntimeException e) {
            failed(m, e.toString());
            return false;
        }
        if (stopAfterPost.test(m)) {
            throw new NodeStopped();
        }
        if (!r.ok()) {
            failed(m, SYNC + ": " + r.describe());
            return false;
        }
        Boolean first = tx.execute(s -> {
            boolean recorded = outbox.sent(m, sentAs);
            if (recorded) {
                events.publishEvent(new DossierSynced(m.code(), m.receivingUnit() == null ? null : new UnitId(m.receivingUnit()),
                        props.status(m.status()), clock.instant()));
            }
            return recorded;
        });
        return Boolean.TRUE.equals(first);
    }

    private static Map<String, Object> body(NationalSyncOutbox.Message m, Map<String, Object> national, boolean update) {
        Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("isUpdating", update ? "True" : "False");
        b.put("IdempotencyKey", m.key());
        b.put("data", List.of(national));
        return b;
    }

    /** Whether the lookup found the dossier; null when it failed (nothing can be decided). */
    private static Boolean exists(NationalPortalClient.Reply r) {
        if (r.ok()) {
            JsonNode result = r.body().path("result");
            return result.isArray() ? !result.isEmpty() : result.isObject() && !result.isEmpty();
        }
        String message = Texts.fold(r.message());
        if (r.error() == null && r.httpStatus() != null && r.httpStatus() / 100 == 2
                && (message.contains("khong tim thay") || message.contains("khong ton tai"))) {
            return false;
        }
        return null;
    }

    private void failed(NationalSyncOutbox.Message m, String error) {
        boolean giveUp = m.attempt() >= props.getMaxAttempts();
        Duration wait = backoff(m.attempt());
        log.warn("National sync of {} ({}) failed, attempt {}: {}", m.code(), m.key(), m.attempt(), error);
        outbox.failed(m, error, wait, giveUp);
    }

    /** The wait after the n-th failed attempt: base × 2^(n−1), at most the cap. */
    Duration backoff(int attempt) {
        Duration base = props.getBackoffBase();
        Duration cap = props.getBackoffCap();
        int shift = Math.max(0, Math.min(attempt - 1, 30));
        Duration d = base.multipliedBy(1L << shift);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    @Override
    public void start() {
        if (scheduling && props.connected()) {
            worker.start();
        }
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
