package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of messages owed to applicants (table {@code applicant_notice}).
 * Acts write their rows in the act's own statement (see DossierStore), so a
 * message exists exactly when its act committed, at no extra round trip. A
 * sender claims a batch with one statement: the rows are locked with {@code
 * SKIP LOCKED}, so concurrent senders on several nodes never take the same
 * row, and leased until {@code next_attempt_at}: a node that stops while
 * sending leaves them to be claimed again once the lease runs out (a message
 * is sent at least once). Each statement commits on its own.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ApplicantNotices {

    /** After this many failed attempts a message is left alone, with its last error, for an administrator to look at. */
    public static final int MAX_ATTEMPTS = 20;

    private final JdbcClient jdbc;

    public ApplicantNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code max} messages due now, oldest first, for {@code
     * lease}; the n-th attempt that fails waits n times the lease before the
     * next one.
     */
    public List<ApplicantNotice> claim(int max, Duration lease) {
        return jdbc.sql("""
                WITH c AS (
                  SELECT id FROM applicant_notice
                   WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < :maxAttempts
                   ORDER BY next_attempt_at, id
                   LIMIT :max
                   FOR UPDATE SKIP LOCKED)
                UPDATE applicant_notice n
                   SET attempts = n.attempts + 1,
                       next_attempt_at = now() + make_interval(secs => :leaseSeconds * (n.attempts + 1))
                  FROM c, dossier d
                 WHERE n.id = c.id AND d.id = n.dossier_id
                RETURNING n.id, n.kind, n.detail, d.code, d.procedure_name, d.applicant_name, d.applicant_email,
                          d.applicant_phone, d.appointment_at, n.attempts""")
                .param("maxAttempts", MAX_ATTEMPTS).param("max", max).param("leaseSeconds", (double) lease.toSeconds())
                .query((rs, i) -> {
                    Timestamp appointment = rs.getTimestamp("appointment_at");
                    return new ApplicantNotice(rs.getLong("id"), ApplicantNotice.Kind.valueOf(rs.getString("kind")),
                            rs.getString("detail"), rs.getString("code"), rs.getString("procedure_name"),
                            rs.getString("applicant_name"), rs.getString("applicant_email"), rs.getString("applicant_phone"),
                            appointment == null ? null : appointment.toInstant(), rs.getInt("attempts"));
                })
                .list();
    }

    /** Marks messages as sent (one statement for the batch). */
    public void sent(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE applicant_notice SET sent_at = now(), last_error = NULL WHERE id = ANY(CAST(? AS bigint[]))")
                    .param(ids.toArray(Long[]::new)).update();
        }
    }

    /** Records why sending failed; the message is tried again when its lease runs out. */
    public void failed(long id, String error) {
        jdbc.sql("UPDATE applicant_notice SET last_error = ? WHERE id = ?")
                .param(error == null ? "?" : error.length() > 2000 ? error.substring(0, 2000) : error).param(id).update();
    }

    /** Messages not yet sent, whether waiting or given up (for the operators' health view and the tests). */
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM applicant_notice WHERE sent_at IS NULL").query(Long.class).single();
    }
}
