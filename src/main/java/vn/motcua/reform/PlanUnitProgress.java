package vn.motcua.reform;

/** One owner unit's share of a plan: its tasks, those done and overdue, and the mean of their percentages. */
public record PlanUnitProgress(long unitId, String unitName, int tasks, int done, int overdue, int averageProgress) {
}
