package vn.motcua.portal;

/** A way to reach an applicant. Channels that cannot reach this person do nothing. */
public interface NotificationChannel {

    /** Who to reach: what the dossier knows of the applicant. */
    record Recipient(String name, String email, String phone) {
    }

    void send(Recipient to, String subject, String body);
}
