package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** The sender rated the published answer (once): the Decision 766 "satisfaction with feedback handling". */
public record FeedbackAnswerRated(String code, UnitId unit, FeedbackRating rating, Instant at) {
}
