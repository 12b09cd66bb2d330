package vn.motcua.catalog;

/** How far a procedure can be done online (older texts: level 4, level 3, below). */
public enum OnlineLevel {
    /** Dịch vụ công trực tuyến toàn trình: the whole process online. */
    FULL,
    /** Dịch vụ công trực tuyến một phần: part of the process online. */
    PARTIAL,
    /** Not online. */
    NONE
}
