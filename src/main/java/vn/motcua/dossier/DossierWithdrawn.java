package vn.motcua.dossier;

import java.time.Instant;

/** The applicant withdrew the dossier. */
public record DossierWithdrawn(String code, String reason, Instant at) {
}
