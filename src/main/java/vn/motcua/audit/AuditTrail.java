package vn.motcua.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.motcua.audit.internal.AuditStore;

/**
 * Records and reads the audit trail. {@link #record} joins the caller's
 * transaction when there is one, so an act and its audit line commit or roll
 * back together; {@link #recordAlone} commits at once, for what must stay on
 * record even when the caller fails (a refused login).
 */
@Service
public class AuditTrail {

    private final AuditStore store;
    private final Clock clock;

    public AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        store.insert(entry, clock.instant());
    }

    public void recordAlone(AuditEntry entry) {
        store.insertAlone(entry, clock.instant());
    }

    /** The newest entries about one subject, newest first (at most {@code limit}). */
    public List<AuditEntry> about(String subjectType, String subjectId, int limit) {
        return store.about(subjectType, subjectId, Math.max(1, Math.min(limit, 1000)));
    }

    /** The newest entries of one kind, newest first (at most {@code limit}). */
    public List<AuditEntry> ofKind(String kind, int limit) {
        return store.ofKind(kind, Math.max(1, Math.min(limit, 1000)));
    }
}
