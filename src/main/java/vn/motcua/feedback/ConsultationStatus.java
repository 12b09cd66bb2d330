package vn.motcua.feedback;

/** Drafted by the unit, open for comments (until its closing date), concluded with the published summary. */
public enum ConsultationStatus { DRAFT, OPEN, CONCLUDED }
