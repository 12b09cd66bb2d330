package vn.motcua.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import vn.motcua.calendar.engine.CalendarIndex;

/**
 * The province's working calendar and its deadline arithmetic. Immutable and thread-safe; built
 * once from a zone and a contiguous run of {@link CalendarYear}s, whose per-day tables are
 * precomputed so that every computation costs a few array reads (at most one binary search),
 * whatever the duration.
 *
 * <p>All instants are read and produced in the province's {@code zone}; working hours are wall-
 * clock times there. Working-hours ranges are half-open: {@code 07:30} is inside 07:30–11:30,
 * {@code 11:30} is not. Each range of a working day is a <em>half-day session</em>.
 *
 * <h2>Effective start</h2>
 * {@link #effectiveStart} is when the clock starts for a receipt:
 * <ul>
 *   <li>inside a working range of a working day: that moment;</li>
 *   <li>before the opening, or between two ranges (lunch): the start of the next range that day;</li>
 *   <li>at or after the last range's end, on a weekend day or holiday, or at or after the year's
 *       {@code afterHoursCutoff} (when set): the opening of the next working day.</li>
 * </ul>
 *
 * <h2>{@link #due} by unit</h2>
 * Every unit counts from the effective start {@code E}. Let {@code s} be the session containing
 * {@code E} and {@code d} the offset of {@code E} from that session's start.
 * <ul>
 *   <li>{@link DurationUnit#HALF_DAYS} {@code n} (a whole number &ge; 0): session {@code s+n} at
 *       offset {@code d}, clamped to that session's end (sessions may differ in length, e.g. 4 h
 *       in the morning and 3.5 h in the afternoon). {@code n = 0}: the end of session {@code s}
 *       ("0-day procedures return the same half-day").</li>
 *   <li>{@link DurationUnit#WORKING_DAYS} {@code x} (a multiple of 0.5): {@code x × k} sessions,
 *       where {@code k} is the number of sessions per working day in the year of {@code E}; if
 *       {@code x × k} is not whole (0.5 day with a single daily range) it is rejected. With two
 *       sessions a day: Tuesday 09:15 + 1 = Wednesday 09:15; Friday 14:00 + 1 = Monday 14:00 (or
 *       the next working day after holidays); 0.5 from a morning = the same afternoon, from an
 *       afternoon = the next working morning; 0 = the end of the current half-day.</li>
 *   <li>{@link DurationUnit#WORKING_HOURS} {@code h} (&ge; 0, rounded half-up to whole minutes):
 *       {@code h} hours of working time after {@code E}, skipping lunch, nights, weekends and
 *       holidays. A result exactly at a range's end stays there (17:00, not the next opening).
 *       {@code h = 0} gives {@code E}.</li>
 *   <li>{@link DurationUnit#CALENDAR_DAYS} {@code n} (a whole number &ge; 0): the date of
 *       {@code E} plus {@code n} days, at {@code E}'s clock time. With {@code skipHolidays} only
 *       days that are not holidays are counted (weekend days still count). A result on a day off
 *       moves forward to the next working day. The clock time is then kept inside that day's
 *       working hours (which differ only when another year has other hours): before the opening
 *       it becomes the opening, at lunch or after closing it becomes the end of the range before.
 *       {@code n = 0} gives the end of the current half-day, as for working days. Counting from
 *       {@code E}'s date rather than the receipt's date means a dossier received after hours or
 *       on a day off starts counting on the day its clock starts, as for the other units.</li>
 * </ul>
 *
 * <h2>Pauses, steps, classification</h2>
 * {@link #shiftByPause} adds the whole minutes of working time inside the pause to the
 * appointment as working time (so a pause over a holiday adds nothing for the holiday).
 * {@link #stepDueTimes} gives each workflow step {@code due(received, cumulative share)}, so the
 * last step's due time is the dossier's appointment. {@link #classify} says LATE when the end is
 * after the appointment, EARLY when it is on an earlier local date, ON_TIME otherwise.
 *
 * <h2>Unknown years</h2>
 * Whenever a computation needs a day of a year that is not defined (before the first year, or
 * past the last one), it throws {@link CalendarNotDefinedException} naming that year; it never
 * guesses. Invalid amounts throw {@link IllegalArgumentException}.
 */
