package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** A workflow step ended and the dossier went on to the next unit or officer. */
public record StepCompleted(String code, int stepSeq, String stepName, UnitId fromUnit, UnitId toUnit, String timing, Instant at) {
}
