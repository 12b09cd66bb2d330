package vn.motcua.dossier;

import java.time.Instant;

/** The desk received a dossier; its clock started. */
public record DossierReceived(String code, String procedureCode, long receivingUnitId, Channel channel, Instant at, Instant appointmentAt) {
}
