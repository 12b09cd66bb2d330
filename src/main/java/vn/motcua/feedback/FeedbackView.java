package vn.motcua.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A PAKN as the staff who may see it see it: everything, with each stage's
 * due time and, once decided, whether the act came on time.
 */
public record FeedbackView(
        String code,
        FeedbackKind kind,
        FeedbackStatus status,
        FeedbackChannel channel,
        Sender sender,
        FeedbackSubject subject,
        String procedureCode,
        Ref unit,
        String officerName,
        Ref officer,
        String dossierCode,
        String title,
        String content,
        List<Attachment> attachments,
        OffsetDateTime filedAt,
        OffsetDateTime intakeDueAt,
        OffsetDateTime supplementDueAt,
        String supplementRequest,
        OffsetDateTime supplementRequestedAt,
        String supplementText,
        OffsetDateTime supplementedAt,
        OffsetDateTime refusedAt,
        String refusalReason,
        OffsetDateTime receivedAt,
        Ref routedUnit,
        OffsetDateTime routedAt,
        OffsetDateTime handleDueAt,
        OffsetDateTime returnedAt,
        String returnReason,
        String answer,
        OffsetDateTime answeredAt,
        String answeredBy,
        OffsetDateTime publishDueAt,
        OffsetDateTime publishedAt,
        String publishedTitle,
        String publishedQuestion,
        String publishedAnswer,
        FeedbackRating rating,
        String ratingComment,
        OffsetDateTime ratedAt,
        OffsetDateTime dueAt,
        boolean overdue,
        Boolean intakeOnTime,
        Boolean answeredOnTime,
        Boolean publishedOnTime,
        int version) {

    /** Who sent it; {@code portalAccount} when filed signed in to the portal. */
    public record Sender(String name, String email, String phone, String address, boolean portalAccount) {
    }

    /** A unit or an officer by id and name. */
    public record Ref(long id, String name) {
    }

    public record Attachment(UUID fileId, String name) {
    }
}
