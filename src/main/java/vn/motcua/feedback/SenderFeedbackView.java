package vn.motcua.feedback;

import java.time.OffsetDateTime;

/**
 * A PAKN as its sender sees it (with the key, or signed in to the portal
 * account that filed it): the public view, what they wrote, what the desk
 * asked for or why it refused, the unit's full answer once published, and
 * their rating.
 */
public record SenderFeedbackView(
        PublicFeedbackView status,
        String title,
        String content,
        String supplementRequest,
        String supplementText,
        String refusalReason,
        String answer,
        FeedbackRating rating,
        String ratingComment,
        OffsetDateTime ratedAt,
        boolean maySupplement,
        boolean mayRate) {
}
