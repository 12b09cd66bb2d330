package vn.motcua.reform;

/** What a finding points at: nothing in particular, a dossier (its code), a procedure (its code) or an officer (username). */
public enum InspectionTargetKind {
    NONE, DOSSIER, PROCEDURE, OFFICER
}
