package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** The result was returned to the applicant (status 10). */
public record DossierReturned(String code, UnitId receivingUnit, Channel channel, Instant at) {
}
