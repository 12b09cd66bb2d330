package vn.motcua.integration.internal.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.integration.WebhookDeliveryView;
import vn.motcua.integration.WebhookSubscriptionView;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;

/**
 * The webhook tables: subscriptions, the outbox of deliveries and their
 * attempts. Deliveries are written in the caller's transaction (the act that
 * raised the event); claims and outcomes commit on their own.
 */
@Component
public class WebhookStore {

    /** A delivery claimed for sending, with what is needed to send it. */
    public record Claimed(UUID id, long subscriptionId, String url, String secret, String eventType, String data,
                          Instant createdAt, int attempt) {
    }

    private final JdbcClient jdbc;

    public WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the outbox

    /**
     * One delivery per subscription that wants one of the types, in the
     * caller's transaction. A subscription paused by failures still collects
     * (its partner gets everything once it is enabled again); one switched
     * off by an administrator does not.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public int enqueue(List<String> types, String data, Instant now) {
        return jdbc.sql("""
                INSERT INTO webhook_delivery (id, subscription_id, event_type, data, created_at, next_attempt_at)
                SELECT gen_random_uuid(), s.id, t.type, :data, :now, :now
                  FROM webhook_subscription s CROSS JOIN unnest(CAST(:types AS text[])) AS t(type)
                 WHERE (s.active OR s.disabled_reason = 'FAILURES') AND t.type = ANY (s.event_types)""")
                .param("data", data).param("now", Timestamp.from(now)).param("types", types.toArray(String[]::new))
                .update();
    }

    /** One delivery to one subscription (the test button's). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public UUID enqueueOne(long subscriptionId, String type, String data, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, subscription_id, event_type, data, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .param(id).param(subscriptionId).param(type).param(data).param(Timestamp.from(now)).param(Timestamp.from(now))
                .update();
        return id;
    }

    /**
     * Claims up to {@code max} due deliveries of active subscriptions, oldest
     * first, leased until {@code until}: {@code SKIP LOCKED} keeps concurrent
     * senders off each other's rows, and a sender that dies leaves its rows to
     * be claimed again once the lease has run out.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<Claimed> claim(int max, Instant now, Instant until, String node) {
        return claimWhere("d.next_attempt_at <= :now", null, max, now, until, node);
    }

    /** Claims one delivery now, due or not (the test button sends at once). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Claimed> claimOne(UUID id, Instant now, Instant until, String node) {
        return claimWhere("d.id = :id", id, 1, now, until, node).stream().findFirst();
    }

    private List<Claimed> claimWhere(String condition, UUID id, int max, Instant now, Instant until, String node) {
        var spec = jdbc.sql("""
                WITH c AS (
                  SELECT d.id FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                   WHERE d.status = 'PENDING' AND s.active AND %s
                   ORDER BY d.next_attempt_at, d.created_at
                   LIMIT :max
                   FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_delivery d
                   SET attempts = d.attempts + 1, next_attempt_at = :until, claimed_by = :node
                  FROM c, webhook_subscription s
                 WHERE d.id = c.id AND s.id = d.subscription_id
                RETURNING d.id, d.subscription_id, s.url, s.secret, d.event_type, d.data, d.created_at, d.attempts""".formatted(condition))
                .param("max", max).param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).param("node", node);
        if (id != null) {
            spec = spec.param("id", id);
        }
        return spec.query((rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getLong("subscription_id"),
                rs.getString("url"), rs.getString("secret"), rs.getString("event_type"), rs.getString("data"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"))).list();
    }

    /** The partner took the delivery: recorded with its attempt; the subscription's run of failures ends. */
    @Transactional
    public void delivered(Claimed c, int status, int millis, Instant now, String node) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = ?, last_attempt_at = ?, last_status = ?,
                       last_error = NULL WHERE id = ? AND status = 'PENDING'""")
                .param(Timestamp.from(now)).param(Timestamp.from(now)).param(status).param(c.id()).update();
        jdbc.sql("UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures <> 0")
                .param(c.subscriptionId()).update();
        attempt(c, now, status, null, millis, node);
    }

    /**
     * The attempt failed: tried again at {@code next}, or, when {@code next}
     * is null (no attempt left), the delivery is FAILED and the subscription
     * paused for failures. Returns whether the subscription was paused.
     */
    @Transactional
    public boolean failed(Claimed c, Integer status, String error, int millis, Instant now, Instant next, String node) {
        String err = cut(error);
        jdbc.sql("""
                UPDATE webhook_delivery SET status = CASE WHEN :giveUp THEN 'FAILED' ELSE 'PENDING' END,
                       next_attempt_at = COALESCE(:next, next_attempt_at), last_attempt_at = :now, last_status = :status,
                       last_error = :error WHERE id = :id AND status = 'PENDING'""")
                .param("giveUp", next == null).param("next", next == null ? null : Timestamp.from(next))
                .param("now", Timestamp.from(now)).param("status", status).param("error", err).param("id", c.id()).update();
        jdbc.sql("UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1 WHERE id = ?")
                .param(c.subscriptionId()).update();
        attempt(c, now, status, err, millis, node);
        if (next == null) {
            return jdbc.sql("""
                    UPDATE webhook_subscription SET active = FALSE, disabled_at = ?, disabled_reason = 'FAILURES',
                           version = version + 1 WHERE id = ? AND active""")
                    .param(Timestamp.from(now)).param(c.subscriptionId()).update() > 0;
        }
        return false;
    }

    private void attempt(Claimed c, Instant now, Integer status, String error, int millis, String node) {
        jdbc.sql("INSERT INTO webhook_attempt (delivery_id, attempt, at, status, error, millis, node) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .param(c.id()).param(c.attempt()).param(Timestamp.from(now)).param(status).param(error).param(millis)
                .param(node).update();
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    // ---- subscriptions

    @Transactional(propagation = Propagation.SUPPORTS)
    public long create(String partner, String url, List<String> types, String secret, Instant now, String by) {
        return jdbc.sql("""
                INSERT INTO webhook_subscription (partner, url, event_types, secret, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .param(partner).param(url).param(types.toArray(String[]::new)).param(secret).param(Timestamp.from(now))
                .param(by).query(Long.class).single();
    }

