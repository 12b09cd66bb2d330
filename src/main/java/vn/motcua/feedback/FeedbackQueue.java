package vn.motcua.feedback;

/** The staff queues of PAKN, each with its count (the overdue one flagged). */
public enum FeedbackQueue {
    /** Waiting for the desk: new, supplemented, or returned by a unit. */
    INTAKE,
    /** Waiting for the sender's supplement. */
    SUPPLEMENT,
    /** Routed, waiting for the unit's answer. */
    PROCESSING,
    /** Answered, waiting to be published. */
    PUBLISH,
    /** Past the due time of the stage they wait in. */
    OVERDUE,
    PUBLISHED,
    REFUSED,
    ALL
}
