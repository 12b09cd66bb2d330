package vn.motcua.feedback;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A consultation: the draft, until when it takes comments, and once
 * concluded the summary; {@code comments} are the approved ones (with the
 * unit's replies) for the public, every one for the unit's staff.
 */
public record ConsultationView(long id, long unitId, String unitName, ConsultationKind kind, String title, String body,
                               String reference, ConsultationStatus status, boolean acceptingComments, OffsetDateTime closesAt,
                               OffsetDateTime openedAt, String conclusion, OffsetDateTime concludedAt, long approved, long pending,
                               long rejected, List<Comment> comments) {

    /** A comment: who (name, organisation; the e-mail address only for staff), what, its moderation and the unit's reply. */
    public record Comment(long id, String authorName, String authorEmail, String organisation, String text, String status,
                          OffsetDateTime submittedAt, String moderatedBy, String moderationReason, String reply) {
    }
}
