package vn.motcua.calendar.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import vn.motcua.calendar.CalendarNotDefinedException;
import vn.motcua.calendar.CalendarYear;
import vn.motcua.calendar.TimeRange;

/**
 * Per-day tables precomputed once over a contiguous run of calendar years, and the deadline
 * primitives that use them. Internal to the calendar module; the public face is
 * {@link vn.motcua.calendar.WorkingCalendar}.
 *
 * <p>Times here are <em>positions</em>: nanoseconds of local wall-clock time since 00:00 of
 * 1 January of the first year, so {@code position = dayIndex * NANOS_PER_DAY + nanoOfDay}. With at
 * most {@value #MAX_YEARS} years every position fits in a {@code long}.
 *
 * <p>Tables (index = day index unless stated):
 * <ul>
 *   <li>{@code sessionsBefore[d]}: half-day sessions on days before {@code d} (prefix count);
 *       {@code sessionDay[s]}: the day of session ordinal {@code s}. Adding {@code n} sessions is
 *       two array reads.</li>
 *   <li>{@code workBefore[d]}: working nanoseconds on days before {@code d}; adding working time
 *       is one binary search over it.</li>
 *   <li>{@code nextWorkingDay[d]}: the first working day on or after {@code d}.</li>
 *   <li>{@code nonHolidayBefore[d]} and {@code nonHolidayDay[k]}: the same pair for days that are
 *       not holidays, for calendar days that skip holidays.</li>
 * </ul>
 * Nothing loops over days at computation time; instances are immutable and thread-safe.
 */
public final class CalendarIndex {

    public static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Keeps every position and working-time sum inside a {@code long}. */
    public static final int MAX_YEARS = 200;

    private final List<CalendarYear> years;
    private final int firstYear;
    private final int lastYear;
    private final long firstEpochDay;
    private final int dayCount;

    // per year index
    private final long[][] starts;
    private final long[][] ends;
    private final long[] dayWork;
    private final long[] cutoffs;

    // per day index
    private final int[] yearIndex;
    private final boolean[] working;
    private final int[] sessionsBefore;
    private final long[] workBefore;
    private final int[] nextWorkingDay;
    private final int[] nonHolidayBefore;

    // per ordinal
    private final int[] sessionDay;
    private final int[] nonHolidayDay;

    public CalendarIndex(Collection<? extends CalendarYear> calendarYears) {
        Objects.requireNonNull(calendarYears, "years");
        List<CalendarYear> sorted = new ArrayList<>(calendarYears.size());
        for (CalendarYear y : calendarYears) {
            if (y == null) {
                throw new IllegalArgumentException("years contains null");
            }
            sorted.add(y);
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("years must contain at least one CalendarYear");
        }
        sorted.sort(Comparator.comparingInt(CalendarYear::year));
        for (int i = 1; i < sorted.size(); i++) {
            int previous = sorted.get(i - 1).year();
            int current = sorted.get(i).year();
            if (current == previous) {
                throw new IllegalArgumentException("years contains " + current + " twice");
            }
            if (current != previous + 1) {
                throw new IllegalArgumentException("years must be contiguous, but " + (previous + 1)
                        + " is missing between " + previous + " and " + current);
            }
        }
        if (sorted.size() > MAX_YEARS) {
            throw new IllegalArgumentException(
                    "years may span at most " + MAX_YEARS + " years, was " + sorted.size());
        }
        this.years = List.copyOf(sorted);
        this.firstYear = sorted.get(0).year();
        this.lastYear = sorted.get(sorted.size() - 1).year();
        this.firstEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        this.dayCount = (int) (LocalDate.of(lastYear, 12, 31).toEpochDay() - firstEpochDay + 1);

        int yearCount = sorted.size();
        starts = new long[yearCount][];
        ends = new long[yearCount][];
        dayWork = new long[yearCount];
        cutoffs = new long[yearCount];
        for (int y = 0; y < yearCount; y++) {
            CalendarYear cy = sorted.get(y);
            List<TimeRange> ranges = cy.workingHours();
            starts[y] = new long[ranges.size()];
            ends[y] = new long[ranges.size()];
            for (int r = 0; r < ranges.size(); r++) {
                starts[y][r] = ranges.get(r).from().toNanoOfDay();
                ends[y][r] = ranges.get(r).to().toNanoOfDay();
                dayWork[y] += ends[y][r] - starts[y][r];
            }
            LocalTime cutoff = cy.afterHoursCutoff();
            cutoffs[y] = cutoff == null ? -1 : cutoff.toNanoOfDay();
        }

        yearIndex = new int[dayCount];
        working = new boolean[dayCount];
        boolean[] holiday = new boolean[dayCount];
        sessionsBefore = new int[dayCount + 1];
        workBefore = new long[dayCount + 1];
        nonHolidayBefore = new int[dayCount + 1];
        LocalDate date = LocalDate.ofEpochDay(firstEpochDay);
        for (int d = 0; d < dayCount; d++, date = date.plusDays(1)) {
            int y = date.getYear() - firstYear;
            CalendarYear cy = sorted.get(y);
            yearIndex[d] = y;
            working[d] = cy.isWorkingDay(date);
            holiday[d] = cy.holidays().contains(date);
            sessionsBefore[d + 1] = sessionsBefore[d] + (working[d] ? starts[y].length : 0);
            workBefore[d + 1] = workBefore[d] + (working[d] ? dayWork[y] : 0);
            nonHolidayBefore[d + 1] = nonHolidayBefore[d] + (holiday[d] ? 0 : 1);
        }
        nextWorkingDay = new int[dayCount + 1];
        nextWorkingDay[dayCount] = dayCount;
        for (int d = dayCount - 1; d >= 0; d--) {
            nextWorkingDay[d] = working[d] ? d : nextWorkingDay[d + 1];
        }
        sessionDay = new int[sessionsBefore[dayCount]];
        nonHolidayDay = new int[nonHolidayBefore[dayCount]];
        for (int d = 0; d < dayCount; d++) {
            for (int s = sessionsBefore[d]; s < sessionsBefore[d + 1]; s++) {
                sessionDay[s] = d;
            }
            if (!holiday[d]) {
                nonHolidayDay[nonHolidayBefore[d]] = d;
            }
        }
    }

