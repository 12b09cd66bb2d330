package vn.motcua.feedback;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/**
 * The answer to a PAKN was published (without personal data): the PAKN is
 * handled. {@code handledOnTime}: answered within the handling limit AND
 * published within {@link FeedbackLimit#PUBLICATION} of the answer; what the
 * Decision 766 indicator "feedback handled on time" counts.
 */
public record FeedbackPublished(String code, UnitId unit, Instant receivedAt, Instant answeredAt, Instant at,
                                boolean answeredOnTime, boolean publishedOnTime, boolean handledOnTime) {
}
