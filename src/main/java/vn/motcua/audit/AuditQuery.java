package vn.motcua.audit;

import java.time.Instant;

/**
 * What a supervisor searches the trail by; every field may be null (no
 * filter). {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(String actor, Long unitId, String subjectType, String subjectId, String dossierCode, String kind,
                         Instant from, Instant to) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return actor == null && unitId == null && subjectType == null && subjectId == null && dossierCode == null
                && kind == null && from == null && to == null;
    }
}
