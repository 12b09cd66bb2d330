package vn.motcua.reform;

/** PENDING until the responsible unit's result: DONE (the proposal was carried out) or REJECTED (by the competent authority). */
public enum LegalReviewOutcome {
    PENDING, DONE, REJECTED
}
