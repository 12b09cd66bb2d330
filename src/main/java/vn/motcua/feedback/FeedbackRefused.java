package vn.motcua.feedback;

import java.time.Instant;

/** The desk refused a PAKN; {@code onTime}: within {@link FeedbackLimit#INTAKE}. Nothing of it becomes public. */
public record FeedbackRefused(String code, Instant at, boolean onTime) {
}
