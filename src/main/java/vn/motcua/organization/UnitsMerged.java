package vn.motcua.organization;

import java.time.Instant;
import java.util.List;

/**
 * Units were dissolved into a successor. Modules that hold work in units
 * (pending dossiers) move it to the successor when they hear this.
 */
public record UnitsMerged(UnitId successor, List<UnitId> dissolved, String reason, String mergedBy, Instant at) {
}
