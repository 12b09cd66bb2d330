package vn.motcua.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.motcua.audit.internal.AuditChainer;
import vn.motcua.audit.internal.AuditStore;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;

/**
 * Records and reads the audit trail, a hash chain (docs/audit.md).
 *
 * <p>{@link #record} joins the caller's transaction when there is one, so an
 * act and its audit line commit or roll back together. The line is appended
 * to the chain just before that transaction commits (not when {@code record}
 * is called): appending locks the chain's head until the commit, and this
 * keeps that lock for the commit alone, whatever else the transaction does.
 * {@link #recordAlone} commits at once, for what must stay on record even
 * when the caller fails (a refused login). {@link #recordOnce} appends at once
 * and records nothing when an entry with the same key is already there: for
 * entries made from events (in the listener's own short transaction), which
 * may be delivered more than once.
 *
 * <p>Where the entry does not say, the trail fills in the client's address
 * (the current request's), the actor's unit (through {@link AuditActorUnits})
 * and the dossier (the subject's code when the subject is a dossier, or the
 * request's {@link #DOSSIER_ATTRIBUTE}).
 */
@Service
public class AuditTrail {

    /**
     * A request attribute naming the dossier the request is about (set by
     * whoever knows, e.g. from the URL): entries recorded while serving it
     * that name no dossier are given this one.
     */
    public static final String DOSSIER_ATTRIBUTE = AuditTrail.class.getName() + ".dossier";

    private final AuditStore store;
    private final Clock clock;
    private final ObjectProvider<AuditActorUnits> units;
    private final AuditChainer chainer;
    private final vn.motcua.audit.internal.AuditAnchors anchors;

    public AuditTrail(AuditStore store, Clock clock, ObjectProvider<AuditActorUnits> units, AuditChainer chainer,
                      vn.motcua.audit.internal.AuditAnchors anchors) {
        this.chainer = chainer;
        this.anchors = anchors;
        this.store = store;
        this.clock = clock;
        this.units = units;
    }

    public void record(AuditEntry entry) {
        AuditEntry e = complete(entry).at(clock.instant());
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            store.append(e, e.at(), null);
            return;
        }
        PendingEntries pending = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof PendingEntries p && p.trail == this) {
                pending = p;
            }
        }
        if (pending == null) {
            pending = new PendingEntries(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.entries.add(e);
    }

    /** The entries a transaction recorded, appended to the chain just before it commits. */
    private static final class PendingEntries implements TransactionSynchronization {

        private final AuditTrail trail;
        private final List<AuditEntry> entries = new ArrayList<>();

        PendingEntries(AuditTrail trail) {
            this.trail = trail;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (AuditEntry p : entries) {
                if (readOnly) {
                    trail.store.appendAlone(p, p.at(), null); // a read-only transaction cannot insert: one of its own
                } else {
                    trail.store.append(p, p.at(), null);
                }
            }
            entries.clear();
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE; // after the others' before-commit work, as close to the commit as can be
        }
    }

    public void recordAlone(AuditEntry entry) {
        AuditEntry e = complete(entry);
        store.appendAlone(e, clock.instant(), null);
    }

    /**
     * Records the entry unless one with the same key is already in the trail;
     * true when it was recorded now. Appends at once, in the current
     * transaction (an event listener's own) or one of its own: keep that
     * transaction short, it holds the chain's head until it ends.
     */
    public boolean recordOnce(AuditEntry entry, String key) {
        AuditEntry e = complete(entry);
        return store.append(e, e.at() != null ? e.at() : clock.instant(), key).isPresent();
    }

    /**
     * Records the entry without waiting for the chain, for transactions that
     * must not hold the chain's head (every dossier act): it is staged in the
     * current transaction — it commits or rolls back with it, and takes no
     * lock — and chained just after the commit by this node's chainer (or by
     * the sweep of any node if this one stops first), in staging order.
     * An entry whose key is already in the trail is dropped when chained.
     */
    public void stage(AuditEntry entry, Instant at, String key) {
        AuditEntry e = complete(entry);
        store.stage(e, at == null ? clock.instant() : at, key);
        vn.motcua.shared.AfterCommit.run(chainer::wake);
    }

    /** Chains every staged entry now, on this thread. */
    public void chainStaged() {
        chainer.drainNow();
    }

    /** The same, at the instant the act happened (an event's), not now. */
    public boolean recordOnce(AuditEntry entry, Instant at, String key) {
        return recordOnce(complete(entry).at(at == null ? clock.instant() : at), key);
    }

    private AuditEntry complete(AuditEntry entry) {
        AuditEntry e = entry;
        if (e.address() == null) {
            e = e.address(currentAddress());
        }
        if (e.unitId() == null && e.actor() != null) {
            AuditActorUnits u = units.getIfAvailable();
            if (u != null) {
                e = e.unit(u.unitOf(e.actor()));
            }
        }
        if (e.dossierCode() == null && "dossier".equals(e.subjectType())) {
            e = e.dossier(e.subjectId());
        }
        if (e.dossierCode() == null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                && a.getRequest().getAttribute(DOSSIER_ATTRIBUTE) instanceof String code) {
            e = e.dossier(code);
        }
        return e;
    }

    /** The address of the request being served on this thread, if any. */
    public static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest r = a.getRequest();
            return r.getRemoteAddr();
        }
        return null;
    }

    /**
     * Who is acting on this thread, as the trail names them: the signed-in
     * member of staff's username, {@code citizen:<identity number>} for a
     * citizen, {@code system} when no one is signed in.
     */
    public static String currentActor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a.getPrincipal() == null || "anonymousUser".equals(a.getPrincipal())) {
            return "system";
        }
        boolean citizen = a.getAuthorities().stream().anyMatch(g -> "ROLE_CITIZEN".equals(g.getAuthority()));
        return citizen ? "citizen:" + a.getName() : a.getName();
    }

    /** The newest entries about one subject, newest first (at most {@code limit}). */
    public List<AuditEntry> about(String subjectType, String subjectId, int limit) {
        return store.about(subjectType, subjectId, Math.max(1, Math.min(limit, 1000)));
    }

    /** The newest entries of one kind, newest first (at most {@code limit}). */
    public List<AuditEntry> ofKind(String kind, int limit) {
        return store.ofKind(kind, Math.max(1, Math.min(limit, 1000)));
    }

    /** One page of the entries that match, newest first. */
    public PageResult<AuditEntry> search(AuditQuery query, Paging paging) {
        return store.search(query, paging);
    }

    /** The entries that match, newest first, at most {@code max}, handed one at a time. */
    public void forEach(AuditQuery query, int max, java.util.function.Consumer<AuditEntry> each) {
        store.forEach(query, max, each);
    }

    /** The entry at a place in the chain. */
    public Optional<AuditEntry> bySeq(long seq) {
        return store.bySeq(seq);
    }

    /** Every kind of entry in the trail. */
    public List<String> kinds() {
        return store.kinds();
    }

    /** Re-walks the whole chain and checks it against its daily signed anchors (see {@link AuditVerification}). */
    public AuditVerification verify() {
        return anchors.check(store.verify());
    }
}
