/**
 * Calendar: working hours, holidays and make-up working days per year, and the
 * deadline arithmetic on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package vn.motcua.calendar;
