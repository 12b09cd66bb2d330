package vn.motcua.feedback;

import jakarta.validation.constraints.Size;

/**
 * What a staff act on a PAKN needs: {@code toUnit} to receive or route it
 * (and optionally {@code officerId}, the account of the officer a PAKN about
 * an officer names); {@code reason} to refuse or return it; {@code text} the
 * request for more or the answer; the {@code published*} texts to publish it
 * (the suggested texts, without personal data, when left empty);
 * {@code version} for the optimistic check (optional).
 */
public record FeedbackAct(
        Long toUnit,
        Long officerId,
        @Size(max = 1000, message = "{validation.tooLong}") String reason,
        @Size(max = 8000, message = "{validation.tooLong}") String text,
        @Size(max = 200, message = "{validation.tooLong}") String publishedTitle,
        @Size(max = 4000, message = "{validation.tooLong}") String publishedQuestion,
        @Size(max = 8000, message = "{validation.tooLong}") String publishedAnswer,
        Integer version) {

    public static FeedbackAct empty() {
        return new FeedbackAct(null, null, null, null, null, null, null, null);
    }

    public static FeedbackAct route(long unit) {
        return new FeedbackAct(unit, null, null, null, null, null, null, null);
    }

    public static FeedbackAct reason(String reason) {
        return new FeedbackAct(null, null, reason, null, null, null, null, null);
    }

    public static FeedbackAct text(String text) {
        return new FeedbackAct(null, null, null, text, null, null, null, null);
    }
}
