package vn.motcua.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Create or replace a simplification proposal: the procedure (its national
 * code, which must be in the catalogue), the kind, the reasons, the proposed
 * changes (not needed to abolish) and the compliance cost before and after
 * ({@code after} is ignored for ABOLISH: the cost after is 0). Unknown members
 * are ignored, so a client can send back what it read. {@code revision}, when
 * given, must be the proposal's current revision (else 409, stale).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimplificationCommand(String procedureCode, SimplificationKind kind, String reasons, String proposedChanges,
                                    ComplianceCost before, ComplianceCost after, Integer revision) {
}
