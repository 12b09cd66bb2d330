package vn.motcua.feedback;

/** The sender's rating of the answer to their PAKN (the same three answers as a dossier's rating). */
public enum FeedbackRating { VERY_SATISFIED, SATISFIED, NOT_SATISFIED }
