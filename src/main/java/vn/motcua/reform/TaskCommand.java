package vn.motcua.reform;

import java.time.LocalDate;

/**
 * A new task of a plan: its owner unit, the deadline rule with the date
 * ({@code FIXED_DATE}) or the number of working days ({@code AFTER_APPROVAL}),
 * the expected output and the budget in đồng.
 */
public record TaskCommand(String title, Long ownerUnitId, TaskDeadlineRule rule, LocalDate fixedDate, Integer workingDays,
                          String expectedOutput, Long budgetVnd) {
}
