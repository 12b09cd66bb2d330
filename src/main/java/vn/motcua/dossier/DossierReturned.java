package vn.motcua.dossier;

import java.time.Instant;

/** The result was returned to the applicant (status 10). */
public record DossierReturned(String code, long receivingUnitId, Channel channel, Instant at) {
}
