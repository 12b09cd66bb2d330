package vn.motcua.reform;

import java.util.List;

/** A task, the plan it belongs to and its progress reports, newest first. */
public record TaskDetail(TaskView task, PlanView plan, List<TaskProgressView> reports) {
}
