package vn.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.calendar.TestCalendars.HOURS;
import static vn.motcua.calendar.TestCalendars.VIETNAM;
import static vn.motcua.calendar.TestCalendars.WEEKEND;
import static vn.motcua.calendar.TestCalendars.dates;
import static vn.motcua.calendar.TestCalendars.vn;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deadline engine against the rules of DOMAIN.md §3 "Deadline arithmetic", on a 2025-2027
 * calendar with 07:30-11:30 and 13:30-17:00 working hours and Saturday/Sunday off. Times in the
 * tables are local Vietnamese times.
 */
class DeadlineCalculatorTests {

    private static final WorkingCalendar CALENDAR = TestCalendars.standard();

    // ---- effective start --------------------------------------------------------------------

    @ParameterizedTest(name = "received {0} -> clock starts {1}")
    @CsvSource(textBlock = """
            # inside a working range: that moment
            2025-03-11T09:15:42,   2025-03-11T09:15:42
            2025-03-11T07:30,      2025-03-11T07:30
            2025-03-11T16:59:59,   2025-03-11T16:59:59
            # before opening on a working day: that day's opening
            2025-03-11T06:00,      2025-03-11T07:30
            2025-03-11T00:00,      2025-03-11T07:30
            # at lunch (a range's end counts as lunch): the afternoon
            2025-03-11T11:30,      2025-03-11T13:30
            2025-03-11T12:00,      2025-03-11T13:30
            # at or after closing: next working morning
            2025-03-11T17:00,      2025-03-12T07:30
            2025-03-11T18:45,      2025-03-12T07:30
            2025-03-14T17:30,      2025-03-17T07:30
            # weekend: next working morning
            2025-03-15T10:00,      2025-03-17T07:30
            # holiday (National Day 2025-09-02, Tuesday): next working morning
            2025-09-02T10:00,      2025-09-03T07:30
            # during Tết 2026: Monday after the break
            2026-02-18T10:00,      2026-02-23T07:30
            2026-02-13T17:05,      2026-02-23T07:30
            # a make-up Saturday is a working day
            2026-01-10T10:00,      2026-01-10T10:00
            2025-04-26T06:00,      2025-04-26T07:30
            # over the year boundary, past the New Year days off
            2025-12-31T17:30,      2026-01-05T07:30
            2026-12-31T17:30,      2027-01-04T07:30
            """)
    void theClockStartsAtTheEffectiveStart(String received, String expected) {
        assertEquals(vn(expected), CALENDAR.effectiveStart(vn(received)));
    }

    @ParameterizedTest(name = "cutoff 15:00: received {0} -> clock starts {1}")
    @CsvSource(textBlock = """
            2025-03-11T14:59:59,   2025-03-11T14:59:59
            2025-03-11T15:00,      2025-03-12T07:30
            2025-03-11T16:30,      2025-03-12T07:30
            2025-03-14T15:00,      2025-03-17T07:30
            2025-03-11T12:00,      2025-03-11T13:30
            """)
    void afterTheCutoffTheClockStartsTheNextWorkingDay(String received, String expected) {
        assertEquals(vn(expected), TestCalendars.withCutoff1500().effectiveStart(vn(received)));
    }

    @Test
    void theCutoffAlsoMovesTheAppointment() {
        WorkingCalendar calendar = TestCalendars.withCutoff1500();
        assertEquals(vn("2025-03-12T14:30"), calendar.due(vn("2025-03-11T14:30"), BigDecimal.ONE, DurationUnit.WORKING_DAYS));
        assertEquals(vn("2025-03-13T07:30"), calendar.due(vn("2025-03-11T15:30"), BigDecimal.ONE, DurationUnit.WORKING_DAYS));
        assertEquals(vn("2025-03-18T07:30"), calendar.due(vn("2025-03-14T15:00"), BigDecimal.ONE, DurationUnit.WORKING_DAYS));
    }

