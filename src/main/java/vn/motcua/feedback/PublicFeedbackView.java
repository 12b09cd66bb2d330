package vn.motcua.feedback;

import java.time.OffsetDateTime;

/**
 * A PAKN as anyone with its code sees it: where it stands and, once
 * published, the answer without personal data. Nothing the sender wrote
 * appears before the desk publishes its own version of it; a refused PAKN
 * shows its status only.
 */
public record PublicFeedbackView(
        String code,
        FeedbackKind kind,
        FeedbackStatus status,
        OffsetDateTime filedAt,
        OffsetDateTime receivedAt,
        OffsetDateTime answeredAt,
        OffsetDateTime publishedAt,
        OffsetDateTime dueAt,
        boolean overdue,
        String unitName,
        String publishedTitle,
        String publishedQuestion,
        String publishedAnswer,
        boolean rated) {
}
