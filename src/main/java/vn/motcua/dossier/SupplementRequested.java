package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.organization.UnitId;

/** The one request to supplement was sent; the clock stopped. */
public record SupplementRequested(String code, java.util.List<String> items, UnitId unit, Instant at) {
}
