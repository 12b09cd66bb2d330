package vn.motcua.dossier;

import java.time.OffsetDateTime;

/** One line of a dossier list or inbox. */
public record DossierSummary(String code, String procedureName, String applicantName, int statusCode, String status,
                             UnitRef handlingUnit, String stepName, OffsetDateTime receivedAt,
                             OffsetDateTime appointmentAt, OffsetDateTime stepDueAt, boolean overdue,
                             int apologies, int supplementRequests) {
}
