package vn.motcua.integration;

/** What the import did with a row in the catalogue. Nothing is ever published by an import. */
public enum ImportOutcome {
    /** A new procedure, as draft version 1. */
    CREATED,
    /** The procedure's latest version was a draft: it was changed in place. */
    DRAFT_UPDATED,
    /** The procedure's latest version was published (or withdrawn): a new draft version now waits beside it. */
    VERSION_PROPOSED,
    /** The record says nothing the latest version does not already say. */
    UNCHANGED,
    /** Nothing was saved: the record lacks what a draft needs (see the row's notes). */
    NOT_SAVED
}
