package vn.motcua.dossier;

import java.time.Instant;

/** The supplement arrived; the clock resumed. */
public record SupplementReceived(String code, Instant at, Instant appointmentAt) {
}
