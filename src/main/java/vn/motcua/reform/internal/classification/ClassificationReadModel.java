package vn.motcua.reform.internal.classification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActed;
import vn.motcua.feedback.FeedbackAboutOfficerFiled;

/**
 * The officers' work figures, this module's own read model: every act an
 * officer did on a dossier (from {@link DossierActed}), and for the steps
 * they finished (a hand-over or the completion) whether on time or late
 * against the step's due time (the act's {@code stepTiming} where the
 * dossier module gives it, else the act's time against the due time the
 * dossier's previous act showed); and the PAKN filed about an officer (from
 * {@link FeedbackAboutOfficerFiled}). Synchronous listeners, inside the
 * act's transaction; an event seen twice is ignored by its key.
 */
@Component
public class ClassificationReadModel {

    private final JdbcClient jdbc;

    public ClassificationReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** Whether the act finishes a step the officer was to do: a product of their work. */
    static boolean handles(Action a) {
        return a == Action.FORWARD || a == Action.COMPLETE;
    }

    @EventListener
    public void on(DossierActed e) {
        Instant previousDue = jdbc.sql("SELECT step_due_at FROM ref_dossier_step_due WHERE code = ?").param(e.code())
                .query((rs, n) -> {
                    OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                    return t == null ? null : t.toInstant();
                }).optional().orElse(null);
        jdbc.sql("""
                        INSERT INTO ref_dossier_step_due (code, step_due_at) VALUES (?, ?)
                        ON CONFLICT (code) DO UPDATE SET step_due_at = excluded.step_due_at""")
                .params(e.code(), utc(e.stepDueAt())).update();
        if (e.actor() == null) {
            return;
        }
        String timing = null;
        if (handles(e.action())) {
            Object given = e.details() == null ? null : e.details().get("stepTiming");
            if (given != null) {
                timing = String.valueOf(given);
            } else if (previousDue != null && e.at() != null) {
                timing = e.at().isAfter(previousDue) ? "LATE" : "ON_TIME";
            } else {
                timing = "ON_TIME";
            }
        }
        jdbc.sql("""
                        INSERT INTO ref_officer_act (code, version, idx, officer_id, unit_id, action, at, timing)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.code(), e.version(), e.index(), e.actor().value(), e.unit() == null ? null : e.unit().value(),
                        e.action().name(), utc(e.at()), timing)
                .update();
    }

    @EventListener
    public void on(FeedbackAboutOfficerFiled e) {
        jdbc.sql("""
                        INSERT INTO ref_officer_feedback (code, officer_id, unit_id, filed_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(e.code(), e.officer().value(), e.unit() == null ? null : e.unit().value(),
                        utc(e.filedAt() == null ? e.at() : e.filedAt()))
                .update();
    }

    /** handled, on time (early or on time), late, all acts of an officer in [start, end). */
    public long[] acts(long officerId, Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE action IN ('FORWARD', 'COMPLETE')),
                               count(*) FILTER (WHERE action IN ('FORWARD', 'COMPLETE') AND timing IN ('EARLY', 'ON_TIME')),
                               count(*) FILTER (WHERE action IN ('FORWARD', 'COMPLETE') AND timing = 'LATE'),
                               count(*)
                          FROM ref_officer_act WHERE officer_id = ? AND at >= ? AND at < ?""")
                .params(officerId, utc(start), utc(end))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    /** PAKN filed about the officer in [start, end). */
    public long feedback(long officerId, Instant start, Instant end) {
        return jdbc.sql("SELECT count(*) FROM ref_officer_feedback WHERE officer_id = ? AND filed_at >= ? AND filed_at < ?")
                .params(officerId, utc(start), utc(end)).query(Long.class).single();
    }

    /** Steps handled per officer in [start, end), for the given officers (the workload of job positions). */
    public java.util.Map<Long, Long> handledBy(java.util.Collection<Long> officers, Instant start, Instant end) {
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        if (officers.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT officer_id, count(*) FROM ref_officer_act
                         WHERE officer_id = ANY(?) AND action IN ('FORWARD', 'COMPLETE') AND at >= ? AND at < ?
                         GROUP BY officer_id""")
                .params(officers.toArray(Long[]::new), utc(start), utc(end))
                .query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }
}
