package vn.motcua.integration;

import java.util.List;

/**
 * The event types a partner may subscribe to, built from the dossier
 * module's {@code DossierActed} and the feedback module's events. One act
 * may raise several (a receipt is also a status change).
 */
public final class WebhookEventTypes {

    /** The desk received a dossier (national status 2). */
    public static final String DOSSIER_RECEIVED = "dossier.received";
    /** Any act that changed a dossier's national status (codes 1–10). */
    public static final String DOSSIER_STATUS_CHANGED = "dossier.status-changed";
    /** The result of a dossier is ready. */
    public static final String DOSSIER_COMPLETED = "dossier.completed";
    /** The result was handed to the applicant. */
    public static final String DOSSIER_RETURNED = "dossier.returned";
    /** A feedback (PAKN) was filed. */
    public static final String FEEDBACK_FILED = "feedback.filed";
    /** A feedback (PAKN) was answered. */
    public static final String FEEDBACK_ANSWERED = "feedback.answered";
    /** The "send test" button's delivery; no subscription asks for it, each may receive it. */
    public static final String TEST = "webhook.test";

    /** What a subscription may choose from, in the order pages list them. */
    public static final List<String> ALL = List.of(DOSSIER_RECEIVED, DOSSIER_STATUS_CHANGED, DOSSIER_COMPLETED,
            DOSSIER_RETURNED, FEEDBACK_FILED, FEEDBACK_ANSWERED);

    private WebhookEventTypes() {
    }
}