    public List<CalendarYear> years() {
        return years;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    // ---- positions ------------------------------------------------------------------------

    /** The position of a local date-time given as local epoch seconds and nanos. */
    public long position(long localEpochSecond, int nanoOfSecond) {
        long epochDay = Math.floorDiv(localEpochSecond, 86_400L);
        long day = epochDay - firstEpochDay;
        if (day < 0 || day >= dayCount) {
            throw notDefined(yearOfEpochDay(epochDay));
        }
        long secondOfDay = Math.floorMod(localEpochSecond, 86_400L);
        return day * NANOS_PER_DAY + secondOfDay * NANOS_PER_SECOND + nanoOfSecond;
    }

    public long localEpochSecond(long position) {
        return firstEpochDay * 86_400L + Math.floorDiv(position, NANOS_PER_SECOND);
    }

    public int nanoOfSecond(long position) {
        return (int) Math.floorMod(position, NANOS_PER_SECOND);
    }

    /** The day index of {@code date}, or {@link CalendarNotDefinedException} for its year. */
    public int dayIndex(LocalDate date) {
        long day = date.toEpochDay() - firstEpochDay;
        if (day < 0 || day >= dayCount) {
            throw notDefined(date.getYear());
        }
        return (int) day;
    }

    public boolean isWorkingDay(int dayIndex) {
        return working[dayIndex];
    }

    // ---- primitives -----------------------------------------------------------------------

    /**
     * When the clock starts for a receipt at {@code position}: the position itself inside a
     * working range; the next range's start before it on a working day (before opening, at lunch);
     * otherwise (after the last range, at or after the cutoff, on a day off) the next working
     * day's opening.
     */
    public long effectiveStart(long position) {
        int day = (int) (position / NANOS_PER_DAY);
        long t = position - day * NANOS_PER_DAY;
        if (working[day]) {
            int y = yearIndex[day];
            if (cutoffs[y] < 0 || t < cutoffs[y]) {
                long[] s = starts[y];
                long[] e = ends[y];
                for (int r = 0; r < s.length; r++) {
                    if (t < s[r]) {
                        return day * NANOS_PER_DAY + s[r];
                    }
                    if (t < e[r]) {
                        return position;
                    }
                }
            }
        }
        int next = nextWorkingDay[day + 1];
        if (next == dayCount) {
            throw notDefinedAfterLastYear();
        }
        return next * NANOS_PER_DAY + starts[yearIndex[next]][0];
    }

    /** The number of sessions per working day in the year of {@code position}. */
    public int sessionsPerDay(long position) {
        return starts[yearIndex[(int) (position / NANOS_PER_DAY)]].length;
    }

    /**
     * From an effective start (inside session {@code s} at offset {@code d}), session {@code s+n}
     * at offset {@code d} clamped to that session's end; {@code n = 0} gives the end of session
     * {@code s}.
     */
    public long addSessions(long start, long n) {
        int day = (int) (start / NANOS_PER_DAY);
        long t = start - day * NANOS_PER_DAY;
        int y = yearIndex[day];
        long[] s = starts[y];
        long[] e = ends[y];
        int r = 0;
        while (t >= e[r]) {
            r++;
        }
        if (n == 0) {
            return day * NANOS_PER_DAY + e[r];
        }
        long offset = t - s[r];
        long target = sessionsBefore[day] + r + n;
        if (n < 0 || target >= sessionDay.length) {
            throw notDefinedAfterLastYear();
        }
        int targetDay = sessionDay[(int) target];
        int targetRange = (int) target - sessionsBefore[targetDay];
        int ty = yearIndex[targetDay];
        return targetDay * NANOS_PER_DAY + Math.min(starts[ty][targetRange] + offset, ends[ty][targetRange]);
    }

    /** Working nanoseconds from the start of the first year up to {@code position}. */
    public long workingNanosAt(long position) {
        int day = (int) (position / NANOS_PER_DAY);
        long t = position - day * NANOS_PER_DAY;
        long w = workBefore[day];
        if (working[day]) {
            long[] s = starts[yearIndex[day]];
            long[] e = ends[yearIndex[day]];
            for (int r = 0; r < s.length && t > s[r]; r++) {
                w += Math.min(t, e[r]) - s[r];
            }
        }
        return w;
    }

    /**
     * The position reached by adding {@code nanos > 0} of working time at {@code position}. A
     * result exactly at a range's end stays there.
     */
    public long addWorkingNanos(long position, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("working time to add must be positive, was " + nanos);
        }
        long total = workBefore[dayCount];
        long from = workingNanosAt(position);
        if (nanos > total - from) {
            throw notDefinedAfterLastYear();
        }
        long w = from + nanos;
        // the first day k with workBefore[k] >= w; the result lies on day k - 1
        int lo = (int) (position / NANOS_PER_DAY) + 1;
        int hi = dayCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (workBefore[mid] >= w) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int day = lo - 1;
        long rest = w - workBefore[day];
        int y = yearIndex[day];
        long[] s = starts[y];
        long[] e = ends[y];
        for (int r = 0; ; r++) {
            long length = e[r] - s[r];
            if (rest <= length) {
                return day * NANOS_PER_DAY + s[r] + rest;
            }
            rest -= length;
        }
    }