public final class WorkingCalendar {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    /** Far beyond any calendar of at most {@value CalendarIndex#MAX_YEARS} years, in any unit. */
    private static final BigDecimal TOO_FAR = BigDecimal.valueOf(1_000_000_000_000L);
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int offsetSeconds;
    private final CalendarIndex index;

    /**
     * @param zone  the province's time zone, e.g. {@code Asia/Ho_Chi_Minh}
     * @param years one {@link CalendarYear} per year, contiguous, no year twice
     * @throws IllegalArgumentException if years is empty, has gaps or duplicates, or spans more
     *     than {@value CalendarIndex#MAX_YEARS} years
     */
    public WorkingCalendar(ZoneId zone, Collection<? extends CalendarYear> years) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        this.index = new CalendarIndex(years);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years this calendar knows, in order. */
    public List<CalendarYear> years() {
        return index.years();
    }

    /** Whether {@code date} is a working day. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return index.isWorkingDay(index.dayIndex(date));
    }

    /**
     * The opening of the working hours on {@code date} (the start of its first range, in the
     * calendar's zone), whether or not the date is a working day: the start of that working day.
     *
     * @throws CalendarNotDefinedException if the date's year is not defined
     */
    public Instant openingOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        for (CalendarYear y : index.years()) {
            if (y.year() == date.getYear()) {
                return date.atTime(y.workingHours().get(0).from()).atZone(zone).toInstant();
            }
        }
        throw new CalendarNotDefinedException(date.getYear());
    }

    /** When the clock starts for a dossier received at {@code received}. */
    public Instant effectiveStart(Instant received) {
        Objects.requireNonNull(received, "received");
        return toInstant(index.effectiveStart(toPosition(received)));
    }

    /** The appointment for a duration of {@code amount} {@code unit}s started by a receipt. */
    public Instant due(Instant received, BigDecimal amount, DurationUnit unit) {
        return due(received, amount, unit, false);
    }

    /**
     * As {@link #due(Instant, BigDecimal, DurationUnit)}; {@code skipHolidays} makes
     * {@link DurationUnit#CALENDAR_DAYS} count only days that are not holidays. The other units
     * skip holidays anyway and ignore it.
     */
    public Instant due(Instant received, BigDecimal amount, DurationUnit unit, boolean skipHolidays) {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount + " " + unit);
        }
        long start = index.effectiveStart(toPosition(received));
        if (amount.compareTo(TOO_FAR) > 0) {
            throw index.notDefinedAfterLastYear();
        }
        long result;
        switch (unit) {
            case HALF_DAYS:
                result = index.addSessions(start, wholeNumber(amount, unit));
                break;
            case WORKING_DAYS: {
                int sessionsPerDay = index.sessionsPerDay(start);
                long sessionHalves = halfDays(amount) * sessionsPerDay;
                if (sessionHalves % 2 != 0) {
                    throw new IllegalArgumentException(amount + " WORKING_DAYS is not a whole number of"
                            + " half-day sessions when a working day has " + sessionsPerDay + " session(s)");
                }
                result = index.addSessions(start, sessionHalves / 2);
                break;
            }
            case WORKING_HOURS: {
                long minutes = minutes(amount);
                if (minutes == 0) {
                    result = start;
                } else if (minutes > Long.MAX_VALUE / NANOS_PER_MINUTE) {
                    throw index.notDefinedAfterLastYear();
                } else {
                    result = index.addWorkingNanos(start, minutes * NANOS_PER_MINUTE);
                }
                break;
            }
            case CALENDAR_DAYS:
                result = index.addCalendarDays(start, wholeNumber(amount, unit), skipHolidays);
                break;
            default:
                throw new IllegalArgumentException("Unsupported unit " + unit);
        }
        return toInstant(result);
    }

    /**
     * Moves an appointment later by the working time of a pause (supplement or payment wait):
     * the whole minutes of working time between {@code pausedFrom} and {@code pausedTo} are added
     * to {@code due} as working time.
     */
    public Instant shiftByPause(Instant due, Instant pausedFrom, Instant pausedTo) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(pausedFrom, "pausedFrom");
        Objects.requireNonNull(pausedTo, "pausedTo");
        if (pausedTo.isBefore(pausedFrom)) {
            throw new IllegalArgumentException("pausedTo " + pausedTo + " is before pausedFrom " + pausedFrom);
        }
        long minutes = workingMinutesBetween(pausedFrom, pausedTo);
        if (minutes == 0) {
            return due;
        }
        return toInstant(index.addWorkingNanos(toPosition(due), minutes * NANOS_PER_MINUTE));
    }

    /**
     * The whole minutes of working time between {@code a} and {@code b} (negative when {@code b}
     * is before {@code a}; partial minutes are dropped).
     */
    public long workingMinutesBetween(Instant a, Instant b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        long nanos = index.workingNanosAt(toPosition(b)) - index.workingNanosAt(toPosition(a));
        return nanos / NANOS_PER_MINUTE;
    }

    /**
     * Each workflow step's due time: {@code due(received, share₁ + … + shareᵢ, unit)}. Shares must
     * not be negative; a share of 0 is allowed (e.g. receiving, returning the result).
     */
    public List<Instant> stepDueTimes(Instant received, DurationUnit unit, List<BigDecimal> shares) {
        Objects.requireNonNull(shares, "shares");
        List<Instant> dues = new ArrayList<>(shares.size());
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal share = shares.get(i);
            if (share == null || share.signum() < 0) {
                throw new IllegalArgumentException("shares[" + i + "] must be zero or positive, was " + share);
            }
            cumulative = cumulative.add(share);
            dues.add(due(received, cumulative, unit));
        }
        return List.copyOf(dues);
    }

    /**
     * LATE if {@code end} is after {@code appointment}; EARLY if {@code end}'s local date is before
     * the appointment's; ON_TIME otherwise.
     */
    public Timing classify(Instant end, Instant appointment) {
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(appointment, "appointment");
        if (end.isAfter(appointment)) {
            return Timing.LATE;
        }
        return localDate(end).isBefore(localDate(appointment)) ? Timing.EARLY : Timing.ON_TIME;
    }

    // ---- amounts --------------------------------------------------------------------------

    private static long wholeNumber(BigDecimal amount, DurationUnit unit) {
        try {
            return amount.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(unit + " must be a whole number, was " + amount);
        }
    }

    private static long halfDays(BigDecimal amount) {
        if (amount.scale() == 0) {
            return amount.longValueExact() * 2;
        }
        try {
            return amount.multiply(TWO).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("WORKING_DAYS must be a multiple of 0.5, was " + amount);
        }
    }

    private static long minutes(BigDecimal hours) {
        if (hours.scale() == 0) {
            return hours.longValueExact() * 60;
        }
        return hours.multiply(SIXTY).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    // ---- zone -----------------------------------------------------------------------------

    private long toPosition(Instant instant) {
        int offset = fixedOffset ? offsetSeconds : rules.getOffset(instant).getTotalSeconds();
        return index.position(instant.getEpochSecond() + offset, instant.getNano());
    }

    private Instant toInstant(long position) {
        long localSecond = index.localEpochSecond(position);
        int nano = index.nanoOfSecond(position);
        if (fixedOffset) {
            return Instant.ofEpochSecond(localSecond - offsetSeconds, nano);
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, nano, ZoneOffset.UTC);
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + zone + ", " + index.firstYear() + "-" + index.lastYear() + "]";
    }
}
