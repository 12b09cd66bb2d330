package vn.motcua.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the audit trail. {@code kind} names the act in dotted form
 * ({@code citizen.identity.proven}, {@code staff.login.failed},
 * {@code warehouse.personal-data.viewed}); {@code actor} is the username,
 * {@code citizen:<identity number>} or {@code anonymous}; {@code unitId} the
 * unit the actor acted for, where known; the subject says what the act was
 * about and {@code dossierCode} the dossier it concerns, if any; {@code changes}
 * what changed, old → new; {@code reason} is what the actor or the system gave.
 *
 * <p>A recorded entry also has its place in the chain ({@code seq}, from 1,
 * gapless) and its {@code hash} (hex), see {@link AuditChain}.
 */
public record AuditEntry(long id, long seq, Instant at, String kind, String actor, Long unitId, String subjectType,
                         String subjectId, String dossierCode, String detail, String reason, String address,
                         List<Change> changes, String hash) {

    /** One changed field: its name, the value before and the value after (null when there was none). */
    public record Change(String field, String oldValue, String newValue) {
    }

    public AuditEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A new entry, not yet recorded. */
    public static AuditEntry of(String kind, String actor, String subjectType, String subjectId) {
        return new AuditEntry(0, 0, null, kind, actor, null, subjectType, subjectId, null, null, null, null, List.of(), null);
    }

    public AuditEntry detail(String detail) {
        return new AuditEntry(id, seq, at, kind, actor, unitId, subjectType, subjectId, dossierCode, detail, reason, address,
                changes, hash);
    }

    public AuditEntry reason(String reason) {
        return new AuditEntry(id, seq, at, kind, actor, unitId, subjectType, subjectId, dossierCode, detail, reason, address,
                changes, hash);
    }

    public AuditEntry address(String address) {
        return new AuditEntry(id, seq, at, kind, actor, unitId, subjectType, subjectId, dossierCode, detail, reason, address,
                changes, hash);
    }

    /** The unit the actor acted for. */
    public AuditEntry unit(Long unitId) {
        return new AuditEntry(id, seq, at, kind, actor, unitId, subjectType, subjectId, dossierCode, detail, reason, address,
                changes, hash);
    }

    /** The dossier the entry concerns (found by the supervisors' "dossier" search). */
    public AuditEntry dossier(String dossierCode) {
        return new AuditEntry(id, seq, at, kind, actor, unitId, subjectType, subjectId, dossierCode, detail, reason, address,
                changes, hash);
    }

    /** One more changed field, old → new (values as text; null for none). Unchanged values are not recorded. */
    public AuditEntry change(String field, Object oldValue, Object newValue) {
        String o = oldValue == null ? null : String.valueOf(oldValue);
        String n = newValue == null ? null : String.valueOf(newValue);
        if (java.util.Objects.equals(o, n)) {
            return this;
        }
        List<Change> more = new ArrayList<>(changes);
        more.add(new Change(field, o, n));
        return new AuditEntry(id, seq, at, kind, actor, unitId, subjectType, subjectId, dossierCode, detail, reason, address,
                more, hash);
    }

    /** The longest value a change keeps (longer ones are cut, with an ellipsis). */
    public static final int CHANGE_MAX = 2000;

    /**
     * A change for each component of two records of the same type whose
     * values differ ({@code before} null: every non-null component is new),
     * leaving out the components named in {@code ignore} (versions, timestamps).
     */
    public AuditEntry changes(Record before, Record after, String... ignore) {
        Record sample = after != null ? after : before;
        if (sample == null) {
            return this;
        }
        java.util.Set<String> skip = java.util.Set.of(ignore);
        AuditEntry e = this;
        for (java.lang.reflect.RecordComponent c : sample.getClass().getRecordComponents()) {
            if (skip.contains(c.getName())) {
                continue;
            }
            e = e.change(c.getName(), text(component(c, before)), text(component(c, after)));
        }
        return e;
    }

    private static Object component(java.lang.reflect.RecordComponent c, Record r) {
        if (r == null) {
            return null;
        }
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v);
        return s.length() <= CHANGE_MAX ? s : s.substring(0, CHANGE_MAX - 1) + "…";
    }

    /** The same entry at the given instant (the trail sets it when recording). */
    AuditEntry at(Instant at) {
        return new AuditEntry(id, seq, at, kind, actor, unitId, subjectType, subjectId, dossierCode, detail, reason, address,
                changes, hash);
    }
}
