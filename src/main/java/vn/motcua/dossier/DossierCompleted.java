package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** The result is ready (status 9). */
public record DossierCompleted(String code, UnitId receivingUnit, String resultNumber, String timing, Instant at) {
}
