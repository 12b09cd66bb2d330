package vn.motcua.reform;

import java.util.List;

/** A plan, its tasks and its progress by owner unit. */
public record PlanDetail(PlanView plan, List<TaskView> tasks, List<PlanUnitProgress> byUnit) {
}
