package vn.motcua.reform;

/** Where a task stands: not started (0 %), in progress, done (100 %), or overdue (not done after its deadline). */
public enum TaskState {
    NOT_STARTED, IN_PROGRESS, DONE, OVERDUE
}
