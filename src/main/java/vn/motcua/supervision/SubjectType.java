package vn.motcua.supervision;

/** What a signal is about. */
public enum SubjectType {
    OFFICER, UNIT, PROCEDURE, DOSSIER
}
