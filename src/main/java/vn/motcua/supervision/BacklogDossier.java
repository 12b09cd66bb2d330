package vn.motcua.supervision;

import java.time.Instant;

/** A dossier on a drill-down or clean-up list, as the read model has it (names filled when listed). */
public record BacklogDossier(String code, String procedureCode, String procedureName, Long receivingUnit, Long handlingUnit, String handlingUnitName,
                             Long assignee, String assigneeName, int status, Instant receivedAt, Instant appointmentAt,
                             Instant stepDueAt, Instant lastActAt, Instant finishedAt, String timing, int apologies,
                             int supplementRequests) {
}
