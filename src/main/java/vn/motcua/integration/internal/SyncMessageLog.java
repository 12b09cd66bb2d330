package vn.motcua.integration.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.integration.SyncLogEntry;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;

/**
 * The signed, time-stamped log of every request MotCua sent to the national
 * portal and what came back (table {@code ntl_message_log}). Each row is
 * signed with HMAC-SHA256 over all its fields, its id included, with the key
 * {@code motcua.integration.national-portal.hmac-key}: a row edited in the
 * database (an answer turned into a success, a time moved) no longer matches
 * its signature, and the log page says so. Rows are written on their own
 * (no transaction), so a log line stays even when what followed failed.
 */
@Component
public class SyncMessageLog {

    private static final Logger log = LoggerFactory.getLogger(SyncMessageLog.class);
    /** Used only when no key is configured (development); the pages then warn that the log is not protected. */
    static final String DEVELOPMENT_KEY = "motcua-development-only-national-sync-log-key";

    /** One exchange to record. */
    public record Exchange(Long outboxId, String code, String key, String service, String url, String request,
                           Integer status, String response, String error, long durationMs, boolean ok) {
    }

    private final JdbcClient jdbc;
    private final NationalPortalProperties props;
    private final Clock clock;
    private final byte[] key;

    public SyncMessageLog(JdbcClient jdbc, NationalPortalProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
        boolean configured = props.getHmacKey() != null && !props.getHmacKey().isBlank();
        if (!configured && props.connected()) {
            log.warn("motcua.integration.national-portal.hmac-key is not set: the national sync log is signed with a development key");
        }
        this.key = (configured ? props.getHmacKey() : DEVELOPMENT_KEY).getBytes(StandardCharsets.UTF_8);
    }

    public boolean keyConfigured() {
        return props.getHmacKey() != null && !props.getHmacKey().isBlank();
    }

    /** Appends an exchange; returns its id. */
    public long record(Exchange x) {
        long id = jdbc.sql("SELECT nextval('ntl_message_log_seq')").query(Long.class).single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String request = cut(x.request());
        String response = cut(x.response());
        String error = cut(x.error());
        int duration = (int) Math.min(Integer.MAX_VALUE, Math.max(0, x.durationMs()));
        String signature = sign(id, at, x.outboxId(), x.code(), x.key(), x.service(), x.url(), request, x.status(),
                response, error, duration, x.ok());
        jdbc.sql("""
                INSERT INTO ntl_message_log (id, at, outbox_id, dossier_code, idempotency_key, service, url, request,
                    response_status, response, error, duration_ms, ok, signature)
                VALUES (:id, :at, :outbox, :code, :key, :service, :url, :request, :status, :response, :error, :duration, :ok, :signature)""")
                .param("id", id).param("at", java.sql.Timestamp.from(at)).param("outbox", x.outboxId())
                .param("code", x.code()).param("key", x.key()).param("service", x.service()).param("url", x.url())
                .param("request", request).param("status", x.status()).param("response", response).param("error", error)
                .param("duration", duration).param("ok", x.ok()).param("signature", signature).update();
        return id;
    }

    /** A page of the log, newest first: by dossier code (prefix), service, period, only failed exchanges. */
    public PageResult<SyncLogEntry> search(String code, String service, Instant from, Instant to, boolean failedOnly,
                                           Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (code != null && !code.isBlank()) {
            where.append(" AND dossier_code LIKE ?");
            params.add(vn.motcua.shared.Texts.likeEscape(code.trim()) + "%");
        }
        if (service != null && !service.isBlank()) {
            where.append(" AND service = ?");
            params.add(service.trim());
        }
        if (from != null) {
            where.append(" AND at >= ?");
            params.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND at < ?");
            params.add(java.sql.Timestamp.from(to));
        }
        if (failedOnly) {
            where.append(" AND NOT ok");
        }
        long total = jdbc.sql("SELECT count(*) FROM ntl_message_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(paging.size());
        pageParams.add(paging.offset());
        List<SyncLogEntry> items = jdbc.sql("SELECT * FROM ntl_message_log" + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageParams).query((rs, i) -> entry(rs)).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public java.util.Optional<SyncLogEntry> find(long id) {
        return jdbc.sql("SELECT * FROM ntl_message_log WHERE id = ?").param(id).query((rs, i) -> entry(rs)).optional();
    }

    /** The exchanges of one message (by its idempotency key), oldest first. */
    public List<SyncLogEntry> ofMessage(String idempotencyKey) {
        return jdbc.sql("SELECT * FROM ntl_message_log WHERE idempotency_key = ? ORDER BY at, id").param(idempotencyKey)
                .query((rs, i) -> entry(rs)).list();
    }

    private SyncLogEntry entry(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Instant at = rs.getTimestamp("at").toInstant();
        Long outbox = (Long) rs.getObject("outbox_id");
        Integer status = (Integer) rs.getObject("response_status");
        String expected = sign(id, at, outbox, rs.getString("dossier_code"), rs.getString("idempotency_key"),
                rs.getString("service"), rs.getString("url"), rs.getString("request"), status, rs.getString("response"),
                rs.getString("error"), rs.getInt("duration_ms"), rs.getBoolean("ok"));
        boolean intact = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                rs.getString("signature").getBytes(StandardCharsets.US_ASCII));
        return new SyncLogEntry(id, at, outbox, rs.getString("dossier_code"), rs.getString("idempotency_key"),
                rs.getString("service"), rs.getString("url"), rs.getString("request"), status, rs.getString("response"),
                rs.getString("error"), rs.getInt("duration_ms"), rs.getBoolean("ok"), rs.getString("signature"), intact);
    }

    /** The signature: HMAC-SHA256 over the fields, each length-prefixed (no field can borrow from the next). */
    String sign(long id, Instant at, Long outboxId, String code, String idempotencyKey, String service, String url, String request,
                Integer status, String response, String error, int durationMs, boolean ok) {
        StringBuilder b = new StringBuilder();
        for (Object f : new Object[] {id, at.truncatedTo(ChronoUnit.MICROS), outboxId, code, idempotencyKey, service, url, request,
                status, response, error, durationMs, ok}) {
            String s = f == null ? "\u0000" : f.toString();
            b.append(s.length()).append(':').append(s).append('|');
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 100_000 ? s.substring(0, 100_000) : s;
    }
}
