package vn.motcua.reform;

/** What the review found in a regulation: illegal (trái pháp luật), contradictory (mâu thuẫn) or overlapping (chồng chéo). */
public enum LegalReviewProblem {
    ILLEGAL, CONTRADICTORY, OVERLAPPING
}
