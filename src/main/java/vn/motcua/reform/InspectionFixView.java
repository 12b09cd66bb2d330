package vn.motcua.reform;

import java.time.Instant;
import java.time.LocalDate;

/** A fix required, its deadline, whether it is overdue, the unit's report and the closing. */
public record InspectionFixView(long id, long findingId, String requiredAction, LocalDate dueOn, InspectionFixStatus status,
                                boolean overdue, String reportNote, Instant reportedAt, String reportedBy,
                                String closingNote, Instant closedAt, String closedBy) {
}
