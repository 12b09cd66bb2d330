package vn.motcua.reform;

import java.time.LocalDate;

/** An in-app notice of the reminder job: a task's deadline is near ({@code REMINDER}) or has passed ({@code OVERDUE}). */
public record TaskNoticeView(long id, long taskId, String taskTitle, long unitId, String unitName, String kind,
                             LocalDate dueOn, LocalDate createdOn) {
}
