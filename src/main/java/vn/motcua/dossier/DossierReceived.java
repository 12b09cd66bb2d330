package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** The desk received a dossier; its clock started. */
public record DossierReceived(String code, String procedureCode, UnitId receivingUnit, Channel channel, Instant at, Instant appointmentAt) {
}
