package vn.motcua.feedback;

/** A survey campaign is drafted, opened (the sample invited by e-mail, answers taken until it closes), then closed. */
public enum SurveyStatus { DRAFT, OPEN, CLOSED }
