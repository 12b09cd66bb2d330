package vn.motcua.catalog;

/**
 * Where a simplification proposal stands: drafted (editable), submitted for a
 * decision, then accepted or rejected (both final). Only DRAFT → SUBMITTED and
 * SUBMITTED → ACCEPTED or REJECTED are allowed.
 */
public enum SimplificationStatus {
    DRAFT,
    SUBMITTED,
    ACCEPTED,
    REJECTED;

    /** True when the proposal may move from this status to {@code next}. */
    public boolean canMoveTo(SimplificationStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED;
            case SUBMITTED -> next == ACCEPTED || next == REJECTED;
            case ACCEPTED, REJECTED -> false;
        };
    }
}
