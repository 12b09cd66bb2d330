package vn.motcua.feedback;

/** Phản ánh (a problem with a regulation or its application) or kiến nghị (a proposal). */
public enum FeedbackKind { REFLECTION, RECOMMENDATION }
