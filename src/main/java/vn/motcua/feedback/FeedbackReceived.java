package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/**
 * The desk received a PAKN (it is within the administration's competence) and
 * routed it to a unit, which owes the answer by {@code handleDueAt}.
 * {@code onTime}: received within {@link FeedbackLimit#INTAKE}.
 */
public record FeedbackReceived(String code, UnitId routedTo, Instant at, boolean onTime, Instant handleDueAt) {
}
