package vn.motcua.integration.internal.sms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.integration.SmsMessageView;
import vn.motcua.integration.SmsTemplateView;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;

/** The SMS tables: templates and the outbox of text messages (claimed with a lease, like webhook deliveries). */
@Component
public class SmsStore {

    /** A message claimed for sending. */
    public record Claimed(long id, String key, String kind, String phone, String body, int attempt) {
    }

    /** A template as stored. */
    public record Template(String kind, String body, boolean plain, Instant updatedAt, String updatedBy, int version) {
    }

    private final JdbcClient jdbc;

    public SmsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Template> template(String kind) {
        return jdbc.sql("SELECT * FROM sms_template WHERE kind = ?").param(kind).query(SmsStore::template).optional();
    }

    public List<Template> templates() {
        return jdbc.sql("""
                SELECT * FROM sms_template ORDER BY array_position(
                  ARRAY['RECEIVED','REFUSED','SUPPLEMENT','COMPLETED','RETURNED','OTHER'], kind::text), kind""")
                .query(SmsStore::template).list();
    }

    private static Template template(ResultSet rs, int i) throws SQLException {
        return new Template(rs.getString("kind"), rs.getString("body"), rs.getBoolean("plain"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getInt("version"));
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean updateTemplate(String kind, String body, boolean plain, int version, Instant now, String by) {
        return jdbc.sql("""
                UPDATE sms_template SET body = ?, plain = ?, updated_at = ?, updated_by = ?, version = version + 1
                 WHERE kind = ? AND version = ?""")
                .param(body).param(plain).param(Timestamp.from(now)).param(by).param(kind).param(version).update() > 0;
    }

    /** Writes a message unless one with the same key exists (a notice owed twice is sent once); true when written. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean enqueue(String key, String kind, String dossierCode, String phone, String body, Instant now) {
        return jdbc.sql("""
                INSERT INTO sms_message (key, kind, dossier_code, phone, body, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING""")
                .param(key).param(kind).param(dossierCode).param(phone).param(body).param(Timestamp.from(now))
                .param(Timestamp.from(now)).update() > 0;
    }

    /** Claims up to {@code max} due messages, oldest first, leased until {@code until} (see WebhookStore.claim). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<Claimed> claim(int max, Instant now, Instant until) {
        return jdbc.sql("""
                WITH c AS (
                  SELECT id FROM sms_message WHERE status = 'PENDING' AND next_attempt_at <= :now
                   ORDER BY next_attempt_at, id LIMIT :max FOR UPDATE SKIP LOCKED)
                UPDATE sms_message m SET attempts = m.attempts + 1, next_attempt_at = :until
                  FROM c WHERE m.id = c.id
                RETURNING m.id, m.key, m.kind, m.phone, m.body, m.attempts""")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).param("max", max)
                .query((rs, i) -> new Claimed(rs.getLong("id"), rs.getString("key"), rs.getString("kind"),
                        rs.getString("phone"), rs.getString("body"), rs.getInt("attempts"))).list();
    }

    /** The gateway took it; the text of a message that is not a dossier notice (a one-time code) is not kept. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void sent(long id, String gatewayId, Instant now) {
        jdbc.sql("""
                UPDATE sms_message SET status = 'SENT', gateway_id = ?, sent_at = ?, status_at = ?, last_error = NULL,
                       body = CASE WHEN kind = 'OTHER' THEN NULL ELSE body END WHERE id = ? AND status = 'PENDING'""")
                .param(gatewayId).param(Timestamp.from(now)).param(Timestamp.from(now)).param(id).update();
    }

    /** Failed: tried again at {@code next}; FAILED when null (no attempt left); REJECTED when the gateway refused it for good. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void failed(long id, String error, Instant now, Instant next, boolean rejected) {
        String status = rejected ? "REJECTED" : next == null ? "FAILED" : "PENDING";
        jdbc.sql("""
                UPDATE sms_message SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?,
                       status_at = ? WHERE id = ? AND status = 'PENDING'""")
                .param(status).param(next == null ? null : Timestamp.from(next))
                .param(error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error)
                .param(Timestamp.from(now)).param(id).update();
    }

    /** Messages the gateway took whose fate is not known yet, sent since {@code since}, least recently checked first. */
    public List<Object[]> awaitingReport(Instant since, int max) {
        return jdbc.sql("""
                SELECT id, gateway_id FROM sms_message WHERE status = 'SENT' AND sent_at >= ? AND gateway_id IS NOT NULL
                 ORDER BY status_at, id LIMIT ?""")
                .param(Timestamp.from(since)).param(max)
                .query((rs, i) -> new Object[] {rs.getLong("id"), rs.getString("gateway_id")}).list();
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void report(long id, String status, Instant now) {
        jdbc.sql("UPDATE sms_message SET status = COALESCE(?, status), status_at = ? WHERE id = ? AND status = 'SENT'")
                .param(status).param(Timestamp.from(now)).param(id).update();
    }

    public PageResult<SmsMessageView> messages(String dossierCode, String status, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (dossierCode != null) {
            where.append(" AND dossier_code = :code");
        }
        if (status != null) {
            where.append(" AND status = :status");
        }
        var count = jdbc.sql("SELECT count(*) FROM sms_message" + where);
        var list = jdbc.sql("SELECT * FROM sms_message" + where + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", paging.size()).param("offset", paging.offset());
        if (dossierCode != null) {
            count = count.param("code", dossierCode);
            list = list.param("code", dossierCode);
        }
        if (status != null) {
            count = count.param("status", status);
            list = list.param("status", status);
        }
        long total = count.query(Long.class).single();
        return new PageResult<>(list.query(SmsStore::message).list(), paging.page(), paging.size(), total);
    }

    private static SmsMessageView message(ResultSet rs, int i) throws SQLException {
        return new SmsMessageView(rs.getLong("id"), rs.getString("kind"), rs.getString("dossier_code"),
                SmsText.mask(rs.getString("phone")), rs.getString("body"), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("gateway_id"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("status_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** For the page's template list: a template as shown, with its preview. */
    public static SmsTemplateView view(Template t, String preview) {
        return new SmsTemplateView(t.kind(), t.body(), t.plain(), t.updatedAt(), t.updatedBy(), t.version(), preview);
    }
}
