package vn.motcua.feedback;

import java.time.Instant;

/** The sender sent what was asked; the desk owes its decision by {@code intakeDueAt}. */
public record FeedbackSupplemented(String code, Instant at, Instant intakeDueAt) {
}
