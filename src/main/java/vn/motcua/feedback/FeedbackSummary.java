package vn.motcua.feedback;

import java.time.OffsetDateTime;

/** A PAKN in a staff queue. */
public record FeedbackSummary(String code, FeedbackKind kind, FeedbackStatus status, String title, String senderName,
                              FeedbackSubject subject, String routedUnitName, OffsetDateTime filedAt, OffsetDateTime dueAt,
                              boolean overdue) {
}
