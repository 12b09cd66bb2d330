package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** The desk routed a returned PAKN to another unit: a new referral, a new limit {@code handleDueAt}. */
public record FeedbackRerouted(String code, UnitId from, UnitId to, Instant at, Instant handleDueAt) {
}
