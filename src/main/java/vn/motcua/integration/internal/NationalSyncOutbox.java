package vn.motcua.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OfficerScope;
import vn.motcua.shared.AfterCommit;

/**
 * The outbox of messages owed to the National Public Service Portal (table
 * {@code ntl_outbox}) and the local state each dossier's acts leave ({@code
 * ntl_dossier}).
 *
 * <p>Heard in the act's own transaction ({@link EventListener}, as the audit
 * trail and supervision's read model are): the message exists exactly when
 * the act committed. Every act that changed the national status (codes 1–10)
 * writes one message, named by its idempotency key {@code code:version:index}
 * (the act's name in {@link DossierActed}): an event heard twice writes
 * nothing more. The record sent is taken from the dossier at the act and
 * frozen in the row (in MotCua's field names; the national names are applied
 * when it is sent), so each retry sends the same record.
 *
 * <p>Claims take, per dossier, only its earliest unsent message: an earlier
 * message that fails holds back that dossier's later ones and nobody else's.
 * Rows are locked with {@code SKIP LOCKED} and leased to the claiming sender;
 * a sender that stops mid-batch leaves its rows to another once the lease
 * runs out (at least once; the far side drops repeats by the key).
 */
@Component
public class NationalSyncOutbox {

    private static final Locale VI = Locale.forLanguageTag("vi");

    /** A message as claimed for sending. */
    public record Message(long id, String code, int version, int index, String key, int status, Long receivingUnit,
                          Instant actedAt, String payload, int attempt, String claimedBy) {
    }

    private final JdbcClient jdbc;
    private final DossierService dossiers;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private volatile Runnable wake = () -> { };

