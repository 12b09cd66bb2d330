package vn.motcua.dossier;

import java.time.Instant;

/** The result is ready (status 9). */
public record DossierCompleted(String code, long receivingUnitId, String resultNumber, String timing, Instant at) {
}
