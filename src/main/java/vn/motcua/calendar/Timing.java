package vn.motcua.calendar;

/** How a finished piece of work compares with its appointment (Decision 766 counting). */
public enum Timing {
    /** Finished on a local date before the appointment's local date. */
    EARLY,
    /** Finished on the appointment's local date, not after the appointment. */
    ON_TIME,
    /** Finished after the appointment. */
    LATE
}
