package vn.motcua.integration.internal.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActed;
import vn.motcua.feedback.FeedbackAnswered;
import vn.motcua.feedback.FeedbackFiled;
import vn.motcua.integration.WebhookEventTypes;

/**
 * Turns the dossier and feedback modules' events into deliveries, in the
 * transaction that published them (a plain, synchronous listener): a
 * delivery exists exactly when its act committed. One statement per event,
 * which writes nothing when no subscription wants it. The data carries codes,
 * statuses, units and times, never the applicant's personal data.
 */
@Component
class WebhookEvents {

    private final WebhookStore store;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEvents(WebhookStore store, JsonMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(DossierActed e) {
        List<String> types = new ArrayList<>(2);
        if (e.action() == Action.RECEIVE) {
            types.add(WebhookEventTypes.DOSSIER_RECEIVED);
        }
        if (e.changedStatus()) {
            types.add(WebhookEventTypes.DOSSIER_STATUS_CHANGED);
        }
        if (e.action() == Action.COMPLETE) {
            types.add(WebhookEventTypes.DOSSIER_COMPLETED);
        }
        if (e.action() == Action.RETURN) {
            types.add(WebhookEventTypes.DOSSIER_RETURNED);
        }
        if (types.isEmpty()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", e.code());
        data.put("procedureCode", e.procedureCode());
        data.put("action", e.action().path());
        data.put("from", e.from() == null ? null : e.from().name());
        data.put("fromStatus", e.from() == null ? null : e.from().code());
        data.put("to", e.to().name());
        data.put("toStatus", e.to().code());
        data.put("receivingUnit", e.receivingUnit() == null ? null : e.receivingUnit().value());
        data.put("handlingUnit", e.handlingUnit() == null ? null : e.handlingUnit().value());
        data.put("channel", e.channel() == null ? null : e.channel().name());
        data.put("at", str(e.at()));
        data.put("receivedAt", str(e.receivedAt()));
        data.put("appointmentAt", str(e.appointmentAt()));
        store.enqueue(types, json.writeValueAsString(data), clock.instant());
    }

    @EventListener
    void on(FeedbackFiled e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", e.code());
        data.put("kind", e.kind().name());
        data.put("subject", e.subject().name());
        data.put("procedureCode", e.procedureCode());
        data.put("unit", e.unit() == null ? null : e.unit().value());
        data.put("dossierCode", e.dossierCode());
        data.put("channel", e.channel() == null ? null : e.channel().name());
        data.put("at", str(e.at()));
        data.put("intakeDueAt", str(e.intakeDueAt()));
        store.enqueue(List.of(WebhookEventTypes.FEEDBACK_FILED), json.writeValueAsString(data), clock.instant());
    }

    @EventListener
    void on(FeedbackAnswered e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", e.code());
        data.put("unit", e.unit() == null ? null : e.unit().value());
        data.put("at", str(e.at()));
        data.put("handleDueAt", str(e.handleDueAt()));
        data.put("onTime", e.onTime());
        store.enqueue(List.of(WebhookEventTypes.FEEDBACK_ANSWERED), json.writeValueAsString(data), clock.instant());
    }

    private static String str(java.time.Instant i) {
        return i == null ? null : i.toString();
    }
}
