package vn.motcua.catalog;

/** How a dossier of a procedure may be filed (cách thức thực hiện). */
public enum FilingMethod {
    /** Trực tiếp: at a one-stop desk. */
    IN_PERSON,
    /** Trực tuyến: on the public service portal. */
    ONLINE,
    /** Qua dịch vụ bưu chính công ích: by post. */
    POST
}
