package vn.motcua.indicators.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.feedback.FeedbackAnswerRated;
import vn.motcua.feedback.FeedbackAnswered;
import vn.motcua.feedback.FeedbackFiled;
import vn.motcua.feedback.FeedbackRating;
import vn.motcua.feedback.FeedbackReceived;
import vn.motcua.feedback.FeedbackRefused;
import vn.motcua.feedback.FeedbackRerouted;
import vn.motcua.integration.DossierSynced;
import vn.motcua.integration.PaymentReceived;
import vn.motcua.integration.PopulationDataUsed;
import vn.motcua.portal.DossierRated;
import vn.motcua.portal.RatingService;

/**
 * The index's read model of what the public and the national systems said:
 * PAKN within competence and their answers (feedback module), ratings of
 * dossiers and PAKN naming a dossier (portal, feedback), acknowledgements
 * of the national portal, online payments and population-data filings
 * (integration). Synchronous listeners, in the publishing transaction, like
 * the dossier facts ({@link IndicatorReadModel}); each write is idempotent
 * (the first acknowledgement, payment or filing is kept), so an event seen
 * twice changes nothing. What a dossier's marks become is mirrored on its
 * facts at once ({@link FactStore#remark}), so the per-day aggregates count
 * them and the ranking needs no pass over the period's dossiers.
 */
@Component
public class VoiceReadModel {

    private final JdbcClient jdbc;
    private final ScoringUnits scoring;
    private final FactStore facts;

    public VoiceReadModel(JdbcClient jdbc, ScoringUnits scoring, FactStore facts) {
        this.jdbc = jdbc;
        this.scoring = scoring;
        this.facts = facts;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static LocalDate day(Instant i) {
        return i.atZone(CalendarService.ZONE).toLocalDate();
    }

    // --- PAKN ------------------------------------------------------------------------------------

    /** Received by the desk: within the administration's competence, owed by the unit it was routed to. */
    @EventListener
    public void on(FeedbackReceived e) {
        if (e.routedTo() == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO ind_feedback (code, unit_id, received_at, received_day, due_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO NOTHING""")
                .params(e.code(), scoring.of(e.routedTo()), ts(e.at()), day(e.at()), ts(e.handleDueAt()))
                .update();
    }

    /** Routed to another unit: that unit owes it now, by a new limit. */
    @EventListener
    public void on(FeedbackRerouted e) {
        if (e.to() == null) {
            return;
        }
        jdbc.sql("UPDATE ind_feedback SET unit_id = ?, due_at = ? WHERE code = ? AND answered_at IS NULL")
                .params(scoring.of(e.to()), ts(e.handleDueAt()), e.code())
                .update();
    }

    @EventListener
    public void on(FeedbackAnswered e) {
        jdbc.sql("UPDATE ind_feedback SET answered_at = ?, answered_day = ?, on_time = ?, due_at = coalesce(?, due_at) "
                        + "WHERE code = ? AND answered_at IS NULL")
                .params(ts(e.at()), day(e.at()), e.onTime(), ts(e.handleDueAt()), e.code())
                .update();
    }

    @EventListener
    public void on(FeedbackAnswerRated e) {
        jdbc.sql("UPDATE ind_feedback SET unsatisfied = ? WHERE code = ?")
                .params(e.rating() == FeedbackRating.NOT_SATISFIED, e.code())
                .update();
    }

    /** A PAKN naming a dossier makes it "a dossier with a PAKN" (unless the desk refuses the PAKN). */
    @EventListener
    public void on(FeedbackFiled e) {
        if (e.dossierCode() == null || e.dossierCode().isBlank()) {
            return;
        }
        jdbc.sql("INSERT INTO ind_dossier_complaint (feedback_code, dossier_code) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(e.code(), e.dossierCode())
                .update();
        facts.remark(e.dossierCode());
    }

    @EventListener
    public void on(FeedbackRefused e) {
        jdbc.sql("UPDATE ind_dossier_complaint SET refused = true WHERE feedback_code = ? RETURNING dossier_code")
                .param(e.code()).query(String.class).optional().ifPresent(facts::remark);
    }

    // --- dossiers --------------------------------------------------------------------------------

    @EventListener
    public void on(DossierRated e) {
        if (e.rating() != RatingService.Rating.NOT_SATISFIED) {
            return;
        }
        jdbc.sql("""
                INSERT INTO ind_dossier_mark (code, unsatisfied) VALUES (?, true)
                ON CONFLICT (code) DO UPDATE SET unsatisfied = true""")
                .param(e.code())
                .update();
        facts.remark(e.code());
    }

    @EventListener
    public void on(DossierSynced e) {
        mark("synced_at", e.code(), e.at());
    }

    @EventListener
    public void on(PaymentReceived e) {
        mark("paid_at", e.code(), e.at());
    }

    @EventListener
    public void on(PopulationDataUsed e) {
        mark("population_at", e.code(), e.at());
    }

    /** Keeps the first time (the column is one of this class's constants). */
    private void mark(String column, String code, Instant at) {
        jdbc.sql("INSERT INTO ind_dossier_mark (code, " + column + ") VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET "
                        + column + " = coalesce(ind_dossier_mark." + column + ", excluded." + column + ")")
                .params(code, ts(at == null ? Instant.now() : at))
                .update();
        facts.remark(code);
    }
}
