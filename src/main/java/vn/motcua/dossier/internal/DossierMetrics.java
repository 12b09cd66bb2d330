package vn.motcua.dossier.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.ApplicantNotices;
import vn.motcua.dossier.DossierActRefused;
import vn.motcua.dossier.DossierActed;

/**
 * What the operators' dashboards read of the dossiers (Prometheus names):
 * {@code motcua_dossier_acts_total{action}}, the acts committed on this node;
 * {@code motcua_dossier_acts_refused_total{action,rule}}, the acts a rule
 * refused; {@code motcua_outbox_applicant_notices_pending}, the applicants'
 * messages not yet sent (one count per scrape, read from the outbox).
 */
@Component
class DossierMetrics {

    private final MeterRegistry registry;
    private final Map<Action, Counter> acts = new EnumMap<>(Action.class);
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    DossierMetrics(MeterRegistry registry, ApplicantNotices notices) {
        this.registry = registry;
        for (Action a : Action.values()) {
            acts.put(a, Counter.builder("motcua.dossier.acts").description("Acts on dossiers committed on this node")
                    .tag("action", a.path()).register(registry));
        }
        Gauge.builder("motcua.outbox.applicant.notices.pending", notices, ApplicantNotices::pending)
                .description("Messages owed to applicants and not yet sent").register(registry);
    }

    /** Counted once the act has committed (a rolled-back act is not an act). */
    @TransactionalEventListener
    void on(DossierActed e) {
        acts.get(e.action()).increment();
    }

    @TransactionalEventListener
    void on(DossierActRefused e) {
        refused.computeIfAbsent(e.action().path() + "/" + e.rule(), k -> Counter.builder("motcua.dossier.acts.refused")
                .description("Acts on dossiers refused by a rule of the dossier").tag("action", e.action().path())
                .tag("rule", e.rule()).register(registry)).increment();
    }
}
