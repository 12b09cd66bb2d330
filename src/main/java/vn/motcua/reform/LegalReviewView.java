package vn.motcua.reform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A legal-document review record with its outcome; {@code overdue} while pending after the deadline. */
public record LegalReviewView(long id, int year, String documentRef, String documentTitle, LegalReviewProblem problem,
                              String finding, LegalReviewProposal proposal, long responsibleUnitId, String responsibleUnitName,
                              LocalDate dueOn, List<String> procedureCodes, LegalReviewOutcome outcome, String outcomeNote,
                              LocalDate outcomeOn, boolean overdue, Instant createdAt, String createdBy) {
}
