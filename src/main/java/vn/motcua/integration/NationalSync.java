package vn.motcua.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.integration.internal.NationalFormat;
import vn.motcua.integration.internal.NationalPortalProperties;
import vn.motcua.integration.internal.NationalReconciliation;
import vn.motcua.integration.internal.NationalSyncSender;
import vn.motcua.integration.internal.SyncMessageLog;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.AfterCommit;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;

/**
 * The dossier status sync to the National Public Service Portal, as the
 * operators see it (docs/integration.md §2): whether it is connected, the
 * messages that failed and "send again", the signed message log, and the
 * reconciliations with their differences. For the provincial office
 * (SUPERVISOR) and administrators; anyone else is refused (403), from a page
 * or the API alike.
 */
@Service
@Transactional(readOnly = true)
public class NationalSync {

    /** The audit kinds of the operators' acts. */
    public static final String AUDIT_RESEND = "national-sync.resend";
    public static final String AUDIT_RECONCILE = "national-sync.reconcile";

    /** The state of the sync at a glance. */
    public record Status(boolean connected, boolean keyConfigured, String url, long pending, long failing, long waitingForPerson,
                         long syncedToday, Run lastReconciliation) {
    }

    /** A message not yet acknowledged that has failed at least once. */
    public record Failure(long id, String dossierCode, String idempotencyKey, String action, int nationalStatus,
                          Instant actedAt, int attempts, Instant nextAttemptAt, String lastError, boolean waitingForPerson) {
    }

    /** A reconciliation run. */
    public record Run(long id, Instant windowFrom, Instant windowTo, Instant ranAt, String ranBy, int localCount,
                      int nationalCount, int differenceCount, String error) {
    }

    /** One difference a reconciliation found (kinds: MISSING_NATIONALLY, UNKNOWN_LOCALLY, STATUS_DIFFERS, APPOINTMENT_DIFFERS). */
    public record Difference(String dossierCode, String kind, Integer localStatus, Integer nationalStatus,
                             Instant localAppointment, Instant nationalAppointment, int pendingMessages) {
    }

    private final JdbcClient jdbc;
    private final NationalPortalProperties props;
    private final SyncMessageLog log;
    private final NationalReconciliation reconciliation;
    private final NationalSyncSender sender;
    private final AuditTrail audit;
    private final Clock clock;

    public NationalSync(JdbcClient jdbc, NationalPortalProperties props, SyncMessageLog log,
                        NationalReconciliation reconciliation, NationalSyncSender sender, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.log = log;
        this.reconciliation = reconciliation;
        this.sender = sender;
        this.audit = audit;
        this.clock = clock;
    }

    /** Only the provincial office and administrators operate the sync (403 otherwise). */
    public void requireOperator(StaffPrincipal who) {
        if (who == null || !who.hasAnyRole("SUPERVISOR", "ADMIN")) {
            throw new AccessDeniedException("national sync: supervisors and administrators only");
        }
    }

    /** Whether the national portal is connected (its address configured); what the pages need without the counts of {@link #status}. */
    public boolean connected() {
        return props.connected();
    }

    public Status status(StaffPrincipal who) {
        requireOperator(who);
        Instant dayStart = LocalDate.now(clock.withZone(NationalFormat.ZONE)).atStartOfDay(NationalFormat.ZONE).toInstant();
        Object[] counts = jdbc.sql("""
                SELECT count(*) FILTER (WHERE sent_at IS NULL),
                       count(*) FILTER (WHERE sent_at IS NULL AND last_error IS NOT NULL),
                       count(*) FILTER (WHERE sent_at IS NULL AND gave_up),
                       count(*) FILTER (WHERE sent_at >= ?)
                  FROM ntl_outbox""").param(Timestamp.from(dayStart))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        Run last = jdbc.sql("SELECT * FROM ntl_reconciliation ORDER BY ran_at DESC, id DESC LIMIT 1")
                .query((rs, i) -> run(rs)).optional().orElse(null);
        return new Status(props.connected(), log.keyConfigured(), props.connected() ? props.baseUrl() : null,
                (Long) counts[0], (Long) counts[1], (Long) counts[2], (Long) counts[3], last);
    }

