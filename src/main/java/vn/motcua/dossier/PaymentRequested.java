package vn.motcua.dossier;

import java.time.Instant;

/** A financial obligation is awaited; the clock stopped. */
public record PaymentRequested(String code, long amountVnd, Instant at) {
}
