package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** The unit a PAKN was routed to sent it back to the desk as outside its competence. */
public record FeedbackReturned(String code, UnitId unit, Instant at) {
}
