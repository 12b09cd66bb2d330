/**
 * Calendar: working hours, holidays and make-up working days per year, and the deadline
 * arithmetic on them ({@link vn.motcua.calendar.WorkingCalendar}). Plain Java with no framework
 * dependency (the engine); {@code CalendarService} keeps the years in the database. {@code engine} holds the precomputed tables and is internal to this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = {"shared", "organization", "audit"})
package vn.motcua.calendar;
