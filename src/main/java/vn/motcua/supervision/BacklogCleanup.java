package vn.motcua.supervision;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.AfterCommit;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;
import vn.motcua.supervision.internal.BacklogQueries;
import vn.motcua.supervision.internal.CleanupRunner;
import vn.motcua.supervision.internal.SupervisionAccess;
import vn.motcua.supervision.internal.WorkingTime;

/**
 * Clearing the backlog: finds stale dossiers (overdue beyond N working days,
 * no act for M days, left at an inactive or merged unit) and forwards or
 * stops them in bulk. The acts are the dossier module's own, done as the
 * leader who starts the run (a supervisor acts on no dossier under the
 * dossier rules): each is checked, written to the history and told to the
 * other modules like any act; the run itself is audited. Supervisors see
 * the stale lists and every run; a leader runs them in their units.
 */
@Service
@Transactional(readOnly = true)
public class BacklogCleanup {

    public static final String AUDIT_STARTED = "supervision.cleanup.started";
    static final int MAX_ITEMS = 500;

    /** What a clean-up run does: forward to a unit and/or officer, or stop with a reason and evidence. */
    public enum Kind {
        REASSIGN, STOP
    }

    private final BacklogQueries queries;
    private final SupervisionAccess access;
    private final OrganizationService org;
    private final CalendarService calendars;
    private final CleanupRunner runner;
    private final SupervisionDashboard dashboard;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    public BacklogCleanup(BacklogQueries queries, SupervisionAccess access, OrganizationService org, CalendarService calendars,
                          CleanupRunner runner, SupervisionDashboard dashboard, AuditTrail audit, JdbcClient jdbc,
                          Clock clock) {
        this.dashboard = dashboard;
        this.queries = queries;
        this.access = access;
        this.org = org;
        this.calendars = calendars;
        this.runner = runner;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Open dossiers held in the caller's units that are overdue by more than
     * {@code overdueDays} working days, or have had no act for {@code idleDays}
     * days, or sit at an inactive (merged, dissolved) unit; at most 500.
     */
    public List<BacklogDossier> stale(Integer overdueDays, Integer idleDays, boolean inactiveUnits, StaffPrincipal who) {
        OfficerScope scope = access.scope(who);
        if (overdueDays != null && (overdueDays < 0 || overdueDays > 3650)) {
            throw new InvalidParameter("overdueDays", "supervision.period.invalid");
        }
        if (idleDays != null && (idleDays < 0 || idleDays > 3650)) {
            throw new InvalidParameter("idleDays", "supervision.period.invalid");
        }
        Instant now = clock.instant();
        List<UnitView> all = org.allUnits();
        Set<Long> units = all.stream().filter(u -> scope.includes(u.unitId())).map(UnitView::id).collect(Collectors.toSet());
        Set<Long> inactive = inactiveUnits ? all.stream().filter(u -> !u.active()).map(UnitView::id).collect(Collectors.toSet())
                : Set.of();
        if (!scope.allUnits()) {
            // a merged unit's leftovers belong to its successor's leader too
            all.stream().filter(u -> !u.active() && u.successorId() != null && scope.includes(new UnitId(u.successorId())))
                    .forEach(u -> units.add(u.id()));
        }
        Instant overdueBefore = overdueDays == null ? null
                : WorkingTime.before(calendars.calendar(), now, BigDecimal.valueOf(overdueDays));
        Instant idleBefore = idleDays == null ? null : now.minus(Duration.ofDays(idleDays));
        return dashboard.named(queries.stale(units, overdueBefore, idleBefore, inactive, MAX_ITEMS));
    }

    /**
     * A leader starts a run over the dossiers named: REASSIGN forwards each to
     * {@code toUnit} and/or {@code toOfficer}; STOP needs a reason and the
     * evidence, both written into each dossier's stop notice. Runs in the
     * background; the answer is the job to poll.
     */
    @Transactional
    public CleanupJobView start(Kind kind, List<String> codes, Long toUnit, Long toOfficer, String reason, String evidence,
                                StaffPrincipal who, String address) {
        access.requireLeader(who);
        Set<String> list = codes == null ? Set.of() : codes.stream().filter(c -> !Texts.isBlank(c)).map(String::trim)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (kind == null) {
            errors.put("kind", "validation.required");
        }
        if (list.isEmpty()) {
            errors.put("codes", "supervision.cleanup.noDossiers");
        } else if (list.size() > MAX_ITEMS || list.stream().anyMatch(c -> c.length() > 40)) {
            errors.put("codes", "supervision.cleanup.tooMany");
        }
        String why = Texts.clean(reason);
        String proof = Texts.clean(evidence);
        if (kind == Kind.STOP) {
            if (Texts.isBlank(why) || why.length() < 15) {
                errors.put("reason", "supervision.cleanup.reasonRequired");
            }
            if (Texts.isBlank(proof)) {
                errors.put("evidence", "supervision.cleanup.evidenceRequired");
            }
        }
        if (kind == Kind.REASSIGN && toUnit == null && toOfficer == null) {
            errors.put("toUnit", "supervision.cleanup.targetRequired");
        }
        if (why != null && why.length() > 1000 || proof != null && proof.length() > 1000) {
            errors.put("reason", "validation.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO sv_bulk_job (kind, actor_id, actor, to_unit, to_officer, reason, evidence, total, created_at,
                    lease_owner, lease_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(kind.name(), who.staffId(), who.username(), toUnit, toOfficer, why, proof, list.size(),
                        Timestamp.from(now), runner.node(), Timestamp.from(runner.leaseUntil())).query(Long.class).single();
        int seq = 0;
        for (String code : list) {
            jdbc.sql("INSERT INTO sv_bulk_item (job_id, seq, code) VALUES (?, ?, ?)").params(id, ++seq, code).update();
        }
        audit.record(AuditEntry.of(AUDIT_STARTED, who.username(), "cleanup-job", String.valueOf(id))
                .detail(kind + " " + list.size() + " dossiers" + (toUnit == null ? "" : " → unit " + toUnit)
                        + (toOfficer == null ? "" : " → officer " + toOfficer) + (proof == null ? "" : "; evidence: " + proof)
                        + "; " + String.join(",", list.stream().limit(50).toList()))
                .reason(why).address(address));
        // the act (forward or stop with the reason and evidence) is made from the job's row by the runner, so a node
        // that takes the run over does exactly the same act
        AfterCommit.run(() -> runner.start(id));
        return job(id, who);
    }

    /** A run: its starter and supervisors see it. */
    public CleanupJobView job(long id, StaffPrincipal who) {
        OfficerScope scope = access.scope(who);
        List<CleanupJobView.Item> items = jdbc.sql("SELECT seq, code, status, error FROM sv_bulk_item WHERE job_id = ? ORDER BY seq")
                .param(id).query((rs, n) -> new CleanupJobView.Item(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
        return jdbc.sql("SELECT * FROM sv_bulk_job WHERE id = ?").param(id).query((rs, n) -> {
                    long toUnit = rs.getLong("to_unit");
                    Long tu = rs.wasNull() ? null : toUnit;
                    long toOfficer = rs.getLong("to_officer");
                    Long to = rs.wasNull() ? null : toOfficer;
                    Timestamp fin = rs.getTimestamp("finished_at");
                    return new CleanupJobView(rs.getLong("id"), rs.getString("kind"), rs.getString("status"), rs.getString("actor"),
                            tu, to, rs.getString("reason"), rs.getString("evidence"), rs.getInt("total"), rs.getInt("done"),
                            rs.getInt("failed"), rs.getTimestamp("created_at").toInstant(), fin == null ? null : fin.toInstant(),
                            items);
                }).optional()
                .filter(j -> scope.allUnits() || j.actor().equals(who.username()))
                .orElseThrow(() -> new NotFound("cleanup job " + id));
    }
}
