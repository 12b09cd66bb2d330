package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/**
 * The competent unit answered a PAKN. {@code onTime}: within
 * {@link FeedbackLimit#HANDLING} of the latest referral ({@code handleDueAt}).
 */
public record FeedbackAnswered(String code, UnitId unit, StaffId answeredBy, Instant at, Instant handleDueAt, boolean onTime) {
}
