package vn.motcua.reform;

/**
 * How a task's deadline is computed on the working calendar (docs/reform.md §1):
 * {@code FIXED_DATE}: the date given, moved to the next working day when it is a
 * weekend day or a holiday; {@code AFTER_APPROVAL}: the N-th working day after the
 * day the plan is approved (the approval day itself is not counted), known once
 * the plan is approved.
 */
public enum TaskDeadlineRule {
    FIXED_DATE, AFTER_APPROVAL
}
