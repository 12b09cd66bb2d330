/**
 * Calendar: working hours, holidays and make-up working days per year, and the deadline
 * arithmetic on them ({@link vn.motcua.calendar.WorkingCalendar}). Plain Java with no framework
 * dependency; {@code engine} holds the precomputed tables and is internal to this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = {})
package vn.motcua.calendar;
