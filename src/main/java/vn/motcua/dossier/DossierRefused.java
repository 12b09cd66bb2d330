package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** The desk refused a dossier at intake. */
public record DossierRefused(String code, UnitId receivingUnit, String reason, Instant at) {
}
