package vn.motcua.portal;

import java.util.Map;

/** A way to reach an applicant. Channels that cannot reach this person do nothing. */
public interface NotificationChannel {

    /** Who to reach: what the dossier knows of the applicant. */
    record Recipient(String name, String email, String phone) {
    }

    /**
     * A message of the applicant notices' outbox: its {@code key} is the same
     * on every attempt (a channel that can pass an idempotency key on passes
     * it), {@code kind} the notice's kind ({@code RECEIVED}, {@code REFUSED},
     * …), and {@code values} what a channel with its own templates fills in:
     * {@code name}, {@code code}, {@code procedure}, {@code detail},
     * {@code link}.
     */
    record Notice(String key, String kind, String dossierCode, String subject, String body, Map<String, String> values) {
    }

    void send(Recipient to, String subject, String body);

    /** Sends a notice of the outbox; by default as any other message. */
    default void send(Recipient to, Notice notice) {
        send(to, notice.subject(), notice.body());
    }

    /** The channel's name in the record of which channel sent which notice: keep it stable. */
    default String channelName() {
        return getClass().getSimpleName();
    }
}
