package vn.motcua.reform;

/** A plan is drafted (tasks added), then approved by its deciding act; progress is reported on approved plans only. */
public enum PlanStatus {
    DRAFT, APPROVED
}
