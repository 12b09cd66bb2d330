package vn.motcua.dossier;

import java.time.Instant;

/** The one request to supplement was sent; the clock stopped. */
public record SupplementRequested(String code, java.util.List<String> items, Long unitId, Instant at) {
}
