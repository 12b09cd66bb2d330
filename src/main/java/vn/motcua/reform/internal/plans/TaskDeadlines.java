package vn.motcua.reform.internal.plans;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;
import vn.motcua.reform.TaskDeadlineRule;

/**
 * The deadline rules of reform tasks on the working calendar (docs/reform.md §1),
 * given whether a date is a working day (the calendar module's
 * {@code WorkingCalendar.isWorkingDay}, which throws when the year is not defined).
 */
public final class TaskDeadlines {

    /** No rule looks further than this many calendar days (three years). */
    static final int HORIZON_DAYS = 3 * 366;

    private final Predicate<LocalDate> workingDay;

    public TaskDeadlines(Predicate<LocalDate> workingDay) {
        this.workingDay = Objects.requireNonNull(workingDay);
    }

    /**
     * The due date by the rule: FIXED_DATE → {@link #onOrAfter}; AFTER_APPROVAL →
     * {@link #workingDaysAfter} the approval date, or null while the plan is not approved.
     */
    public LocalDate due(TaskDeadlineRule rule, LocalDate fixedDate, Integer workingDays, LocalDate approvedOn) {
        if (rule == TaskDeadlineRule.FIXED_DATE) {
            return onOrAfter(fixedDate);
        }
        return approvedOn == null ? null : workingDaysAfter(approvedOn, workingDays);
    }

    /** The date itself when it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i < HORIZON_DAYS; i++) {
            if (workingDay.test(d)) {
                return d;
            }
            d = d.plusDays(1);
        }
        throw new IllegalStateException("no working day within " + HORIZON_DAYS + " days of " + date);
    }

    /** The n-th working day after {@code start} (start not counted); n = 0 gives {@link #onOrAfter}(start). */
    public LocalDate workingDaysAfter(LocalDate start, int n) {
        if (n <= 0) {
            return onOrAfter(start);
        }
        LocalDate d = start;
        int counted = 0;
        for (int i = 0; i < HORIZON_DAYS; i++) {
            d = d.plusDays(1);
            if (workingDay.test(d) && ++counted == n) {
                return d;
            }
        }
        throw new IllegalStateException("no " + n + " working days within " + HORIZON_DAYS + " days of " + start);
    }

    /**
     * Working days from {@code today} (not counted) to {@code due} (counted): 0 when the deadline
     * is today or passed, 1 when the next working day is the deadline.
     */
    public int workingDaysUntil(LocalDate today, LocalDate due) {
        int n = 0;
        LocalDate d = today;
        while (d.isBefore(due) && n < HORIZON_DAYS) {
            d = d.plusDays(1);
            if (workingDay.test(d)) {
                n++;
            }
        }
        return n;
    }
}