    public NationalSyncOutbox(JdbcClient jdbc, DossierService dossiers, JsonMapper json, MessageSource messages,
                              Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** The sender to wake after an act commits. */
    void onQueued(Runnable wake) {
        this.wake = wake;
    }

    @EventListener
    public void on(DossierActed e) {
        if (e.to() == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO ntl_dossier AS d (code, receiving_unit, status, appointment_at, last_act_at, last_version, last_index)
                VALUES (:code, :unit, :status, :appointment, :at, :version, :index)
                ON CONFLICT (code) DO UPDATE SET receiving_unit = EXCLUDED.receiving_unit, status = EXCLUDED.status,
                    appointment_at = EXCLUDED.appointment_at, last_act_at = EXCLUDED.last_act_at,
                    last_version = EXCLUDED.last_version, last_index = EXCLUDED.last_index
                WHERE (d.last_version, d.last_index) < (EXCLUDED.last_version, EXCLUDED.last_index)""")
                .param("code", e.code()).param("unit", e.receivingUnit() == null ? null : e.receivingUnit().value())
                .param("status", e.to().code()).param("appointment", ts(e.appointmentAt())).param("at", ts(e.at()))
                .param("version", e.version()).param("index", e.index()).update();
        if (!e.changedStatus()) {
            return;
        }
        String key = key(e.code(), e.version(), e.index());
        Instant now = clock.instant();
        int written = jdbc.sql("""
                INSERT INTO ntl_outbox (dossier_code, act_version, act_index, idempotency_key, action, national_status,
                    receiving_unit, acted_at, payload, created_at, next_attempt_at)
                VALUES (:code, :version, :index, :key, :action, :status, :unit, :at, :payload, :now, :now)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("code", e.code()).param("version", e.version()).param("index", e.index()).param("key", key)
                .param("action", e.action().path()).param("status", e.to().code())
                .param("unit", e.receivingUnit() == null ? null : e.receivingUnit().value()).param("at", ts(e.at()))
                .param("payload", json.writeValueAsString(record(e))).param("now", ts(now)).update();
        if (written > 0) {
            AfterCommit.run(() -> wake.run());
        }
    }

    /** The idempotency key of an act's message. */
    public static String key(String code, int version, int index) {
        return code + ":" + version + ":" + index;
    }

    /**
     * The dossier record as MotCua names its fields, at this act: the
     * status, dates and history entry are the act's (a desk filing's first
     * act says "new" although the same save also received it).
     */
    Map<String, Object> record(DossierActed e) {
        DossierView d = dossiers.get(e.code(), OfficerScope.everything(null));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", e.code());
        r.put("procedureCode", d.procedureCode());
        r.put("procedureName", d.procedureName());
        r.put("channel", e.channel() == null ? null : e.channel().code());
        if (d.applicant() != null) {
            boolean person = d.applicant().kind() == ApplicantKind.PERSON;
            String id = person ? d.applicant().idNumber() : d.applicant().taxCode();
            r.put("applicantIdNumber", id);
            r.put("applicantName", d.applicant().fullName());
            r.put("applicantKind", person ? 1 : 2);
            r.put("applicantEmail", d.applicant().email());
            r.put("applicantPhone", d.applicant().phone());
            r.put("applicantAddress", d.applicant().address());
            if (id != null) {
                // LoaiDinhDanh: 1 citizen ID (số định danh cá nhân), 2 tax code of an organisation
                r.put("identifiers", List.of(Map.of("LoaiDinhDanh", person ? 1 : 2, "SoDinhDanh", id)));
            }
        }
        r.put("summary", d.caseName() == null ? d.procedureName() : d.procedureName() + " — " + d.caseName());
        r.put("filedAt", NationalFormat.iso(d.filedAt()));
        r.put("receivedAt", NationalFormat.iso(e.receivedAt()));
        r.put("appointmentAt", NationalFormat.iso(e.appointmentAt()));
        r.put("status", e.to().code());
        boolean ended = e.to() == DossierStatus.DONE || e.to() == DossierStatus.RETURNED || e.to() == DossierStatus.STOPPED
                || e.to() == DossierStatus.WITHDRAWN || e.to() == DossierStatus.REFUSED;
        r.put("finishedAt", !ended ? null : d.finishedAt() == null ? NationalFormat.iso(e.at()) : NationalFormat.iso(d.finishedAt()));
        r.put("returnedAt", e.to() == DossierStatus.RETURNED ? NationalFormat.iso(e.at()) : null);
        r.put("refusedAt", e.to() == DossierStatus.REFUSED ? NationalFormat.iso(e.at()) : null);
        r.put("handlingUnit", d.handlingUnit() == null ? null : d.handlingUnit().name());
        r.put("receivingUnitCode", d.receivingUnit() == null ? null : d.receivingUnit().code());
        r.put("note", e.reason());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("code", e.code());
        h.put("actor", e.actorName());
        h.put("actorTitle", null);
        h.put("at", NationalFormat.iso(e.at()));
        h.put("unit", d.handlingUnit() == null ? null : d.handlingUnit().name());
        String act = messages.getMessage("action." + e.action().path(), null, e.action().path(), VI);
        h.put("content", e.reason() == null || e.reason().isBlank() ? act : act + ": " + e.reason());
        h.put("status", e.to().code());
        h.put("startedAt", NationalFormat.iso(e.at()));
        h.put("dueAt", NationalFormat.iso(e.stepDueAt()));
        r.put("history", List.of(h));
        return r;
    }

    // --- claims -----------------------------------------------------------------------------------

    /**
     * Claims up to {@code max} messages due now, each the earliest unsent
     * message of its dossier, leased to {@code node} for {@code lease}.
     * {@code codes}, when given, limits the claim to these dossiers.
     */
    public List<Message> claim(int max, Duration lease, String node, Collection<String> codes) {
        Instant now = clock.instant();
        JdbcClient.StatementSpec claim = jdbc.sql("""
                WITH c AS (
                  SELECT o.id FROM ntl_outbox o
                   WHERE o.sent_at IS NULL AND NOT o.gave_up AND o.next_attempt_at <= :now
                     %s
                     AND NOT EXISTS (SELECT 1 FROM ntl_outbox e
                                      WHERE e.dossier_code = o.dossier_code AND e.sent_at IS NULL
                                        AND (e.act_version, e.act_index) < (o.act_version, o.act_index))
                   ORDER BY o.next_attempt_at, o.id
                   LIMIT :max
                   FOR UPDATE OF o SKIP LOCKED)
                UPDATE ntl_outbox o
                   SET attempts = o.attempts + 1, next_attempt_at = :leaseEnd, claimed_by = :node
                  FROM c
                 WHERE o.id = c.id
                RETURNING o.id, o.dossier_code, o.act_version, o.act_index, o.idempotency_key, o.national_status,
                          o.receiving_unit, o.acted_at, o.payload, o.attempts, o.claimed_by"""
                .formatted(codes == null ? "" : "AND o.dossier_code = ANY(CAST(:codes AS varchar[]))"))
                .param("now", ts(now))
                .param("max", max).param("leaseEnd", ts(now.plus(lease))).param("node", node);
        if (codes != null) {
            claim = claim.param("codes", codes.toArray(String[]::new));
        }
        return claim.query((rs, i) -> new Message(rs.getLong("id"), rs.getString("dossier_code"), rs.getInt("act_version"),
                        rs.getInt("act_index"), rs.getString("idempotency_key"), rs.getInt("national_status"),
                        (Long) rs.getObject("receiving_unit"), rs.getTimestamp("acted_at").toInstant(),
                        rs.getString("payload"), rs.getInt("attempts"), rs.getString("claimed_by")))
                .list()
                .stream().sorted(java.util.Comparator.comparing(Message::id)).toList();
    }

    /**
     * Records the acknowledgement: once only (a message acknowledged twice,
     * by two senders after a lease ran out, counts once); true when this call
     * recorded it.
     */
    public boolean sent(Message m, String sentAs) {
        Instant now = clock.instant();
        int n = jdbc.sql("UPDATE ntl_outbox SET sent_at = :now, sent_as = :as, last_error = NULL WHERE id = :id AND sent_at IS NULL")
                .param("now", ts(now)).param("as", sentAs).param("id", m.id()).update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("""
                UPDATE ntl_dossier SET known_nationally = true, synced_status = :status, synced_at = :now
                 WHERE code = :code""")
                .param("status", m.status()).param("now", ts(now)).param("code", m.code()).update();
        return true;
    }

    /**
     * Records a failed attempt (only while the row is still this claim's):
     * tried again after the back-off, or left for a person after the last attempt.
     */
    public void failed(Message m, String error, Duration backoff, boolean giveUp) {
        jdbc.sql("""
                UPDATE ntl_outbox SET last_error = :error, next_attempt_at = :next, gave_up = :giveUp
                 WHERE id = :id AND sent_at IS NULL AND attempts = :attempt AND claimed_by = :node""")
                .param("error", error == null ? "?" : error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("next", ts(clock.instant().plus(backoff))).param("giveUp", giveUp).param("id", m.id())
                .param("attempt", m.attempt()).param("node", m.claimedBy()).update();
    }

    /** Whether the national side already holds the dossier (a create was acknowledged). */
    public boolean knownNationally(String code) {
        return jdbc.sql("SELECT known_nationally FROM ntl_dossier WHERE code = ?").param(code).query(Boolean.class)
                .optional().orElse(false);
    }

    public void markKnown(String code) {
        jdbc.sql("UPDATE ntl_dossier SET known_nationally = true WHERE code = ?").param(code).update();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i.truncatedTo(ChronoUnit.MICROS));
    }

    static Timestamp ts(OffsetDateTime t) {
        return t == null ? null : ts(t.toInstant());
    }
}
