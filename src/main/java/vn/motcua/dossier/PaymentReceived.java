package vn.motcua.dossier;

import java.time.Instant;

/** The obligation was paid; the clock resumed. */
public record PaymentReceived(String code, Instant at, Instant appointmentAt) {
}
