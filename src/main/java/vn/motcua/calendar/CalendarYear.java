package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The working calendar of one year: the daily working hours, the weekly days off, the weekday
 * days off ({@code holidays}: public holidays, compensatory days and days swapped away) and the
 * weekend days worked instead ({@code makeUpWorkingDays}). Tết and Hùng Kings' day follow the
 * lunar calendar and swaps are decided yearly, so all of it is data.
 *
 * <p>A day is a working day when it is a make-up working day, or when it is neither a holiday nor
 * one of the weekend days. Every working day of the year has the same {@code workingHours}; each
 * range is one half-day session. {@code afterHoursCutoff}, when set, makes a dossier received at
 * or after that time of a working day count from the next working day's opening.
 *
 * <p>The compact constructor validates and takes immutable, sorted copies of every collection.
 */
public record CalendarYear(
        int year,
        List<TimeRange> workingHours,
        Set<DayOfWeek> weekendDays,
        SortedSet<LocalDate> holidays,
        SortedSet<LocalDate> makeUpWorkingDays,
        LocalTime afterHoursCutoff) {

    public CalendarYear {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year must be between 1 and 9999, was " + year);
        }
        workingHours = copyWorkingHours(year, workingHours);
        weekendDays = copyWeekendDays(year, weekendDays);
        holidays = copyDates(year, "holidays", holidays);
        makeUpWorkingDays = copyDates(year, "makeUpWorkingDays", makeUpWorkingDays);
        for (LocalDate d : makeUpWorkingDays) {
            if (holidays.contains(d)) {
                throw new IllegalArgumentException(
                        "Calendar " + year + ": " + d + " is in both holidays and makeUpWorkingDays");
            }
            if (!weekendDays.contains(d.getDayOfWeek())) {
                throw new IllegalArgumentException("Calendar " + year + ": makeUpWorkingDays contains " + d
                        + " (" + d.getDayOfWeek() + "), which is not one of the weekendDays " + weekendDays);
            }
        }
        if (afterHoursCutoff != null) {
            LocalTime opening = workingHours.get(0).from();
            LocalTime closing = workingHours.get(workingHours.size() - 1).to();
            if (!afterHoursCutoff.isAfter(opening) || afterHoursCutoff.isAfter(closing)) {
                throw new IllegalArgumentException("Calendar " + year + ": afterHoursCutoff " + afterHoursCutoff
                        + " must be after the opening " + opening + " and not after the closing " + closing);
            }
        }
    }

    /** A year with no after-hours cutoff. */
    public CalendarYear(int year, List<TimeRange> workingHours, Set<DayOfWeek> weekendDays,
            Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
        this(year, workingHours, weekendDays, sorted(year, "holidays", holidays),
                sorted(year, "makeUpWorkingDays", makeUpWorkingDays), null);
    }

    /** Whether {@code date} (which must lie in this year) is a working day. */
    public boolean isWorkingDay(LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in calendar year " + year);
        }
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        return !holidays.contains(date) && !weekendDays.contains(date.getDayOfWeek());
    }

    /** The number of half-day sessions of a working day of this year. */
    public int sessionsPerDay() {
        return workingHours.size();
    }

    private static SortedSet<LocalDate> sorted(int year, String field, Collection<LocalDate> dates) {
        if (dates == null) {
            return null; // rejected with the field's name by the canonical constructor
        }
        TreeSet<LocalDate> set = new TreeSet<>();
        for (LocalDate d : dates) {
            if (d == null) {
                throw new IllegalArgumentException("Calendar " + year + ": " + field + " contains null");
            }
            set.add(d);
        }
        return set;
    }

    private static List<TimeRange> copyWorkingHours(int year, List<TimeRange> ranges) {
        if (ranges == null || ranges.isEmpty()) {
            throw new IllegalArgumentException("Calendar " + year + ": workingHours must contain at least one range");
        }
        List<TimeRange> copy = new ArrayList<>(ranges.size());
        for (TimeRange r : ranges) {
            if (r == null) {
                throw new IllegalArgumentException("Calendar " + year + ": workingHours contains null");
            }
            if (!copy.isEmpty()) {
                TimeRange previous = copy.get(copy.size() - 1);
                if (r.from().isBefore(previous.to())) {
                    throw new IllegalArgumentException("Calendar " + year + ": workingHours must be sorted and"
                            + " non-overlapping, but " + r + " starts before " + previous + " ends");
                }
            }
            copy.add(r);
        }
        return List.copyOf(copy);
    }

    private static Set<DayOfWeek> copyWeekendDays(int year, Set<DayOfWeek> days) {
        if (days == null) {
            throw new IllegalArgumentException("Calendar " + year + ": weekendDays must not be null");
        }
        EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : days) {
            if (d == null) {
                throw new IllegalArgumentException("Calendar " + year + ": weekendDays contains null");
            }
            copy.add(d);
        }
        return Collections.unmodifiableSet(copy);
    }

    private static SortedSet<LocalDate> copyDates(int year, String field, Collection<LocalDate> dates) {
        if (dates == null) {
            throw new IllegalArgumentException("Calendar " + year + ": " + field + " must not be null");
        }
        TreeSet<LocalDate> copy = new TreeSet<>();
        for (LocalDate d : dates) {
            if (d == null) {
                throw new IllegalArgumentException("Calendar " + year + ": " + field + " contains null");
            }
            if (d.getYear() != year) {
                throw new IllegalArgumentException(
                        "Calendar " + year + ": " + field + " contains " + d + ", which is outside the year");
            }
            copy.add(d);
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
