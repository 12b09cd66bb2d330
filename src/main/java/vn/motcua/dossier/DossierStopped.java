package vn.motcua.dossier;

import java.time.Instant;

/** Processing stopped. */
public record DossierStopped(String code, String reason, Instant at) {
}
