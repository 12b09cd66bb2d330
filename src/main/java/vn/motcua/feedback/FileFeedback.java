package vn.motcua.feedback;

import jakarta.validation.constraints.Size;

/**
 * A PAKN as the sender files it. A name and at least one contact (e-mail or
 * phone) are required without an account; the subject decides which of
 * {@code procedureCode}, {@code unitId} (also the officer's unit),
 * {@code officerName} and {@code dossierCode} are needed. Lengths are checked
 * here for the API and again by the service for every channel.
 */
public record FileFeedback(
        FeedbackKind kind,
        @Size(max = 120, message = "{validation.tooLong}") String senderName,
        @Size(max = 254, message = "{validation.tooLong}") String email,
        @Size(max = 20, message = "{validation.tooLong}") String phone,
        @Size(max = 300, message = "{validation.tooLong}") String address,
        FeedbackSubject subject,
        @Size(max = 40, message = "{validation.tooLong}") String procedureCode,
        Long unitId,
        @Size(max = 120, message = "{validation.tooLong}") String officerName,
        @Size(max = 40, message = "{validation.tooLong}") String dossierCode,
        @Size(max = 200, message = "{validation.tooLong}") String title,
        @Size(max = 4000, message = "{validation.tooLong}") String content) {
}
