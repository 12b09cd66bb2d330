package vn.motcua.audit;

import java.time.Instant;

/**
 * One line of the audit trail. {@code kind} names the act in dotted form
 * ({@code citizen.identity.proven}, {@code staff.login.failed},
 * {@code warehouse.personal-data.viewed}); {@code actor} is the username,
 * {@code citizen:<identity number>} or {@code anonymous}; the subject says
 * what the act was about; {@code reason} is what the actor or the system gave.
 */
public record AuditEntry(long id, Instant at, String kind, String actor, String subjectType, String subjectId,
                         String detail, String reason, String address) {

    /** A new entry, not yet recorded. */
    public static AuditEntry of(String kind, String actor, String subjectType, String subjectId) {
        return new AuditEntry(0, null, kind, actor, subjectType, subjectId, null, null, null);
    }

    public AuditEntry detail(String detail) {
        return new AuditEntry(id, at, kind, actor, subjectType, subjectId, detail, reason, address);
    }

    public AuditEntry reason(String reason) {
        return new AuditEntry(id, at, kind, actor, subjectType, subjectId, detail, reason, address);
    }

    public AuditEntry address(String address) {
        return new AuditEntry(id, at, kind, actor, subjectType, subjectId, detail, reason, address);
    }
}
