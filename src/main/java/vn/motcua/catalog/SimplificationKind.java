package vn.motcua.catalog;

/**
 * What a simplification proposal does to a procedure: amend it (cut
 * components, steps, time, fees…), replace it by another procedure, or
 * abolish it (the compliance cost after is then 0 by definition).
 */
public enum SimplificationKind {
    AMEND,
    REPLACE,
    ABOLISH
}
