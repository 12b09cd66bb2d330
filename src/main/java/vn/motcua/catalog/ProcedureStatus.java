package vn.motcua.catalog;

/**
 * Where a procedure stands: drafted and never published, published (one
 * version is public), or withdrawn (abolished; nothing is public). A published
 * or withdrawn procedure may also carry a newer draft version waiting for its
 * deciding act.
 */
public enum ProcedureStatus {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
