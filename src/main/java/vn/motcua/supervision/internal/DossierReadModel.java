package vn.motcua.supervision.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActRefused;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/**
 * Keeps {@code sv_dossier}, one row per dossier as the dossier module's
 * events tell it, and hands each new act to the conduct rules.
 *
 * <p>Synchronous {@link EventListener}s, inside the act's transaction: a
 * dashboard figure must equal the list it drills down to and both must agree
 * with the dossier at once, and one upsert per act is cheap (see
 * docs/benchmarks.md). The rules run in a savepoint ({@link SignalRules}),
 * so a failing rule never refuses the officer's act. An event seen twice
 * (same {@code (code, version, index)} or an older one) changes nothing: the
 * upsert only applies a later act.
 *
 * <p>The same statement returns the row as it was (the {@code old} CTE reads
 * the statement's snapshot) and as it is, and the open backlog's counters get
 * the difference ({@link OpenTally#moved}). No {@code FOR UPDATE} there: it
 * would run after the upsert and skip the row the upsert changed. Two acts on
 * one dossier never reach this point at once: the dossier's own row, updated
 * with its version check, is locked by the first until it commits, and the
 * second then fails its version check.
 */
@Component
public class DossierReadModel {

    private static final String UPSERT = """
            WITH old AS (SELECT status, handling_unit, procedure_code, assignee, appointment_at, paused_since
                         FROM sv_dossier WHERE code = :code),
            up AS (
            INSERT INTO sv_dossier AS d (code, procedure_code, receiving_unit, handling_unit, assignee, status, channel,
                filed_at, received_at, appointment_at, step_due_at, paused_since, last_act_at, last_actor, apologies,
                supplement_requests, finished_at, finished_by, received_by, timing, last_version, last_index)
            VALUES (:code, :procedure, :receiving, :handling, :assignee, :status, :channel, :at, :receivedAt, :appointment,
                :stepDue, :pausedSince, :at, :actor, :apologies, :supplements, :finishedAt, :finishedBy, :receivedBy, :timing,
                :version, :index)
            ON CONFLICT (code) DO UPDATE SET
                procedure_code = EXCLUDED.procedure_code, receiving_unit = EXCLUDED.receiving_unit,
                handling_unit = EXCLUDED.handling_unit, assignee = EXCLUDED.assignee, status = EXCLUDED.status,
                channel = EXCLUDED.channel, received_at = EXCLUDED.received_at, appointment_at = EXCLUDED.appointment_at,
                step_due_at = EXCLUDED.step_due_at,
                paused_since = CASE WHEN EXCLUDED.status IN %s THEN coalesce(d.paused_since, EXCLUDED.paused_since) END,
                prev_act_at = d.last_act_at, last_act_at = EXCLUDED.last_act_at, last_actor = EXCLUDED.last_actor,
                apologies = EXCLUDED.apologies, supplement_requests = EXCLUDED.supplement_requests,
                finished_at = coalesce(d.finished_at, EXCLUDED.finished_at),
                finished_by = coalesce(d.finished_by, EXCLUDED.finished_by),
                received_by = coalesce(d.received_by, EXCLUDED.received_by),
                timing = coalesce(EXCLUDED.timing, d.timing),
                last_version = EXCLUDED.last_version, last_index = EXCLUDED.last_index
            WHERE (d.last_version, d.last_index) < (EXCLUDED.last_version, EXCLUDED.last_index)
            RETURNING prev_act_at, (xmax = 0) AS inserted, status, handling_unit, procedure_code, assignee, appointment_at,
                paused_since)
            SELECT up.*, old.status AS o_status, old.handling_unit AS o_unit, old.procedure_code AS o_procedure,
                old.assignee AS o_assignee, old.appointment_at AS o_appointment, old.paused_since AS o_paused
            FROM up LEFT JOIN old ON TRUE
            """.formatted(DossierStatus.sqlList(DossierStatus.PAUSED));

