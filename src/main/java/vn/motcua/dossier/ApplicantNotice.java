package vn.motcua.dossier;

import java.time.Instant;

/**
 * A message owed to the applicant of a dossier, as claimed for sending: what
 * happened ({@link Kind}), its detail (the refusal's reason, the papers to
 * add, the result's number), and what the dossier knows of the applicant at
 * the time of sending.
 */
public record ApplicantNotice(long id, Kind kind, String detail, String code, String procedureName,
                             String applicantName, String email, String phone, Instant appointmentAt, int attempt) {

    /** The acts the applicant is told of. */
    public enum Kind {
        RECEIVED, REFUSED, SUPPLEMENT, COMPLETED, RETURNED
    }
}
