package vn.motcua.feedback;

import java.time.OffsetDateTime;

/**
 * The answer to a filing: the code to follow the PAKN (public) and the
 * sender's key (shown once, never stored in the clear), which alone lets one
 * act as the sender: send what the desk asks for, read the full answer, rate it.
 */
public record FiledFeedback(String code, String key, FeedbackStatus status, OffsetDateTime filedAt, OffsetDateTime intakeDueAt)
        implements java.io.Serializable {
}
