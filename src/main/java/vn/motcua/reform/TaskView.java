package vn.motcua.reform;

import java.time.LocalDate;

/** A task with its computed deadline ({@code dueOn} is null until an AFTER_APPROVAL plan is approved) and its state. */
public record TaskView(long id, long planId, String title, long ownerUnitId, String ownerUnitName, TaskDeadlineRule rule,
                       LocalDate fixedDate, Integer workingDays, LocalDate dueOn, String expectedOutput, long budgetVnd,
                       int percent, LocalDate completedOn, TaskState state, int version) {

    public boolean overdue() {
        return state == TaskState.OVERDUE;
    }
}