    // ---- due ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0} + {1} {2} = {3}  ({4})")
    @CsvSource(textBlock = """
            # received,            amount, unit,          expected due,           why
            2025-03-11T09:15,      1,      WORKING_DAYS,  2025-03-12T09:15,       Tuesday morning + 1 day = Wednesday same time
            2025-03-11T09:15:42.5, 1,      WORKING_DAYS,  2025-03-12T09:15:42.5,  seconds and fractions are kept
            2025-03-14T14:00,      1,      WORKING_DAYS,  2025-03-17T14:00,       Friday afternoon + 1 day = Monday afternoon
            2025-04-04T14:00,      1,      WORKING_DAYS,  2025-04-08T14:00,       Friday + 1 over Hùng Kings' Monday
            2025-03-11T12:00,      1,      WORKING_DAYS,  2025-03-12T13:30,       received at lunch counts from the afternoon
            2025-03-11T17:00,      1,      WORKING_DAYS,  2025-03-13T07:30,       received at closing counts from next morning
            2025-03-11T19:00,      2,      WORKING_DAYS,  2025-03-14T07:30,       received in the evening
            2025-03-11T06:10,      1,      WORKING_DAYS,  2025-03-12T07:30,       received before opening
            2025-09-02T10:00,      1,      WORKING_DAYS,  2025-09-04T07:30,       received on a holiday
            2025-03-15T10:00,      1,      WORKING_DAYS,  2025-03-18T07:30,       received on a Saturday
            2026-02-13T09:00,      1,      WORKING_DAYS,  2026-02-23T09:00,       crossing Tết 2026
            2026-02-12T10:00,      3,      WORKING_DAYS,  2026-02-24T10:00,       3 days around Tết 2026
            2026-02-11T16:00,      0.5,    WORKING_DAYS,  2026-02-12T10:00,       half a day before Tết
            2026-02-13T16:00,      0.5,    WORKING_DAYS,  2026-02-23T10:00,       half a day over Tết
            2026-01-09T09:00,      1,      WORKING_DAYS,  2026-01-10T09:00,       a make-up Saturday counts
            2025-04-25T14:00,      1,      WORKING_DAYS,  2025-04-26T14:00,       make-up Saturday 26 April 2025
            2025-04-26T10:00,      1,      WORKING_DAYS,  2025-04-28T10:00,       received on a make-up Saturday
            2025-04-29T10:00,      1,      WORKING_DAYS,  2025-05-05T10:00,       over 30/4, 1/5 and the swapped 2/5
            2025-03-11T09:15,      0,      WORKING_DAYS,  2025-03-11T11:30,       0 days from a morning = end of that morning
            2025-03-11T14:00,      0,      WORKING_DAYS,  2025-03-11T17:00,       0 days from an afternoon = end of that afternoon
            2025-03-11T12:00,      0,      WORKING_DAYS,  2025-03-11T17:00,       0 days at lunch = end of the afternoon
            2025-03-11T18:00,      0,      WORKING_DAYS,  2025-03-12T11:30,       0 days after hours = end of next morning
            2025-03-11T09:15,      0.5,    WORKING_DAYS,  2025-03-11T15:15,       0.5 from a morning = same afternoon
            2025-03-11T11:15,      0.5,    WORKING_DAYS,  2025-03-11T17:00,       clamped to the shorter afternoon
            2025-03-11T14:00,      0.5,    WORKING_DAYS,  2025-03-12T08:00,       0.5 from an afternoon = next morning
            2025-03-14T16:00,      0.5,    WORKING_DAYS,  2025-03-17T10:00,       0.5 from Friday afternoon = Monday morning
            2025-03-11T09:15,      1.5,    WORKING_DAYS,  2025-03-12T15:15,       1.5 days
            2025-03-11T09:15,      15,     WORKING_DAYS,  2025-04-01T09:15,       15 working days
            2025-03-11T09:15,      15.00,  WORKING_DAYS,  2025-04-01T09:15,       scale does not matter
            2025-12-31T14:00,      1,      WORKING_DAYS,  2026-01-05T14:00,       year boundary over New Year and its swapped day
            2026-12-31T10:00,      1,      WORKING_DAYS,  2027-01-04T10:00,       year boundary 2026 -> 2027
            2026-12-30T10:00,      3,      WORKING_DAYS,  2027-01-05T10:00,       several days over the year boundary
            2025-03-11T09:15,      0,      HALF_DAYS,     2025-03-11T11:30,       0 half-days = end of the current half-day
            2025-03-11T09:15,      1,      HALF_DAYS,     2025-03-11T15:15,       1 half-day
            2025-03-11T09:15,      3,      HALF_DAYS,     2025-03-12T15:15,       3 half-days
            2025-03-11T16:45,      1,      HALF_DAYS,     2025-03-12T10:45,       afternoon offset into the longer morning
            2025-03-11T10:00,      2,      WORKING_HOURS, 2025-03-11T14:00,       across the lunch break
            2025-03-11T10:00,      1.5,    WORKING_HOURS, 2025-03-11T11:30,       landing exactly on the range end stays there
            2025-03-11T16:00,      1,      WORKING_HOURS, 2025-03-11T17:00,       landing exactly on closing stays there
            2025-03-11T16:00,      1.5,    WORKING_HOURS, 2025-03-12T08:00,       across the night
            2025-03-11T09:00,      8,      WORKING_HOURS, 2025-03-12T09:30,       8 hours is not exactly one 7.5-hour day
            2025-03-11T11:20,      0.25,   WORKING_HOURS, 2025-03-11T13:35,       a quarter of an hour across lunch
            2025-03-14T16:30,      1,      WORKING_HOURS, 2025-03-17T08:00,       across the weekend
            2026-02-13T16:30,      1,      WORKING_HOURS, 2026-02-23T08:00,       across Tết
            2025-03-11T12:00,      0,      WORKING_HOURS, 2025-03-11T13:30,       0 hours = the effective start
            2025-03-11T10:00,      3,      CALENDAR_DAYS, 2025-03-14T10:00,       calendar days keep the clock time
            2025-03-11T10:00,      4,      CALENDAR_DAYS, 2025-03-17T10:00,       ending on a Saturday moves to Monday
            2025-08-29T10:00,      3,      CALENDAR_DAYS, 2025-09-03T10:00,       ending on a holiday moves past the holidays
            2026-02-12T10:00,      7,      CALENDAR_DAYS, 2026-02-23T10:00,       ending in Tết
            2025-03-11T12:00,      1,      CALENDAR_DAYS, 2025-03-12T13:30,       from the effective start's clock time
            2025-03-11T18:00,      1,      CALENDAR_DAYS, 2025-03-13T07:30,       after hours: counts from the next morning
            2025-03-11T10:00,      0,      CALENDAR_DAYS, 2025-03-11T11:30,       0 calendar days = end of the half-day
            2025-12-29T10:00,      3,      CALENDAR_DAYS, 2026-01-05T10:00,       over the year boundary
            """)
    void computesTheAppointment(String received, BigDecimal amount, DurationUnit unit, String expected, String why) {
        assertEquals(vn(expected), CALENDAR.due(vn(received), amount, unit), why);
    }

