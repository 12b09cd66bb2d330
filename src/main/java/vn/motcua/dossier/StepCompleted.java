package vn.motcua.dossier;

import java.time.Instant;

/** A workflow step ended and the dossier went on to the next unit or officer. */
public record StepCompleted(String code, int stepSeq, String stepName, Long fromUnitId, Long toUnitId, String timing, Instant at) {
}
