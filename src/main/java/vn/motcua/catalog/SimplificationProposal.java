package vn.motcua.catalog;

import java.time.OffsetDateTime;

/**
 * A review and simplification proposal (rà soát, đơn giản hóa) with its
 * compliance cost before and after ({@code after} is null for ABOLISH, whose
 * cost after is 0), the saving, who submitted and decided it and when.
 * {@code procedureName} is the name of the published version, else of the
 * latest one.
 */
public record SimplificationProposal(long id, String procedureCode, String procedureName, SimplificationKind kind,
                                     SimplificationStatus status, String reasons, String proposedChanges,
                                     ComplianceCostView before, ComplianceCostView after, CostSaving saving,
                                     OffsetDateTime submittedAt, String submittedBy, OffsetDateTime decidedAt,
                                     String decidedBy, String decisionNote, int revision,
                                     OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                                     String updatedBy) {
}