    private static final String VIEW = """
            SELECT s.*,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.status = 'PENDING') AS pending,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.status = 'DELIVERED') AS delivered,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.status = 'FAILED') AS failed
              FROM webhook_subscription s""";

    public List<WebhookSubscriptionView> subscriptions() {
        return jdbc.sql(VIEW + " ORDER BY s.partner, s.id").query(WebhookStore::view).list();
    }

    public Optional<WebhookSubscriptionView> subscription(long id) {
        return jdbc.sql(VIEW + " WHERE s.id = ?").param(id).query(WebhookStore::view).optional();
    }

    private static WebhookSubscriptionView view(ResultSet rs, int i) throws SQLException {
        Array types = rs.getArray("event_types");
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new WebhookSubscriptionView(rs.getLong("id"), rs.getString("partner"), rs.getString("url"),
                Arrays.asList((String[]) types.getArray()), rs.getBoolean("active"), rs.getInt("consecutive_failures"),
                disabled == null ? null : disabled.toInstant(), rs.getString("disabled_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("version"),
                rs.getLong("pending"), rs.getLong("delivered"), rs.getLong("failed"));
    }

    /** Switches a subscription off (an administrator's act); false when the version is stale or it is off already. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean disable(long id, int version, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_subscription SET active = FALSE, disabled_at = ?, disabled_reason = 'ADMIN', version = version + 1
                 WHERE id = ? AND version = ? AND active""")
                .param(Timestamp.from(now)).param(id).param(version).update() > 0;
    }

    /**
     * Switches a subscription on again: its run of failures forgotten, and
     * the deliveries that ran out of attempts while the partner was away put
     * back in the queue (nothing is lost). Returns how many were put back, or
     * -1 when the version is stale or it is on already.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public int enable(long id, int version, Instant now) {
        int changed = jdbc.sql("""
                UPDATE webhook_subscription SET active = TRUE, disabled_at = NULL, disabled_reason = NULL,
                       consecutive_failures = 0, version = version + 1 WHERE id = ? AND version = ? AND NOT active""")
                .param(id).param(version).update();
        if (changed == 0) {
            return -1;
        }
        return jdbc.sql("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?
                 WHERE subscription_id = ? AND status = 'FAILED'""")
                .param(Timestamp.from(now)).param(id).update();
    }

    // ---- history

    public PageResult<WebhookDeliveryView> deliveries(long subscriptionId, String status, Paging paging) {
        String where = " WHERE subscription_id = :sid" + (status == null ? "" : " AND status = :status");
        var count = jdbc.sql("SELECT count(*) FROM webhook_delivery" + where).param("sid", subscriptionId);
        var list = jdbc.sql("SELECT * FROM webhook_delivery" + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("sid", subscriptionId).param("limit", paging.size()).param("offset", paging.offset());
        if (status != null) {
            count = count.param("status", status);
            list = list.param("status", status);
        }
        long total = count.query(Long.class).single();
        List<WebhookDeliveryView> items = list.query((rs, i) -> delivery(rs, List.of())).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public Optional<WebhookDeliveryView> delivery(UUID id) {
        List<WebhookDeliveryView.Attempt> history = jdbc.sql(
                        "SELECT attempt, at, status, error, millis FROM webhook_attempt WHERE delivery_id = ? ORDER BY at, attempt")
                .param(id).query((rs, i) -> new WebhookDeliveryView.Attempt(rs.getInt("attempt"),
                        rs.getTimestamp("at").toInstant(), (Integer) rs.getObject("status"), rs.getString("error"),
                        rs.getInt("millis"))).list();
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ?").param(id).query((rs, i) -> delivery(rs, history)).optional();
    }

    private static WebhookDeliveryView delivery(ResultSet rs, List<WebhookDeliveryView.Attempt> history) throws SQLException {
        Timestamp last = rs.getTimestamp("last_attempt_at");
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new WebhookDeliveryView(rs.getObject("id", UUID.class), rs.getLong("subscription_id"),
                rs.getString("event_type"), rs.getTimestamp("created_at").toInstant(), rs.getString("status"),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), last == null ? null : last.toInstant(),
                (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                delivered == null ? null : delivered.toInstant(), history);
    }
}
