package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.TreeSet;

/**
 * A year's working calendar as the API and the pages exchange it
 * ({@code PUT /api/v1/calendar/years/{year}}).
 */
public record CalendarYearDocument(
        @jakarta.validation.constraints.Size(max = 12, message = "{validation.list.tooMany}") List<Hours> workingHours,
        @jakarta.validation.constraints.Size(max = 7, message = "{validation.list.tooMany}") List<DayOfWeek> weekendDays,
        @jakarta.validation.constraints.Size(max = 366, message = "{validation.list.tooMany}") List<LocalDate> holidays,
        @jakarta.validation.constraints.Size(max = 366, message = "{validation.list.tooMany}") List<LocalDate> makeUpWorkingDays,
        LocalTime afterHoursCutoff,
        @jakarta.validation.constraints.Size(max = 4000, message = "{validation.tooLong}") String notes) {

    /** One working range of a day, e.g. 07:30–11:30. */
    public record Hours(LocalTime from, LocalTime to) {
    }

    /** Checks and converts; throws IllegalArgumentException naming the field that is wrong. */
    public CalendarYear toCalendarYear(int year) {
        if (workingHours == null || workingHours.isEmpty()) {
            throw new IllegalArgumentException("workingHours: at least one range is needed");
        }
        List<TimeRange> ranges = workingHours.stream().map(h -> {
            if (h == null || h.from() == null || h.to() == null) {
                throw new IllegalArgumentException("workingHours: every range needs from and to");
            }
            return new TimeRange(h.from(), h.to());
        }).toList();
        return new CalendarYear(year, ranges,
                weekendDays == null ? java.util.Set.of() : java.util.EnumSet.copyOf(weekendDays.isEmpty()
                        ? java.util.EnumSet.noneOf(DayOfWeek.class) : weekendDays),
                new TreeSet<>(holidays == null ? List.of() : holidays),
                new TreeSet<>(makeUpWorkingDays == null ? List.of() : makeUpWorkingDays),
                afterHoursCutoff);
    }

    public static CalendarYearDocument of(CalendarYear y, String notes) {
        return new CalendarYearDocument(
                y.workingHours().stream().map(r -> new Hours(r.from(), r.to())).toList(),
                y.weekendDays().stream().sorted().toList(),
                List.copyOf(y.holidays()),
                List.copyOf(y.makeUpWorkingDays()),
                y.afterHoursCutoff(),
                notes);
    }
}