    /** The messages that failed and are not yet acknowledged, those waiting for a person first. */
    public PageResult<Failure> failures(String code, int page, int size, StaffPrincipal who) {
        requireOperator(who);
        vn.motcua.shared.Texts.query("code", code);
        Paging p = Paging.of(page, size, 200);
        String filter = code == null || code.isBlank() ? "" : " AND dossier_code LIKE ?";
        List<Object> params = new java.util.ArrayList<>();
        if (!filter.isEmpty()) {
            params.add(vn.motcua.shared.Texts.likeEscape(code.trim()) + "%");
        }
        String where = " WHERE sent_at IS NULL AND last_error IS NOT NULL" + filter;
        long total = jdbc.sql("SELECT count(*) FROM ntl_outbox" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new java.util.ArrayList<>(params);
        pageParams.add(p.size());
        pageParams.add(p.offset());
        List<Failure> items = jdbc.sql("SELECT * FROM ntl_outbox" + where
                        + " ORDER BY gave_up DESC, acted_at, id LIMIT ? OFFSET ?")
                .params(pageParams).query((rs, i) -> failure(rs)).list();
        return new PageResult<>(items, p.page(), p.size(), total);
    }

    /**
     * A person sends a failed message again: due at once, its attempts
     * counted afresh, audited. A message already acknowledged is refused
     * (409, nothing changes); an unknown one is 404.
     */
    @Transactional
    public Failure resend(long id, StaffPrincipal who, String address) {
        requireOperator(who);
        boolean[] sent = {false};
        Failure f = jdbc.sql("SELECT * FROM ntl_outbox WHERE id = ? FOR UPDATE").param(id).query((rs, i) -> {
            sent[0] = rs.getTimestamp("sent_at") != null;
            return failure(rs);
        }).optional().orElseThrow(() -> new NotFound("national sync message " + id));
        if (sent[0]) {
            throw new DomainRuleViolation("national-sync-already-sent", "integration.sync.rule.alreadySent", f.dossierCode());
        }
        jdbc.sql("UPDATE ntl_outbox SET attempts = 0, gave_up = false, next_attempt_at = ?, claimed_by = NULL WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
        audit.record(AuditEntry.of(AUDIT_RESEND, who.username(), "national-sync-message", String.valueOf(id))
                .dossier(f.dossierCode()).address(address)
                .detail("key: " + f.idempotencyKey() + "; attempts before: " + f.attempts() + "; last error: " + f.lastError()));
        AfterCommit.run(sender::wake);
        return jdbc.sql("SELECT * FROM ntl_outbox WHERE id = ?").param(id).query((rs, i) -> failure(rs)).single();
    }

    /** The signed message log, newest first; each entry says whether it still matches its signature. */
    public PageResult<SyncLogEntry> log(String code, String service, Instant from, Instant to, boolean failedOnly, int page,
                                        int size, StaffPrincipal who) {
        requireOperator(who);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameter("from", "integration.sync.period.invalid");
        }
        vn.motcua.shared.Texts.query("code", code);
        vn.motcua.shared.Texts.query("service", service);
        return log.search(code, service, from, to, failedOnly, Paging.of(page, size, 200));
    }

    public SyncLogEntry logEntry(long id, StaffPrincipal who) {
        requireOperator(who);
        return log.find(id).orElseThrow(() -> new NotFound("national sync log entry " + id));
    }

    public PageResult<Run> reconciliations(int page, int size, StaffPrincipal who) {
        requireOperator(who);
        Paging p = Paging.of(page, size, 100);
        long total = jdbc.sql("SELECT count(*) FROM ntl_reconciliation").query(Long.class).single();
        List<Run> items = jdbc.sql("SELECT * FROM ntl_reconciliation ORDER BY ran_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(p.size(), p.offset()).query((rs, i) -> run(rs)).list();
        return new PageResult<>(items, p.page(), p.size(), total);
    }

    public Run reconciliation(long id, StaffPrincipal who) {
        requireOperator(who);
        return findRun(id);
    }

    public List<Difference> differences(long runId, StaffPrincipal who) {
        requireOperator(who);
        findRun(runId);
        return jdbc.sql("SELECT * FROM ntl_difference WHERE run_id = ? ORDER BY kind, dossier_code").param(runId)
                .query((rs, i) -> new Difference(rs.getString("dossier_code"), rs.getString("kind"),
                        (Integer) rs.getObject("local_status"), (Integer) rs.getObject("national_status"),
                        instant(rs, "local_appointment"), instant(rs, "national_appointment"), rs.getInt("pending_messages")))
                .list();
    }

    /** A person runs a reconciliation of the last window (default the last 24 hours) now; audited. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Run reconcileNow(StaffPrincipal who, String address) {
        requireOperator(who);
        Instant to = clock.instant();
        long id = reconciliation.run(to.minus(props.getReconciliationWindow()), to, who.username());
        audit.recordAlone(AuditEntry.of(AUDIT_RECONCILE, who.username(), "national-sync-reconciliation", String.valueOf(id))
                .address(address));
        return findRun(id);
    }

    /** The nightly run: yesterday, 00:00 to 00:00 Vietnam time (the scheduled job and the tests call it). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Run reconcileYesterday() {
        ZonedDateTime today = LocalDate.now(clock.withZone(NationalFormat.ZONE)).atStartOfDay(NationalFormat.ZONE);
        long id = reconciliation.run(today.minusDays(1).toInstant(), today.toInstant(), "system");
        return findRun(id);
    }

    /** A reconciliation of the given window, by the system (tests, operators' scripts). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Run reconcile(Instant from, Instant to) {
        return findRun(reconciliation.run(from, to, "system"));
    }

    private Run findRun(long id) {
        return jdbc.sql("SELECT * FROM ntl_reconciliation WHERE id = ?").param(id).query((rs, i) -> run(rs)).optional()
                .orElseThrow(() -> new NotFound("reconciliation " + id));
    }

    private static Failure failure(ResultSet rs) throws SQLException {
        return new Failure(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("idempotency_key"),
                rs.getString("action"), rs.getInt("national_status"), instant(rs, "acted_at"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getBoolean("gave_up"));
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getLong("id"), instant(rs, "window_from"), instant(rs, "window_to"), instant(rs, "ran_at"),
                rs.getString("ran_by"), rs.getInt("local_count"), rs.getInt("national_count"), rs.getInt("difference_count"),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
