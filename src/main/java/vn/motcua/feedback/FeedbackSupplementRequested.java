package vn.motcua.feedback;

import java.time.Instant;

/** The desk asked the sender for more; {@code onTime}: within {@link FeedbackLimit#SUPPLEMENT_REQUEST}. */
public record FeedbackSupplementRequested(String code, Instant at, boolean onTime) {
}
