package vn.motcua.feedback.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.portal.DossierRated;

/**
 * The feedback module's own knowledge of dossiers and their ratings, kept
 * from the events of the dossier module ({@link DossierActed}, one per history
 * row; {@link DossierReturned}) and the portal ({@link DossierRated}), never
 * from their tables: the procedure, the receiving unit, when it was received,
 * finished (with its timing) and returned, every officer who acted and the
 * unit they acted for, and the rating. The listeners run after the act's
 * commit through the event publication registry (an event is delivered again
 * after a crash); every write is an idempotent upsert that tolerates events
 * arriving out of order.
 */
@Component
class SatisfactionReadModel {

    private final JdbcClient jdbc;

    SatisfactionReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(DossierActed e) {
        OffsetDateTime at = ts(e.at());
        jdbc.sql("""
                INSERT INTO satisfaction_dossier (code, procedure_code, receiving_unit_id, received_at, completed_at, timing, returned_at)
                VALUES (:code, :procedure, :unit, :received, :completed, :timing, :returned)
                ON CONFLICT (code) DO UPDATE SET
                  procedure_code = coalesce(satisfaction_dossier.procedure_code, EXCLUDED.procedure_code),
                  receiving_unit_id = coalesce(EXCLUDED.receiving_unit_id, satisfaction_dossier.receiving_unit_id),
                  received_at = coalesce(satisfaction_dossier.received_at, EXCLUDED.received_at),
                  completed_at = coalesce(EXCLUDED.completed_at, satisfaction_dossier.completed_at),
                  timing = coalesce(EXCLUDED.timing, satisfaction_dossier.timing),
                  returned_at = coalesce(EXCLUDED.returned_at, satisfaction_dossier.returned_at),
                  updated_at = now()""")
                .param("code", e.code())
                .param("procedure", e.procedureCode())
                .param("unit", e.receivingUnit() == null ? null : e.receivingUnit().value())
                .param("received", ts(e.receivedAt()))
                .param("completed", e.action() == Action.COMPLETE ? at : null)
                .param("timing", e.action() == Action.COMPLETE && e.details() != null && e.details().get("timing") != null
                        ? String.valueOf(e.details().get("timing")) : null)
                .param("returned", e.action() == Action.RETURN ? at : null)
                .update();
        if (e.actor() != null || (e.actorName() != null && !e.actorName().isBlank())) {
            String key = e.actor() != null ? "s:" + e.actor().value() : "n:" + cut(e.actorName(), 130);
            jdbc.sql("""
                    INSERT INTO satisfaction_dossier_officer (code, officer_key, staff_id, name, unit_id) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (code, officer_key) DO NOTHING""")
                    .params(e.code(), key, e.actor() == null ? null : e.actor().value(), cut(e.actorName(), 200),
                            e.unit() == null ? null : e.unit().value())
                    .update();
        }
    }

    @ApplicationModuleListener
    void on(DossierReturned e) {
        jdbc.sql("""
                INSERT INTO satisfaction_dossier (code, receiving_unit_id, returned_at) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET returned_at = EXCLUDED.returned_at,
                  receiving_unit_id = coalesce(satisfaction_dossier.receiving_unit_id, EXCLUDED.receiving_unit_id), updated_at = now()""")
                .params(e.code(), e.receivingUnit() == null ? null : e.receivingUnit().value(), ts(e.at()))
                .update();
    }

    @ApplicationModuleListener
    void on(DossierRated e) {
        jdbc.sql("""
                INSERT INTO satisfaction_rating (dossier_code, rating, reasons, comment, channel, rated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (dossier_code) DO NOTHING""")
                .params(e.code(), e.rating().name(), e.reasons().toArray(String[]::new), e.comment(), e.channel().name(), ts(e.at()))
                .update();
        jdbc.sql("""
                INSERT INTO satisfaction_dossier (code, procedure_code, receiving_unit_id) VALUES (?, ?, ?)
                ON CONFLICT (code) DO NOTHING""")
                .params(e.code(), e.procedureCode(), e.receivingUnit() == null ? null : e.receivingUnit().value())
                .update();
    }

    private static OffsetDateTime ts(java.time.Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
