package vn.motcua.integration;

/**
 * How a value of an imported record was obtained, and so what a person must
 * look at: the import reports every row with the worst finding of its values.
 */
public enum Finding {
    /** Read as written: the text says it plainly. */
    PARSED,
    /** Taken from a reasonable reading of an unclear text (a person should confirm it). */
    GUESSED,
    /** Not understood or missing: a person must supply it before the draft can be published (or saved). */
    NEEDS_PERSON;

    /** The worse of two findings. */
    public Finding worst(Finding other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