    @ParameterizedTest(name = "{0} + {1} calendar days skipping holidays = {2}")
    @CsvSource(textBlock = """
            # Thu 12 Feb 2026 + 7: Fri 13, Sat 14, Sun 15, (Tết 16-20 skipped), Sat 21, Sun 22, Mon 23, Tue 24
            2026-02-12T10:00,  7,  2026-02-24T10:00
            # Thu 12 Feb 2026 + 5 ends on Sun 22 -> Monday
            2026-02-12T10:00,  5,  2026-02-23T10:00
            # no holiday in between: same as plain calendar days
            2025-03-11T10:00,  3,  2025-03-14T10:00
            """)
    void calendarDaysCanSkipHolidays(String received, BigDecimal days, String expected) {
        assertEquals(vn(expected), CALENDAR.due(vn(received), days, DurationUnit.CALENDAR_DAYS, true));
    }

    @ParameterizedTest(name = "received {0} + 7 calendar days = {1} in a year with other hours")
    @CsvSource(textBlock = """
            # 2026 works 08:00-11:00 and 13:00-16:30: the 2025 clock time is kept inside those hours
            2025-12-29T14:00,  2026-01-05T14:00
            2025-12-29T07:30,  2026-01-05T08:00
            2025-12-29T11:15,  2026-01-05T11:00
            2025-12-29T16:45,  2026-01-05T16:30
            """)
    void calendarDaysKeepTheClockTimeInsideThatDaysWorkingHours(String received, String expected) {
        CalendarYear y2026 = new CalendarYear(2026, List.of(TimeRange.of("08:00", "11:00"), TimeRange.of("13:00", "16:30")),
                WEEKEND, dates(TestCalendars.HOLIDAYS_2026), dates(TestCalendars.MAKE_UP_2026));
        WorkingCalendar calendar = new WorkingCalendar(VIETNAM, List.of(TestCalendars.year(2025, null), y2026));
        assertEquals(vn(expected), calendar.due(vn(received), BigDecimal.valueOf(7), DurationUnit.CALENDAR_DAYS));
    }

