package vn.motcua.reform;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan with its figures: tasks, tasks done, overdue, and the share completed
 * ({@code completedPercent}: tasks done over tasks; {@code averageProgress}: the
 * mean of the tasks' reported percentages). {@code unitId} is null for the
 * province's plan.
 */
public record PlanView(long id, int year, Long unitId, String unitName, String title, PlanStatus status,
                       LocalDate approvedOn, String decision, int tasks, int done, int overdue, int completedPercent,
                       int averageProgress, Instant createdAt, String createdBy, int version) {

    public boolean province() {
        return unitId == null;
    }
}
