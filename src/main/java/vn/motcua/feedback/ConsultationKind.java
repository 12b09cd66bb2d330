package vn.motcua.feedback;

/** What a unit puts out for comments: a draft regulation, a reform plan, or a simplification proposal of the catalogue. */
public enum ConsultationKind { REGULATION, REFORM_PLAN, SIMPLIFICATION }