    @Test
    void workingDaysMustMapToWholeSessions() {
        Instant received = vn("2025-03-11T09:15");
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.due(received, new BigDecimal("0.3"), DurationUnit.WORKING_DAYS));
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.due(received, new BigDecimal("-1"), DurationUnit.WORKING_DAYS));
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.due(received, new BigDecimal("1.5"), DurationUnit.HALF_DAYS));
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.due(received, new BigDecimal("2.5"), DurationUnit.CALENDAR_DAYS));
        // one continuous range per day: half a day cannot be mapped to a session
        WorkingCalendar oneSession = new WorkingCalendar(VIETNAM, List.of(new CalendarYear(2025,
                List.of(TimeRange.of("08:00", "16:00")), WEEKEND, dates(), dates())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> oneSession.due(received, new BigDecimal("0.5"), DurationUnit.WORKING_DAYS));
        assertTrue(e.getMessage().contains("1 session"), e.getMessage());
        assertEquals(vn("2025-03-12T09:15"), oneSession.due(received, BigDecimal.ONE, DurationUnit.WORKING_DAYS));
    }

    // ---- unknown years -------------------------------------------------------------------------

    static Stream<Arguments> computationsNeedingAMissingYear() {
        Instant lastFriday = vn("2027-12-31T09:00");
        return Stream.of(
                Arguments.of("1 working day from the last working day", 2028,
                        (Executable) () -> CALENDAR.due(lastFriday, BigDecimal.ONE, DurationUnit.WORKING_DAYS)),
                Arguments.of("a receipt after the last closing", 2028,
                        (Executable) () -> CALENDAR.effectiveStart(vn("2027-12-31T17:30"))),
                Arguments.of("working hours past the end", 2028,
                        (Executable) () -> CALENDAR.due(lastFriday, BigDecimal.TEN, DurationUnit.WORKING_HOURS)),
                Arguments.of("calendar days past the end", 2028,
                        (Executable) () -> CALENDAR.due(lastFriday, BigDecimal.ONE, DurationUnit.CALENDAR_DAYS)),
                Arguments.of("calendar days skipping holidays past the end", 2028,
                        (Executable) () -> CALENDAR.due(lastFriday, BigDecimal.ONE, DurationUnit.CALENDAR_DAYS, true)),
                Arguments.of("a huge amount", 2028,
                        (Executable) () -> CALENDAR.due(lastFriday, new BigDecimal("1e30"), DurationUnit.WORKING_DAYS)),
                Arguments.of("a receipt in a later year", 2028,
                        (Executable) () -> CALENDAR.due(vn("2028-01-03T09:00"), BigDecimal.ONE, DurationUnit.WORKING_DAYS)),
                Arguments.of("a receipt in an earlier year", 2024,
                        (Executable) () -> CALENDAR.due(vn("2024-12-31T09:00"), BigDecimal.ONE, DurationUnit.WORKING_DAYS)),
                Arguments.of("a pause shift past the end", 2028,
                        (Executable) () -> CALENDAR.shiftByPause(vn("2027-12-31T16:00"), vn("2027-12-30T07:30"), vn("2027-12-30T17:00"))),
                Arguments.of("isWorkingDay of a later year", 2028,
                        (Executable) () -> CALENDAR.isWorkingDay(LocalDate.of(2028, 1, 3))),
                Arguments.of("2026 + 1 day with only 2025-2026 defined", 2027,
                        (Executable) () -> new WorkingCalendar(VIETNAM, List.of(TestCalendars.year(2025, null), TestCalendars.year(2026, null)))
                                .due(vn("2026-12-31T10:00"), BigDecimal.ONE, DurationUnit.WORKING_DAYS)));
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @MethodSource("computationsNeedingAMissingYear")
    void aMissingYearIsNeverGuessed(String what, int missingYear, Executable computation) {
        CalendarNotDefinedException e = assertThrows(CalendarNotDefinedException.class, computation);
        assertEquals(missingYear, e.year());
        assertTrue(e.getMessage().contains(String.valueOf(missingYear)), e.getMessage());
    }

    @Test
    void theLastDefinedDayStillWorks() {
        assertEquals(vn("2027-12-31T17:00"), CALENDAR.due(vn("2027-12-31T13:00"), BigDecimal.ZERO, DurationUnit.WORKING_DAYS));
        assertEquals(vn("2027-12-31T14:00"), CALENDAR.due(vn("2027-12-30T14:00"), BigDecimal.ONE, DurationUnit.WORKING_DAYS));
        assertEquals(vn("2027-12-31T17:00"), CALENDAR.due(vn("2027-12-31T16:00"), BigDecimal.ONE, DurationUnit.WORKING_HOURS));
    }

    // ---- pauses and working time -----------------------------------------------------------------

    @ParameterizedTest(name = "pause {1} .. {2} = {3} working minutes; moves {0} to {4}")
    @CsvSource(textBlock = """
            # over the National Day holidays (Mon 1 and Tue 2 Sep 2025): Fri 16:00-17:00 + Wed 07:30-09:00
            2025-09-10T10:00,  2025-08-29T16:00,  2025-09-03T09:00,  150,  2025-09-10T14:30
            # over Tết 2026: Fri 15:00-17:00 + Mon 07:30-08:30
            2026-02-26T16:00,  2026-02-13T15:00,  2026-02-23T08:30,  180,  2026-02-27T09:30
            # a pause entirely inside a holiday adds nothing
            2025-09-10T10:00,  2025-09-01T08:00,  2025-09-02T16:00,  0,    2025-09-10T10:00
            # a pause over lunch counts only working time; landing exactly on closing stays there
            2025-03-20T16:00,  2025-03-11T11:00,  2025-03-11T14:00,  60,   2025-03-20T17:00
            2025-03-20T16:30,  2025-03-11T11:00,  2025-03-11T14:00,  60,   2025-03-21T08:00
            # an appointment at closing moves into the next working day
            2025-03-14T17:00,  2025-03-11T09:00,  2025-03-11T09:30,  30,   2025-03-17T08:00
            """)
    void aPauseMovesTheAppointmentByTheWorkingTimePaused(String due, String from, String to, long minutes, String expected) {
        assertEquals(minutes, CALENDAR.workingMinutesBetween(vn(from), vn(to)));
        assertEquals(-minutes, CALENDAR.workingMinutesBetween(vn(to), vn(from)));
        assertEquals(vn(expected), CALENDAR.shiftByPause(vn(due), vn(from), vn(to)));
    }

    @Test
    void workingMinutesOfAWholeWeekAndAYear() {
        assertEquals(5 * 450, CALENDAR.workingMinutesBetween(vn("2025-03-10T00:00"), vn("2025-03-17T00:00")));
        long workingDays2026 = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).filter(CALENDAR::isWorkingDay).count();
        assertEquals(workingDays2026 * 450, CALENDAR.workingMinutesBetween(vn("2026-01-01T00:00"), vn("2027-01-01T00:00")));
        // 365 days - 104 weekend days - 13 weekday days off + 2 make-up Saturdays
        assertEquals(250, workingDays2026);
    }

    @Test
    void aPauseThatEndsBeforeItStartsIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> CALENDAR.shiftByPause(vn("2025-03-20T10:00"), vn("2025-03-12T10:00"), vn("2025-03-11T10:00")));
    }

    // ---- workflow steps ------------------------------------------------------------------------------

    @Test
    void stepDueTimesAddUpToTheAppointment() {
        // a 15-working-day permit: receive (0), hand over (0.5), assign (0.5), examine (10), review (1), sign (3), return (0)
        Instant received = vn("2025-03-11T09:15");
        List<BigDecimal> shares = Stream.of("0", "0.5", "0.5", "10", "1", "3", "0").map(BigDecimal::new).toList();
        List<Instant> steps = CALENDAR.stepDueTimes(received, DurationUnit.WORKING_DAYS, shares);
        assertEquals(List.of(vn("2025-03-11T11:30"), vn("2025-03-11T15:15"), vn("2025-03-12T09:15"), vn("2025-03-26T09:15"),
                vn("2025-03-27T09:15"), vn("2025-04-01T09:15"), vn("2025-04-01T09:15")), steps);
        assertEquals(CALENDAR.due(received, new BigDecimal("15"), DurationUnit.WORKING_DAYS), steps.get(steps.size() - 1));
        assertThrows(IllegalArgumentException.class,
                () -> CALENDAR.stepDueTimes(received, DurationUnit.WORKING_DAYS, List.of(BigDecimal.ONE, new BigDecimal("-0.5"))));
    }

    // ---- classification --------------------------------------------------------------------------------

    @ParameterizedTest(name = "ended {0}, appointment {1}: {2}")
    @CsvSource(textBlock = """
            2025-03-13T16:00,     2025-03-14T10:00,  EARLY
            2025-03-13T23:59:59,  2025-03-14T10:00,  EARLY
            2025-03-14T00:00,     2025-03-14T10:00,  ON_TIME
            2025-03-14T09:00,     2025-03-14T10:00,  ON_TIME
            2025-03-14T10:00,     2025-03-14T10:00,  ON_TIME
            2025-03-14T10:00:01,  2025-03-14T10:00,  LATE
            2025-03-17T08:00,     2025-03-14T10:00,  LATE
            """)
    void classifiesEarlyOnTimeAndLate(String end, String appointment, Timing expected) {
        assertEquals(expected, CALENDAR.classify(vn(end), vn(appointment)));
    }

    @Test
    void classificationUsesTheProvinceLocalDate() {
        // 17:30 UTC on 13 March is 00:30 on 14 March in Vietnam: the same local date as the appointment
        assertEquals(Timing.ON_TIME, CALENDAR.classify(Instant.parse("2025-03-13T17:30:00Z"), vn("2025-03-14T10:00")));
        assertEquals(Timing.EARLY, CALENDAR.classify(Instant.parse("2025-03-13T16:30:00Z"), vn("2025-03-14T10:00")));
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource(textBlock = """
            2025-03-11, true
            2025-03-15, false
            2025-09-02, false
            2025-04-26, true
            2026-01-02, false
            2026-01-10, true
            2026-02-16, false
            2026-02-20, false
            2026-02-23, true
            2027-05-03, false
            """)
    void knowsWorkingDays(LocalDate date, boolean working) {
        assertEquals(working, CALENDAR.isWorkingDay(date));
    }

    // ---- validation --------------------------------------------------------------------------------

    static Stream<Arguments> invalidCalendarYears() {
        TreeSet<LocalDate> none = dates();
        return Stream.of(
                Arguments.of("workingHours", (Supplier<?>) () -> new CalendarYear(2025, List.of(), WEEKEND, none, none, null)),
                Arguments.of("workingHours", (Supplier<?>) () -> new CalendarYear(2025, null, WEEKEND, none, none, null)),
                Arguments.of("workingHours", (Supplier<?>) () -> new CalendarYear(2025,
                        List.of(TimeRange.of("13:30", "17:00"), TimeRange.of("07:30", "11:30")), WEEKEND, none, none, null)),
                Arguments.of("workingHours", (Supplier<?>) () -> new CalendarYear(2025,
                        List.of(TimeRange.of("07:30", "12:00"), TimeRange.of("11:30", "17:00")), WEEKEND, none, none, null)),
                Arguments.of("weekendDays", (Supplier<?>) () -> new CalendarYear(2025, HOURS, null, none, none, null)),
                Arguments.of("holidays", (Supplier<?>) () -> new CalendarYear(2025, HOURS, WEEKEND, null, none, null)),
                Arguments.of("holidays", (Supplier<?>) () -> new CalendarYear(2025, HOURS, WEEKEND, dates("2026-01-01"), none, null)),
                Arguments.of("makeUpWorkingDays", (Supplier<?>) () -> new CalendarYear(2025, HOURS, WEEKEND, none, dates("2024-12-28"), null)),
                Arguments.of("makeUpWorkingDays", (Supplier<?>) () -> new CalendarYear(2025, HOURS, WEEKEND, dates("2025-04-26"), dates("2025-04-26"), null)),
                Arguments.of("makeUpWorkingDays", (Supplier<?>) () -> new CalendarYear(2025, HOURS, WEEKEND, none, dates("2025-04-25"), null)),
                Arguments.of("afterHoursCutoff", (Supplier<?>) () -> new CalendarYear(2025, HOURS, WEEKEND, none, none, LocalTime.of(7, 0))),
                Arguments.of("afterHoursCutoff", (Supplier<?>) () -> new CalendarYear(2025, HOURS, WEEKEND, none, none, LocalTime.of(17, 30))),
                Arguments.of("TimeRange.from", (Supplier<?>) () -> TimeRange.of("11:30", "07:30")),
                Arguments.of("TimeRange.from", (Supplier<?>) () -> TimeRange.of("11:30", "11:30")),
                Arguments.of("year", (Supplier<?>) () -> new CalendarYear(0, HOURS, WEEKEND, none, none, null)),
                Arguments.of("contiguous", (Supplier<?>) () -> new WorkingCalendar(VIETNAM,
                        List.of(TestCalendars.year(2025, null), TestCalendars.year(2027, null)))),
                Arguments.of("twice", (Supplier<?>) () -> new WorkingCalendar(VIETNAM,
                        List.of(TestCalendars.year(2025, null), TestCalendars.year(2025, null)))),
                Arguments.of("at least one", (Supplier<?>) () -> new WorkingCalendar(VIETNAM, List.of())));
    }

    @ParameterizedTest(name = "rejects a bad {0}")
    @MethodSource("invalidCalendarYears")
    void rejectsInvalidCalendarsNamingTheField(String field, Supplier<?> construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::get);
        assertTrue(e.getMessage().contains(field), () -> "message should name " + field + ": " + e.getMessage());
    }

    @Test
    void calendarYearsAreImmutableCopies() {
        TreeSet<LocalDate> holidays = dates("2025-09-02");
        List<TimeRange> hours = new ArrayList<>(HOURS);
        Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        CalendarYear year = new CalendarYear(2025, hours, weekend, holidays, dates(), null);
        holidays.add(LocalDate.of(2025, 9, 3));
        hours.clear();
        weekend.clear();
        assertEquals(1, year.holidays().size());
        assertEquals(2, year.sessionsPerDay());
        assertEquals(2, year.weekendDays().size());
        assertThrows(UnsupportedOperationException.class, () -> year.holidays().add(LocalDate.of(2025, 9, 4)));
    }

    // ---- the shipped data file ----------------------------------------------------------------------

    @Test
    void theShippedVietnameseCalendarsAreValidAndMatchTheTestCalendar() throws Exception {
        List<CalendarYear> years = new ArrayList<>();
        Map<Integer, String> notes = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/calendar/vn-calendars.json")) {
            assertNotNull(in, "calendar/vn-calendars.json is on the classpath");
            for (JsonNode node : JsonMapper.builder().build().readTree(in).values()) {
                List<TimeRange> hours = new ArrayList<>();
                node.get("workingHours").values().forEach(r -> hours.add(TimeRange.of(r.get("from").asString(), r.get("to").asString())));
                Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
                node.get("weekendDays").values().forEach(d -> weekend.add(DayOfWeek.valueOf(d.asString())));
                TreeSet<LocalDate> holidays = new TreeSet<>();
                node.get("holidays").values().forEach(d -> holidays.add(LocalDate.parse(d.asString())));
                TreeSet<LocalDate> makeUp = new TreeSet<>();
                node.get("makeUpWorkingDays").values().forEach(d -> makeUp.add(LocalDate.parse(d.asString())));
                JsonNode cutoff = node.get("afterHoursCutoff");
                int year = node.get("year").asInt();
                years.add(new CalendarYear(year, hours, weekend, holidays, makeUp,
                        cutoff == null || cutoff.isNull() ? null : LocalTime.parse(cutoff.asString())));
                notes.put(year, node.get("notes").asString());
            }
        }
        assertEquals(List.of(2025, 2026, 2027), years.stream().map(CalendarYear::year).toList());
        for (CalendarYear y : years) {
            for (LocalDate h : y.holidays()) {
                assertFalse(y.weekendDays().contains(h.getDayOfWeek()), "holidays list only weekday days off: " + h);
            }
        }
        assertEquals(TestCalendars.years2025To2027(null), years);
        assertTrue(notes.get(2027).toLowerCase().contains("provisional"));
        new WorkingCalendar(VIETNAM, years);
    }

    // ---- randomized cross-check against a naive day-by-day implementation -----------------------------

    static Stream<Arguments> calendarsToCrossCheck() {
        // a second calendar with different hours, a cutoff, a one-session year and a Friday/Saturday weekend,
        // in a zone with daylight saving time
        List<CalendarYear> odd = List.of(
                TestCalendars.year(2025, LocalTime.of(15, 0)),
                new CalendarYear(2026, List.of(TimeRange.of("07:00", "11:30"), TimeRange.of("13:00", "16:30")), WEEKEND,
                        dates(TestCalendars.HOLIDAYS_2026), dates(TestCalendars.MAKE_UP_2026)),
                new CalendarYear(2027, List.of(TimeRange.of("08:00", "16:00")), Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                        dates(TestCalendars.HOLIDAYS_2027), dates("2027-02-13", "2027-06-04")));
        return Stream.of(
                Arguments.of("Vietnam 2025-2027", VIETNAM, TestCalendars.years2025To2027(null), 11L),
                Arguments.of("Vietnam with a 15:00 cutoff", VIETNAM, TestCalendars.years2025To2027(LocalTime.of(15, 0)), 12L),
                Arguments.of("mixed years in Europe/Paris", ZoneId.of("Europe/Paris"), odd, 13L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendarsToCrossCheck")
    void agreesWithANaiveDayByDayCalculation(String name, ZoneId zone, List<CalendarYear> years, long seed) {
        WorkingCalendar fast = new WorkingCalendar(zone, years);
        NaiveCalendar naive = new NaiveCalendar(zone, years);
        Random random = new Random(seed);
        LocalTime[] boundaries = {LocalTime.MIDNIGHT, LocalTime.of(6, 59, 59), LocalTime.of(7, 0), LocalTime.of(7, 30),
            LocalTime.of(8, 0), LocalTime.of(11, 29, 59), LocalTime.of(11, 30), LocalTime.of(12, 0), LocalTime.of(13, 0),
            LocalTime.of(13, 30), LocalTime.of(14, 59, 59), LocalTime.of(15, 0), LocalTime.of(16, 0), LocalTime.of(16, 30),
            LocalTime.of(17, 0), LocalTime.of(17, 0, 1), LocalTime.MAX};
        LocalDate first = LocalDate.of(2025, 1, 1);
        int days = (int) (LocalDate.of(2027, 12, 31).toEpochDay() - first.toEpochDay() + 1);
        DurationUnit[] units = DurationUnit.values();
        for (int i = 0; i < 4000; i++) {
            LocalDate date = first.plusDays(random.nextInt(days));
            LocalTime time = random.nextBoolean() ? boundaries[random.nextInt(boundaries.length)]
                    : LocalTime.ofNanoOfDay(random.nextLong(Duration.ofDays(1).toNanos()));
            Instant received = date.atTime(time).atZone(zone).toInstant();
            DurationUnit unit = units[random.nextInt(units.length)];
            boolean skipHolidays = random.nextBoolean();
            BigDecimal amount;
            long wholeAmount;
            switch (unit) {
                case WORKING_DAYS -> {
                    wholeAmount = random.nextInt(61);
                    amount = random.nextInt(50) == 0 ? new BigDecimal("0.3")
                            : BigDecimal.valueOf(wholeAmount).divide(BigDecimal.valueOf(2));
                }
                case WORKING_HOURS -> {
                    wholeAmount = random.nextInt(6001);
                    amount = BigDecimal.valueOf(wholeAmount).divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP);
                }
                default -> {
                    wholeAmount = random.nextInt(61);
                    amount = BigDecimal.valueOf(wholeAmount);
                }
            }
            String expected = outcome(() -> naive.due(received, amount, wholeAmount, unit, skipHolidays));
            String actual = outcome(() -> fast.due(received, amount, unit, skipHolidays));
            assertEquals(expected, actual, () -> "due(" + LocalDateTime.ofInstant(received, zone) + ", " + amount + " " + unit
                    + (skipHolidays && unit == DurationUnit.CALENDAR_DAYS ? ", skipHolidays" : "") + ")");
            assertEquals(outcome(() -> naive.effectiveStart(received)), outcome(() -> fast.effectiveStart(received)));

            Instant other = received.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30) - 60 * 24 * 10));
            assertEquals(outcome(() -> naive.workingMinutesBetween(received, other)),
                    outcome(() -> fast.workingMinutesBetween(received, other)), () -> "minutes " + received + " .. " + other);
            Instant due = received.plus(Duration.ofHours(random.nextInt(24 * 40)));
            Instant from = random.nextBoolean() ? received : other;
            Instant to = from.equals(received) ? other : received;
            assertEquals(outcome(() -> naive.shiftByPause(due, from, to)), outcome(() -> fast.shiftByPause(due, from, to)),
                    () -> "shift " + due + " by " + from + " .. " + to);
        }
    }

    private static String outcome(Supplier<Object> computation) {
        try {
            return "= " + computation.get();
        } catch (CalendarNotDefinedException e) {
            return "missing year " + e.year();
        } catch (IllegalArgumentException e) {
            return "rejected";
        }
    }

    /**
     * The rules written the slow, obvious way: walk day by day and session by session, reading the
     * CalendarYear records directly. Shares nothing with the engine's tables.
     */
    static final class NaiveCalendar {

        private final ZoneId zone;
        private final Map<Integer, CalendarYear> years = new HashMap<>();

        NaiveCalendar(ZoneId zone, List<CalendarYear> years) {
            this.zone = zone;
            years.forEach(y -> this.years.put(y.year(), y));
        }

        private CalendarYear year(LocalDate date) {
            CalendarYear year = years.get(date.getYear());
            if (year == null) {
                throw new CalendarNotDefinedException(date.getYear());
            }
            return year;
        }

        private boolean working(LocalDate date) {
            CalendarYear year = year(date);
            if (year.makeUpWorkingDays().contains(date)) {
                return true;
            }
            return !year.holidays().contains(date) && !year.weekendDays().contains(date.getDayOfWeek());
        }

        private List<TimeRange> ranges(LocalDate date) {
            return year(date).workingHours();
        }

        private LocalDate nextWorkingDay(LocalDate date) {
            LocalDate d = date.plusDays(1);
            while (!working(d)) {
                d = d.plusDays(1);
            }
            return d;
        }

        private LocalDateTime local(Instant instant) {
            return LocalDateTime.ofInstant(instant, zone);
        }

        private Instant instant(LocalDateTime local) {
            return local.atZone(zone).toInstant();
        }

        Instant effectiveStart(Instant received) {
            return instant(start(local(received)));
        }

        private LocalDateTime start(LocalDateTime received) {
            LocalDate date = received.toLocalDate();
            LocalTime time = received.toLocalTime();
            if (working(date)) {
                LocalTime cutoff = year(date).afterHoursCutoff();
                if (cutoff == null || time.isBefore(cutoff)) {
                    for (TimeRange range : ranges(date)) {
                        if (time.isBefore(range.from())) {
                            return date.atTime(range.from());
                        }
                        if (time.isBefore(range.to())) {
                            return received;
                        }
                    }
                }
            }
            LocalDate next = nextWorkingDay(date);
            return next.atTime(ranges(next).get(0).from());
        }

        Instant due(Instant received, BigDecimal amount, long wholeAmount, DurationUnit unit, boolean skipHolidays) {
            LocalDateTime start = start(local(received));
            LocalDateTime due = switch (unit) {
                case HALF_DAYS -> halfDays(start, wholeAmount);
                case WORKING_DAYS -> {
                    BigDecimal sessions = amount.multiply(BigDecimal.valueOf(year(start.toLocalDate()).sessionsPerDay()));
                    if (amount.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0
                            || sessions.stripTrailingZeros().scale() > 0) {
                        throw new IllegalArgumentException("not whole sessions");
                    }
                    yield halfDays(start, sessions.longValueExact());
                }
                case WORKING_HOURS -> wholeAmount == 0 ? start : addWorkingTime(start, Duration.ofMinutes(wholeAmount));
                case CALENDAR_DAYS -> calendarDays(start, wholeAmount, skipHolidays);
            };
            return instant(due);
        }

        private LocalDateTime halfDays(LocalDateTime start, long n) {
            LocalDate date = start.toLocalDate();
            int range = 0;
            while (!start.toLocalTime().isBefore(ranges(date).get(range).to())) {
                range++;
            }
            TimeRange current = ranges(date).get(range);
            if (n == 0) {
                return date.atTime(current.to());
            }
            Duration offset = Duration.between(current.from(), start.toLocalTime());
            for (long i = 0; i < n; i++) {
                range++;
                if (range == ranges(date).size()) {
                    date = nextWorkingDay(date);
                    range = 0;
                }
            }
            TimeRange target = ranges(date).get(range);
            Duration length = Duration.between(target.from(), target.to());
            return date.atTime(target.from()).plus(offset.compareTo(length) > 0 ? length : offset);
        }

        private LocalDateTime addWorkingTime(LocalDateTime from, Duration amount) {
            Duration remaining = amount;
            LocalDate date = from.toLocalDate();
            boolean firstDay = true;
            while (true) {
                if (working(date)) {
                    for (TimeRange range : ranges(date)) {
                        LocalTime begin = firstDay && from.toLocalTime().isAfter(range.from()) ? from.toLocalTime() : range.from();
                        if (!begin.isBefore(range.to())) {
                            continue;
                        }
                        Duration available = Duration.between(begin, range.to());
                        if (remaining.compareTo(available) <= 0) {
                            return date.atTime(begin).plus(remaining);
                        }
                        remaining = remaining.minus(available);
                    }
                }
                date = date.plusDays(1);
                firstDay = false;
            }
        }

        private LocalDateTime calendarDays(LocalDateTime start, long n, boolean skipHolidays) {
            if (n == 0) {
                return halfDays(start, 0);
            }
            LocalDate date = start.toLocalDate();
            if (skipHolidays) {
                for (long counted = 0; counted < n; ) {
                    date = date.plusDays(1);
                    if (!year(date).holidays().contains(date)) {
                        counted++;
                    }
                }
            } else {
                date = date.plusDays(n);
            }
            while (!working(date)) {
                date = date.plusDays(1);
            }
            LocalTime time = start.toLocalTime();
            List<TimeRange> ranges = ranges(date);
            if (!time.isAfter(ranges.get(0).from())) {
                return date.atTime(ranges.get(0).from());
            }
            TimeRange before = ranges.get(0);
            for (TimeRange range : ranges) {
                if (!range.from().isAfter(time)) {
                    before = range;
                }
            }
            return date.atTime(time.isAfter(before.to()) ? before.to() : time);
        }

        long workingMinutesBetween(Instant a, Instant b) {
            if (b.isBefore(a)) {
                return -workingMinutesBetween(b, a);
            }
            LocalDateTime from = local(a);
            LocalDateTime to = local(b);
            long nanos = 0;
            for (LocalDate date = from.toLocalDate(); !date.isAfter(to.toLocalDate()); date = date.plusDays(1)) {
                if (!working(date)) {
                    continue;
                }
                for (TimeRange range : ranges(date)) {
                    LocalDateTime begin = max(date.atTime(range.from()), from);
                    LocalDateTime end = min(date.atTime(range.to()), to);
                    if (begin.isBefore(end)) {
                        nanos += Duration.between(begin, end).toNanos();
                    }
                }
            }
            return nanos / 60_000_000_000L;
        }

        Instant shiftByPause(Instant due, Instant from, Instant to) {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("pause ends before it starts");
            }
            long minutes = workingMinutesBetween(from, to);
            return minutes == 0 ? due : instant(addWorkingTime(local(due), Duration.ofMinutes(minutes)));
        }

        private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
            return a.isAfter(b) ? a : b;
        }

        private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