    /**
     * {@code n} calendar days after an effective start (counting only non-holidays when
     * {@code skipHolidays}), moved forward to a working day and clamped into its working hours;
     * {@code n = 0} gives the end of the current session.
     */
    public long addCalendarDays(long start, long n, boolean skipHolidays) {
        if (n == 0) {
            return addSessions(start, 0);
        }
        int day = (int) (start / NANOS_PER_DAY);
        long t = start - day * NANOS_PER_DAY;
        long target;
        if (n < 0 || n > dayCount) {
            throw notDefinedAfterLastYear();
        }
        if (skipHolidays) {
            long ordinal = nonHolidayBefore[day + 1] + n - 1;
            if (ordinal >= nonHolidayDay.length) {
                throw notDefinedAfterLastYear();
            }
            target = nonHolidayDay[(int) ordinal];
        } else {
            target = day + n;
            if (target >= dayCount) {
                throw notDefinedAfterLastYear();
            }
        }
        int due = nextWorkingDay[(int) target];
        if (due == dayCount) {
            throw notDefinedAfterLastYear();
        }
        return due * NANOS_PER_DAY + clampIntoWorkingHours(yearIndex[due], t);
    }

    /**
     * {@code t} if it is inside a range or at its end; the opening if before it; otherwise the end
     * of the last range starting before {@code t} (a time at lunch or after closing moves back).
     */
    private long clampIntoWorkingHours(int y, long t) {
        long[] s = starts[y];
        long[] e = ends[y];
        if (t <= s[0]) {
            return s[0];
        }
        int r = s.length - 1;
        while (s[r] > t) {
            r--;
        }
        return Math.min(t, e[r]);
    }

    /** The exception for a computation that runs past the last defined year. */
    public CalendarNotDefinedException notDefinedAfterLastYear() {
        return notDefined(lastYear + 1);
    }

    private CalendarNotDefinedException notDefined(int year) {
        return new CalendarNotDefinedException(year, "calendars are defined for " + firstYear + "-" + lastYear);
    }

    private static int yearOfEpochDay(long epochDay) {
        try {
            return LocalDate.ofEpochDay(epochDay).getYear();
        } catch (DateTimeException e) {
            return epochDay < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }
}
