package vn.motcua.feedback;

/** The five factors SIPAS measures (ASSESSMENT.md §4; Ministry of Home Affairs). */
public enum SurveyFactor {
    /** Tiếp cận dịch vụ. */
    ACCESS,
    /** Thủ tục hành chính. */
    PROCEDURE,
    /** Công chức trực tiếp giải quyết công việc. */
    CIVIL_SERVANT,
    /** Kết quả cung ứng dịch vụ. */
    RESULT,
    /** Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị. */
    FEEDBACK_HANDLING
}
