package vn.motcua.supervision;

/** How a supervisor closes a signal. */
public enum Resolution {
    /** Looked into: no fault found. */
    DISMISSED,
    /** The officer or unit was reminded. */
    REMINDED,
    /** Disciplinary proceedings were opened. */
    DISCIPLINED,
    /** Passed to the inspectorate (thanh tra) for a fuller inspection. */
    REFERRED
}
