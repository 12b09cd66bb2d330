package vn.motcua.feedback;

/**
 * The nine criteria of the agency assessment (Decree 61/2018 Art. 31,
 * Circular 01/2018/TT-VPCP Ch. III; DOMAIN.md §6), each worth 0, 1 or 2
 * points, 18 in all. The rule that gives 0, 1 or 2 for each is not in the
 * sources (ASSESSMENT.md §2): the answers offered are the project's reading.
 */
public enum AssessmentCriterion {
    /** Tổng thời gian giải quyết so với quy định. */
    TOTAL_TIME,
    /** Thời gian của từng cơ quan, đơn vị (kể cả phối hợp). */
    TIME_PER_AGENCY,
    /** Số lần liên hệ để hoàn thiện hồ sơ. */
    CONTACTS,
    /** Số cơ quan phải liên hệ. */
    AGENCIES,
    /** Tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa. */
    ONE_STOP_DESK,
    /** Công khai thủ tục hành chính. */
    PUBLICATION,
    /** Thái độ của cán bộ, công chức, viên chức. */
    ATTITUDE,
    /** Tiếp thu, giải trình phản ánh, kiến nghị. */
    FEEDBACK_RESPONSE,
    /** Tiến độ, chất lượng dịch vụ công trực tuyến. */
    ONLINE_SERVICE;

    /** Every criterion's most points. */
    public static final int MAX_POINTS = 2;

    /** The number of the criterion, 1–9. */
    public int number() {
        return ordinal() + 1;
    }
}
