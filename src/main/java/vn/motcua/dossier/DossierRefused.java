package vn.motcua.dossier;

import java.time.Instant;

/** The desk refused a dossier at intake. */
public record DossierRefused(String code, long receivingUnitId, String reason, Instant at) {
}
