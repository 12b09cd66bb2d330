package vn.motcua.dossier;

import java.time.Instant;

/** The agency apologised and set a new appointment. */
public record DossierApologized(String code, String reason, Instant at, Instant newAppointmentAt) {
}
