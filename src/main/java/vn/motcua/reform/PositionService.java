package vn.motcua.reform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.PositionView.Holder;
import vn.motcua.reform.PositionView.Position;
import vn.motcua.reform.PositionView.Training;
import vn.motcua.reform.PositionView.Workload;
import vn.motcua.reform.internal.classification.ClassificationReadModel;
import vn.motcua.reform.internal.positions.PositionStore;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * Each unit's job positions with their required competences and holders,
 * the workload per position (steps handled by its holders, from the
 * officers' read model) and training records per civil servant. Leaders
 * keep the positions and training of their scope; supervisors and
 * administrators read all; an officer reads their own training.
 */
@Service
@Transactional(readOnly = true)
public class PositionService {

    public static final String AUDIT_POSITION = "reform.position.changed";
    public static final String AUDIT_TRAINING = "reform.training.recorded";
    static final BigDecimal SHORT_FACTOR = new BigDecimal("1.5");
    static final BigDecimal IDLE_FACTOR = new BigDecimal("0.5");

    private final PositionStore store;
    private final ClassificationReadModel work;
    private final OrganizationService org;
    private final AuditTrail audit;
    private final Clock clock;

    public PositionService(PositionStore store, ClassificationReadModel work, OrganizationService org, AuditTrail audit, Clock clock) {
        this.store = store;
        this.work = work;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    public OfficerScope readerScope(StaffPrincipal me) {
        if (me == null) {
            throw new AccessDeniedException("positions");
        }
        if (me.roles().contains(Role.SUPERVISOR) || me.roles().contains(Role.ADMIN)) {
            return OfficerScope.everything(me.id());
        }
        if (me.roles().contains(Role.LEADER)) {
            return org.scopeOf(me.id());
        }
        throw new AccessDeniedException("positions");
    }

    /** Positions and training records are kept by leaders (403 for anyone else), checked before a request's body. */
    public void requireLeader(StaffPrincipal me) {
        leaderScope(me);
    }

    private OfficerScope leaderScope(StaffPrincipal me) {
        if (me == null || !me.roles().contains(Role.LEADER)) {
            throw new AccessDeniedException("leaders only");
        }
        return org.scopeOf(me.id());
    }

    private UnitView unit(long unitId, OfficerScope scope) {
        return org.findUnit(new UnitId(unitId)).filter(u -> scope.includes(u.unitId()))
                .orElseThrow(() -> new NotFound("unit " + unitId));
    }

    /** The positions of the unit and the units below it. */
    public List<Position> positions(long unitId, StaffPrincipal me) {
        UnitView u = unit(unitId, readerScope(me));
        List<PositionStore.PositionRow> rows = store.ofUnits(org.selfAndDescendants(List.of(u.id())));
        Map<Long, List<Holder>> holders = new HashMap<>();
        for (PositionStore.HolderRow h : store.holders(rows.stream().map(PositionStore.PositionRow::id).toList())) {
            holders.computeIfAbsent(h.positionId(), k -> new ArrayList<>())
                    .add(new Holder(h.staffId(), org.findStaffName(h.staffId()).orElse("#" + h.staffId()), h.since()));
        }
        return rows.stream().map(r -> new Position(r.id(), r.unitId(),
                org.findUnit(new UnitId(r.unitId())).map(UnitView::name).orElse("#" + r.unitId()), r.code(), r.name(), r.competences(),
                r.planned(), holders.getOrDefault(r.id(), List.of()), r.version())).toList();
    }

    /** A leader adds a position to a unit of their scope. Audited. */
    @Transactional
    public Position create(long unitId, String code, String name, String competences, Integer planned, StaffPrincipal me,
                           String address) {
        UnitView u = unit(unitId, leaderScope(me));
        Map<String, String> errors = new LinkedHashMap<>();
        String c = Texts.clean(code);
        String n = Texts.clean(name);
        String comp = Texts.isBlank(competences) ? null : Texts.clean(competences);
        if (Texts.isBlank(c) || c.length() > 30) {
            errors.put("code", Texts.isBlank(c) ? "validation.required" : "validation.tooLong");
        } else if (store.codeTaken(u.id(), c)) {
            errors.put("code", "reform.position.code.taken");
        }
        if (Texts.isBlank(n) || n.length() > 300) {
            errors.put("name", Texts.isBlank(n) ? "validation.required" : "validation.tooLong");
        }
        if (comp != null && comp.length() > 4000) {
            errors.put("competences", "validation.tooLong");
        }
        if (planned == null || planned < 0 || planned > 1000) {
            errors.put("planned", "reform.position.planned");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = store.insert(u.id(), c, n, comp, planned);
        audit.record(AuditEntry.of(AUDIT_POSITION, me.username(), "position", String.valueOf(id)).unit(u.id())
                .detail("created " + c + " " + n + " (" + planned + ")").address(address));
        return positions(u.id(), me).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private PositionStore.PositionRow position(long id, OfficerScope scope) {
        return store.find(id).filter(p -> scope.includes(new UnitId(p.unitId()))).orElseThrow(() -> new NotFound("position " + id));
    }

    /** A leader names an officer of the position's unit (or below) as a holder. Audited. */
    @Transactional
    public Position assign(long positionId, long staffId, StaffPrincipal me, String address) {
        OfficerScope scope = leaderScope(me);
        PositionStore.PositionRow p = position(positionId, scope);
        StaffView s = org.staff(new StaffId(staffId), scope);
        Set<Long> below = org.selfAndDescendants(List.of(p.unitId()));
        if (s.units().stream().noneMatch(x -> below.contains(x.id()))) {
            throw InvalidInput.of("staffId", "reform.position.staff.unit");
        }
        if (!store.assign(positionId, staffId, CalendarService.today(clock))) {
            throw new DomainRuleViolation("position-held", "reform.position.held");
        }
        audit.record(AuditEntry.of(AUDIT_POSITION, me.username(), "position", String.valueOf(positionId)).unit(p.unitId())
                .detail("holder + " + staffId).address(address));
        return positions(p.unitId(), me).stream().filter(x -> x.id() == positionId).findFirst().orElseThrow();
    }

    @Transactional
    public Position release(long positionId, long staffId, StaffPrincipal me, String address) {
        OfficerScope scope = leaderScope(me);
        PositionStore.PositionRow p = position(positionId, scope);
        if (!store.release(positionId, staffId)) {
            throw new NotFound("holder " + staffId);
        }
        audit.record(AuditEntry.of(AUDIT_POSITION, me.username(), "position", String.valueOf(positionId)).unit(p.unitId())
                .detail("holder - " + staffId).address(address));
        return positions(p.unitId(), me).stream().filter(x -> x.id() == positionId).findFirst().orElseThrow();
    }

    /** The positions' workload over [from, to] (see {@link Workload}). */
    public List<Workload> workload(long unitId, LocalDate from, LocalDate to, StaffPrincipal me) {
        if (from == null || to == null) {
            throw new InvalidParameter(from == null ? "from" : "to", "validation.required");
        }
        if (from.isAfter(to) || to.isAfter(from.plusYears(5))) {
            throw new InvalidParameter("to", "reform.position.period");
        }
        List<Position> positions = positions(unitId, me);
        Set<Long> staff = new java.util.HashSet<>();
        positions.forEach(p -> p.holders().forEach(h -> staff.add(h.staffId())));
        Map<Long, Long> handled = work.handledBy(staff, from.atStartOfDay(CalendarService.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(CalendarService.ZONE).toInstant());
        Map<Long, BigDecimal> means = store.assessmentMeans(staff, from, to);
        long totalHandled = 0;
        long totalHolders = 0;
        for (Position p : positions) {
            for (Holder h : p.holders()) {
                totalHandled += handled.getOrDefault(h.staffId(), 0L);
                totalHolders++;
            }
        }
        BigDecimal mean = totalHolders == 0 ? null
                : BigDecimal.valueOf(totalHandled).divide(BigDecimal.valueOf(totalHolders), 2, RoundingMode.HALF_UP);
        List<Workload> out = new ArrayList<>();
        for (Position p : positions) {
            long h = p.holders().stream().mapToLong(x -> handled.getOrDefault(x.staffId(), 0L)).sum();
            int n = p.holders().size();
            BigDecimal per = n == 0 ? null : BigDecimal.valueOf(h).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
            List<BigDecimal> scores = p.holders().stream().map(x -> means.get(x.staffId())).filter(java.util.Objects::nonNull).toList();
            BigDecimal assessment = scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
            out.add(new Workload(p.id(), p.code(), p.name(), p.planned(), n, h, per, mean, assessment, status(n, p.planned(), per, mean)));
        }
        return out;
    }

    /** VACANT, SHORT, IDLE or BALANCED (see {@link Workload}). */
    public static String status(int holders, int planned, BigDecimal perHolder, BigDecimal unitMean) {
        if (holders == 0) {
            return "VACANT";
        }
        if (holders < planned) {
            return "SHORT";
        }
        if (unitMean != null && unitMean.signum() > 0 && perHolder != null) {
            if (perHolder.compareTo(unitMean.multiply(SHORT_FACTOR)) > 0) {
                return "SHORT";
            }
            if (perHolder.compareTo(unitMean.multiply(IDLE_FACTOR)) < 0) {
                return "IDLE";
            }
        }
        return "BALANCED";
    }

    // --- training --------------------------------------------------------------------------------

    /** An officer's training: their own, or an officer of a reader's scope; else 404. */
    public List<Training> trainings(long staffId, StaffPrincipal me) {
        if (me == null) {
            throw new AccessDeniedException("training");
        }
        if (staffId != me.staffId()) {
            boolean reader = me.roles().contains(Role.SUPERVISOR) || me.roles().contains(Role.ADMIN) || me.roles().contains(Role.LEADER);
            if (!reader) {
                throw new NotFound("staff " + staffId);
            }
            org.staff(new StaffId(staffId), readerScope(me));
        }
        String name = org.findStaffName(staffId).orElse("#" + staffId);
        return store.trainings(staffId).stream().map(t -> new Training(t.id(), t.staffId(), name, t.title(), t.provider(),
                t.startedOn(), t.endedOn(), t.hours(), t.certificate(), t.recordedBy(), t.recordedAt())).toList();
    }

    /** A leader records a training course an officer of their scope followed. Audited. */
    @Transactional
    public Training addTraining(long staffId, String title, String provider, LocalDate from, LocalDate to, Integer hours,
                                String certificate, StaffPrincipal me, String address) {
        OfficerScope scope = leaderScope(me);
        StaffView s = org.staff(new StaffId(staffId), scope);
        Map<String, String> errors = new LinkedHashMap<>();
        String t = Texts.clean(title);
        if (Texts.isBlank(t) || t.length() > 500) {
            errors.put("title", Texts.isBlank(t) ? "validation.required" : "validation.tooLong");
        }
        if (from == null) {
            errors.put("startedOn", "validation.required");
        }
        if (to == null) {
            errors.put("endedOn", "validation.required");
        } else if (from != null && to.isBefore(from)) {
            errors.put("endedOn", "reform.training.dates");
        }
        if (hours == null || hours < 0 || hours > 10000) {
            errors.put("hours", "reform.training.hoursRange");
        }
        if (provider != null && provider.length() > 500 || certificate != null && certificate.length() > 500) {
            errors.put(provider != null && provider.length() > 500 ? "provider" : "certificate", "validation.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = store.addTraining(s.id(), t, Texts.isBlank(provider) ? null : Texts.clean(provider), from, to, hours,
                Texts.isBlank(certificate) ? null : Texts.clean(certificate), me.username(), clock.instant());
        audit.record(AuditEntry.of(AUDIT_TRAINING, me.username(), "staff", String.valueOf(s.id())).detail(t + " " + from + ".." + to)
                .address(address));
        return trainings(s.id(), me).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }
}
