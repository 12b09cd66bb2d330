package vn.motcua.indicators;

/** The six groups of the national portal's Decision 766 index (ASSESSMENT.md §1), in the portal's order. */
public enum IndicatorGroup {
    /** Công khai, minh bạch. */
    CKMB,
    /** Tiến độ, kết quả giải quyết. */
    TDGQ,
    /** Cung cấp dịch vụ trực tuyến (toàn trình). */
    CLGQ,
    /** Thanh toán trực tuyến. */
    TTTT,
    /** Mức độ số hóa hồ sơ. */
    MDSH,
    /** Mức độ hài lòng. */
    MDHL
}
