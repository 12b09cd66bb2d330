package vn.motcua.catalog;

/** Where one version of a procedure stands. Only a draft can be edited. */
public enum VersionStatus {
    /** Being prepared; not public. */
    DRAFT,
    /** The version the public sees. */
    PUBLISHED,
    /** Was published, then replaced by a newer published version. */
    SUPERSEDED,
    /** Was published, then withdrawn with the procedure. */
    WITHDRAWN
}
