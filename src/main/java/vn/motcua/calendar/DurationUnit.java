package vn.motcua.calendar;

/** The unit a procedure's processing time is expressed in. */
public enum DurationUnit {
    /** Working days (ngày làm việc); a multiple of 0.5. */
    WORKING_DAYS,
    /** Half-day sessions (buổi làm việc): each working-hours range of a working day is one session. */
    HALF_DAYS,
    /** Working hours (giờ làm việc), counted to the minute. */
    WORKING_HOURS,
    /** Calendar days (ngày), never ending on a day off. */
    CALENDAR_DAYS
}
