package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Test calendars for 2025-2027: working hours 07:30-11:30 and 13:30-17:00, Saturday/Sunday off. */
public final class TestCalendars {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<TimeRange> HOURS = List.of(TimeRange.of("07:30", "11:30"), TimeRange.of("13:30", "17:00"));
    static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    static final String[] HOLIDAYS_2025 = {"2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30",
        "2025-01-31", "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"};
    static final String[] MAKE_UP_2025 = {"2025-04-26"};
    /** Tết Bính Ngọ: 2026-02-16 .. 2026-02-20 (with the weekends, 14-22 February off). */
    static final String[] HOLIDAYS_2026 = {"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18",
        "2026-02-19", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01",
        "2026-09-02"};
    static final String[] MAKE_UP_2026 = {"2026-01-10", "2026-08-22"};
    static final String[] HOLIDAYS_2027 = {"2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
        "2027-02-11", "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03"};
    static final String[] MAKE_UP_2027 = {};

    private TestCalendars() {
    }

    static CalendarYear year(int year, LocalTime cutoff) {
        return switch (year) {
            case 2025 -> new CalendarYear(2025, HOURS, WEEKEND, dates(HOLIDAYS_2025), dates(MAKE_UP_2025), cutoff);
            case 2026 -> new CalendarYear(2026, HOURS, WEEKEND, dates(HOLIDAYS_2026), dates(MAKE_UP_2026), cutoff);
            case 2027 -> new CalendarYear(2027, HOURS, WEEKEND, dates(HOLIDAYS_2027), dates(MAKE_UP_2027), cutoff);
            default -> throw new IllegalArgumentException("no test data for " + year);
        };
    }

    static List<CalendarYear> years2025To2027(LocalTime cutoff) {
        return List.of(year(2025, cutoff), year(2026, cutoff), year(2027, cutoff));
    }

    /** The standard test calendar: 2025-2027, no after-hours cutoff. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(VIETNAM, years2025To2027(null));
    }

    /** Same years with a 15:00 after-hours cutoff. */
    static WorkingCalendar withCutoff1500() {
        return new WorkingCalendar(VIETNAM, years2025To2027(LocalTime.of(15, 0)));
    }

    static TreeSet<LocalDate> dates(String... isoDates) {
        return Arrays.stream(isoDates).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A local date-time in Vietnam ({@code 2025-03-11T09:15}) as an instant. */
    public static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant();
    }
}
