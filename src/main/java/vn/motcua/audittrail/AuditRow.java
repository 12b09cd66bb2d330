package vn.motcua.audittrail;

import java.time.OffsetDateTime;
import java.util.List;
import vn.motcua.audit.AuditEntry;

/**
 * One entry of the trail as supervisors read it: the entry, its time in
 * Vietnam's time zone, and the name of the unit it was done for.
 */
public record AuditRow(long seq, long id, OffsetDateTime at, String kind, String actor, Long unitId, String unitName,
                       String subjectType, String subjectId, String dossierCode, List<AuditEntry.Change> changes,
                       String reason, String detail, String address, String hash) {
}
