package vn.motcua.feedback;

/** What a PAKN is about: a procedure of the catalogue, a unit, an officer (of a unit), or one dossier. */
public enum FeedbackSubject { PROCEDURE, UNIT, OFFICER, DOSSIER }
