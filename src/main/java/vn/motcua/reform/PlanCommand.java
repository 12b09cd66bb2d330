package vn.motcua.reform;

/** A new plan: the year, the unit (null: the province's plan) and the title. */
public record PlanCommand(Integer year, Long unitId, String title) {
}
