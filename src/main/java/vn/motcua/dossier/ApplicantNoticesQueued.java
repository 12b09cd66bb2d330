package vn.motcua.dossier;

/**
 * Published in the transaction of an act that owes the applicant a message,
 * so a sender on this node can start right after the commit instead of at its
 * next poll. It carries nothing: the messages themselves are rows of the
 * outbox ({@link ApplicantNotices}), written by the act's own statement.
 */
public record ApplicantNoticesQueued(String code) {
}