    /** Statuses that end the work on a dossier (the end time Decision 766 counts). */
    private static final java.util.Set<DossierStatus> ENDS = java.util.EnumSet.of(DossierStatus.REFUSED,
            DossierStatus.WITHDRAWN, DossierStatus.STOPPED, DossierStatus.DONE);

    private final JdbcClient jdbc;
    private final SignalRules rules;
    private final OpenTally tally;
    private final boolean listening;

    /**
     * {@code motcua.supervision.listening=false} stops the listeners: only for
     * measuring their cost on the lifecycle benchmark (the figures and signals
     * are then wrong), never in production.
     */
    public DossierReadModel(JdbcClient jdbc, SignalRules rules, OpenTally tally,
                            @org.springframework.beans.factory.annotation.Value("${motcua.supervision.listening:true}") boolean listening) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.tally = tally;
        this.listening = listening;
    }

    @EventListener
    public void on(DossierActed e) {
        if (!listening) {
            return;
        }
        boolean ends = e.from() != e.to() && ENDS.contains(e.to());
        String timing = null;
        if (e.action() == Action.COMPLETE) {
            Object t = e.details() == null ? null : e.details().get("timing");
            // more than one supplement request counts as late (Decision 766)
            timing = e.supplementRequests() > 1 ? "LATE" : t == null ? null : t.toString();
        }
        Optional<Map<String, Object>> applied = jdbc.sql(UPSERT)
                .param("code", e.code())
                .param("procedure", e.procedureCode())
                .param("receiving", id(e.receivingUnit()))
                .param("handling", id(e.handlingUnit()))
                .param("assignee", id(e.assignee()))
                .param("status", e.to().code())
                .param("channel", e.channel() == null ? null : e.channel().name())
                .param("at", ts(e.at()))
                .param("receivedAt", ts(e.receivedAt()))
                .param("appointment", ts(e.appointmentAt()))
                .param("stepDue", ts(e.stepDueAt()))
                .param("pausedSince", DossierStatus.PAUSED.contains(e.to()) ? ts(e.at()) : null)
                .param("actor", id(e.actor()))
                .param("apologies", e.apologies())
                .param("supplements", e.supplementRequests())
                .param("finishedAt", ends ? ts(e.at()) : null)
                .param("finishedBy", ends ? id(e.actor()) : null)
                .param("receivedBy", e.action() == Action.RECEIVE ? id(e.actor()) : null)
                .param("timing", timing)
                .param("version", e.version())
                .param("index", e.index())
                .query().listOfRows().stream().findFirst();
        if (applied.isEmpty()) {
            return; // seen already
        }
        Map<String, Object> r = applied.get();
        // the open backlog's counters follow the row: -1 for what it was, +1 for what it is (in this transaction)
        tally.moved(r.get("o_status") == null ? OpenTally.Open.NONE
                        : open(r, "o_status", "o_unit", "o_procedure", "o_assignee", "o_appointment", "o_paused"),
                open(r, "status", "handling_unit", "procedure_code", "assignee", "appointment_at", "paused_since"));
        Timestamp prev = (Timestamp) r.get("prev_act_at");
        boolean inserted = Boolean.TRUE.equals(applied.get().get("inserted"));
        rules.onActed(e, inserted || prev == null ? null : prev.toInstant());
    }

    @EventListener
    public void on(DossierActRefused e) {
        if (!listening) {
            return;
        }
        rules.onRefused(e);
    }

    private static OpenTally.Open open(Map<String, Object> r, String status, String unit, String procedure, String assignee,
                                       String appointment, String paused) {
        return OpenTally.Open.of(((Number) r.get(status)).intValue(), asLong(r.get(unit)), (String) r.get(procedure),
                asLong(r.get(assignee)), instant(r.get(appointment)), instant(r.get(paused)));
    }

    private static Long asLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return Instant.parse(o.toString());
    }

    static Long id(UnitId u) {
        return u == null ? null : u.value();
    }

    static Long id(StaffId s) {
        return s == null ? null : s.value();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
