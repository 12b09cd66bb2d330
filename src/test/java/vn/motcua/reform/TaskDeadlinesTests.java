package vn.motcua.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.reform.internal.plans.TaskDeadlines;

/**
 * The deadline rules of reform tasks on a hand-written calendar shaped like
 * 2026's (Tết 16–20 February; Saturday 10 January a make-up working day).
 */
class TaskDeadlinesTests {

    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2),
            LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19),
            LocalDate.of(2026, 2, 20));
    static final Set<LocalDate> MAKE_UP = Set.of(LocalDate.of(2026, 1, 10));

    final TaskDeadlines deadlines = new TaskDeadlines(d -> MAKE_UP.contains(d)
            || !HOLIDAYS.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);

    @ParameterizedTest(name = "fixed date {0} is due {1}")
    @CsvSource({
            "2026-03-02, 2026-03-02",   // a Monday stays
            "2026-03-07, 2026-03-09",   // a Saturday moves to Monday
            "2026-02-14, 2026-02-23",   // Saturday before Tết: past the weekend and the five days of Tết
            "2026-01-01, 2026-01-05",   // New Year's holidays, then the weekend
            "2026-01-10, 2026-01-10"})  // the make-up Saturday is a working day
    void aFixedDateMovesToTheNextWorkingDay(LocalDate date, LocalDate due) {
        assertThat(deadlines.due(TaskDeadlineRule.FIXED_DATE, date, null, null)).isEqualTo(due);
    }

    @ParameterizedTest(name = "{1} working days after approval on {0} is {2}")
    @CsvSource({
            "2026-03-02, 1, 2026-03-03",
            "2026-03-06, 1, 2026-03-09",   // Friday + 1 skips the weekend
            "2026-02-12, 3, 2026-02-24",   // Thursday before Tết: Friday 13, then 23 and 24
            "2026-01-08, 2, 2026-01-10",   // the make-up Saturday counts
            "2026-02-14, 1, 2026-02-23",   // approved on a Saturday: the first working day after
            "2026-03-02, 10, 2026-03-16"})
    void workingDaysAreCountedFromTheApproval(LocalDate approved, int days, LocalDate due) {
        assertThat(deadlines.due(TaskDeadlineRule.AFTER_APPROVAL, null, days, approved)).isEqualTo(due);
    }

    @ParameterizedTest(name = "from {0} to {1}: {2} working days")
    @CsvSource({
            "2026-03-02, 2026-03-02, 0",
            "2026-03-02, 2026-03-05, 3",
            "2026-03-06, 2026-03-09, 1",
            "2026-02-13, 2026-02-24, 2",
            "2026-03-10, 2026-03-02, 0"})
    void workingDaysLeftBeforeADeadline(LocalDate today, LocalDate due, int left) {
        assertThat(deadlines.workingDaysUntil(today, due)).isEqualTo(left);
    }

    @org.junit.jupiter.api.Test
    void aDeadlineCountedFromApprovalIsUnknownBeforeIt() {
        assertThat(deadlines.due(TaskDeadlineRule.AFTER_APPROVAL, null, 5, null)).isNull();
    }
}
