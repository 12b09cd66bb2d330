package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.Map;

/** One act in a dossier's history (API.md, GET /dossiers/{code}/history). */
public record HistoryView(OffsetDateTime at, String actor, String action, Integer fromStatus, int toStatus,
                          UnitRef unit, String reason, Map<String, Object> details) {
}
