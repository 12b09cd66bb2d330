package vn.motcua.reform;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.DossierService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.internal.inspections.InspectionStore;
import vn.motcua.reform.internal.inspections.InspectionStore.FixRow;
import vn.motcua.reform.internal.inspections.InspectionStore.InspectionRow;
import vn.motcua.reform.internal.plans.PlanAccess;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * Inspections of units (kiểm tra CCHC, docs/reform.md §2): the Department of
 * Home Affairs schedules them, records the findings (which may point at a
 * dossier, a procedure or an officer) and the fixes required with their
 * deadlines; the inspected unit's leader reports a fix done; the Department
 * closes it, and the inspection closes with its last fix. The inspected unit
 * and those above it see their inspections. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class InspectionService {

    private final InspectionStore store;
    private final PlanAccess access;
    private final OrganizationService org;
    private final CatalogService catalog;
    private final DossierService dossiers;
    private final AuditTrail audit;
    private final Clock clock;

    public InspectionService(InspectionStore store, PlanAccess access, OrganizationService org, CatalogService catalog,
                             DossierService dossiers, AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.org = org;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.audit = audit;
        this.clock = clock;
    }

    public List<InspectionView> list(Integer year, StaffPrincipal me) {
        List<InspectionRow> rows = store.list(year, access.unitsOrAll(me));
        Map<Long, String> names = names(rows.stream().map(InspectionRow::unitId).toList());
        return rows.stream().map(r -> view(r, names, false)).toList();
    }

    public InspectionView get(long id, StaffPrincipal me) {
        InspectionRow r = visible(id, me);
        return view(r, names(List.of(r.unitId())), true);
    }

    /** Whether the caller schedules, records findings and closes fixes (the province level). */
    public boolean mayInspect(StaffPrincipal me) {
        return access.provincial(me);
    }

    /** Whether the caller may report a fix of this inspection done: a leader of the inspected unit (or above). */
    public boolean mayReportFix(InspectionView i, StaffPrincipal me) {
        return !access.provincial(me) && access.manages(me, i.unitId());
    }

    public List<UnitView> units() {
        return org.allUnits().stream().filter(UnitView::active).sorted(Comparator.comparing(UnitView::name)).toList();
    }

    @Transactional
    public InspectionView schedule(InspectionCommand c, StaffPrincipal me) {
        access.requireProvincial(me);
        InspectionCommand cmd = c == null ? new InspectionCommand(null, null, null) : c;
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(cmd.title(), "title", 300, errors);
        if (cmd.unitId() == null) {
            errors.put("unitId", "validation.required");
        } else if (org.findUnit(new UnitId(cmd.unitId())).filter(UnitView::active).isEmpty()) {
            errors.put("unitId", "reform.unit.unknown");
        }
        if (cmd.plannedOn() == null) {
            errors.put("plannedOn", "validation.required");
        } else if (cmd.plannedOn().getYear() < 2000 || cmd.plannedOn().getYear() > 2100) {
            errors.put("plannedOn", "reform.plan.year.range");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = store.insert(cmd.unitId(), title, cmd.plannedOn(), clock.instant(), me.username());
        audit.record(AuditEntry.of("reform.inspection.scheduled", me.username(), "reform-inspection", String.valueOf(id))
                .unit(cmd.unitId()).detail(cmd.plannedOn() + ": " + title));
        return get(id, me);
    }

    @Transactional
    public InspectionFindingView addFinding(long inspectionId, InspectionFindingCommand c, StaffPrincipal me) {
        InspectionRow r = visible(inspectionId, me);
        access.requireProvincial(me);
        r = store.lock(inspectionId).orElseThrow();
        if (r.status() == InspectionStatus.CLOSED) {
            throw new DomainRuleViolation("inspection-closed", "reform.inspection.closed", inspectionId);
        }
        InspectionFindingCommand cmd = c == null ? new InspectionFindingCommand(null, null, null) : c;
        Map<String, String> errors = new LinkedHashMap<>();
        String description = text(cmd.description(), "description", 2000, errors);
        InspectionTargetKind kind = cmd.targetKind() == null ? InspectionTargetKind.NONE : cmd.targetKind();
        String ref = Texts.clean(cmd.targetRef());
        if (kind == InspectionTargetKind.NONE) {
            ref = null;
        } else if (Texts.isBlank(ref)) {
            errors.put("targetRef", "validation.required");
        } else if (!targetExists(kind, ref, me)) {
            errors.put("targetRef", "reform.finding.target.unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = store.insertFinding(inspectionId, description, kind, ref, clock.instant(), me.username());
        if (r.status() == InspectionStatus.PLANNED) {
            store.status(inspectionId, InspectionStatus.DONE);
        }
        audit.record(AuditEntry.of("reform.inspection.finding", me.username(), "reform-inspection", String.valueOf(inspectionId))
                .unit(r.unitId()).detail(kind + (ref == null ? "" : " " + ref) + ": " + description)
                .dossier(kind == InspectionTargetKind.DOSSIER ? ref : null));
        return get(inspectionId, me).findings().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public InspectionFixView requireFix(long findingId, InspectionFixCommand c, StaffPrincipal me) {
        InspectionStore.FindingRow f = store.finding(findingId).orElseThrow(() -> new NotFound("finding " + findingId));
        InspectionRow r = visible(f.inspectionId(), me);
        access.requireProvincial(me);
        r = store.lock(r.id()).orElseThrow();
        if (r.status() == InspectionStatus.CLOSED) {
            throw new DomainRuleViolation("inspection-closed", "reform.inspection.closed", r.id());
        }
        InspectionFixCommand cmd = c == null ? new InspectionFixCommand(null, null) : c;
        Map<String, String> errors = new LinkedHashMap<>();
        String action = text(cmd.requiredAction(), "requiredAction", 2000, errors);
        if (cmd.dueOn() == null) {
            errors.put("dueOn", "validation.required");
        } else if (cmd.dueOn().isBefore(CalendarService.today(clock))) {
            errors.put("dueOn", "reform.fix.due.past");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = store.insertFix(findingId, action, cmd.dueOn());
        audit.record(AuditEntry.of("reform.inspection.fix.required", me.username(), "reform-fix", String.valueOf(id))
                .unit(r.unitId()).detail("inspection " + r.id() + ", finding " + findingId + "; due " + cmd.dueOn() + ": " + action));
        return fixView(store.fix(id).orElseThrow());
    }

    /** OPEN → REPORTED, by a leader of the inspected unit, with what was done. */
    @Transactional
    public InspectionFixView reportFix(long fixId, String note, StaffPrincipal me) {
        FixRow x = store.fix(fixId).orElseThrow(() -> new NotFound("fix " + fixId));
        InspectionRow r = visible(store.finding(x.findingId()).orElseThrow().inspectionId(), me);
        if (access.provincial(me) || !access.manages(me, r.unitId())) {
            throw PlanAccess.denied("fix " + fixId);
        }
        x = store.lockFix(fixId).orElseThrow();
        if (x.status() != InspectionFixStatus.OPEN) {
            throw new DomainRuleViolation("illegal-transition", "reform.fix.report.illegal", fixId);
        }
        String n = required(note, "note");
        store.reported(fixId, n, clock.instant(), me.username());
        audit.record(AuditEntry.of("reform.inspection.fix.reported", me.username(), "reform-fix", String.valueOf(fixId))
                .unit(r.unitId()).detail(n).change("status", x.status(), InspectionFixStatus.REPORTED));
        return fixView(store.fix(fixId).orElseThrow());
    }

    /** OPEN or REPORTED → CLOSED, by the Department of Home Affairs; the inspection closes with its last open fix. */
    @Transactional
    public InspectionFixView closeFix(long fixId, String note, StaffPrincipal me) {
        FixRow x = store.fix(fixId).orElseThrow(() -> new NotFound("fix " + fixId));
        InspectionRow r = visible(store.finding(x.findingId()).orElseThrow().inspectionId(), me);
        access.requireProvincial(me);
        store.lock(r.id());
        x = store.lockFix(fixId).orElseThrow();
        if (x.status() == InspectionFixStatus.CLOSED) {
            throw new DomainRuleViolation("illegal-transition", "reform.fix.close.illegal", fixId);
        }
        String n = required(note, "note");
        store.closed(fixId, n, clock.instant(), me.username());
        audit.record(AuditEntry.of("reform.inspection.fix.closed", me.username(), "reform-fix", String.valueOf(fixId))
                .unit(r.unitId()).detail(n).change("status", x.status(), InspectionFixStatus.CLOSED));
        if (store.fixesOfInspection(r.id()).stream().allMatch(f -> f.status() == InspectionFixStatus.CLOSED)) {
            store.status(r.id(), InspectionStatus.CLOSED);
            audit.record(AuditEntry.of("reform.inspection.closed", me.username(), "reform-inspection", String.valueOf(r.id()))
                    .unit(r.unitId()).detail(r.title()).change("status", r.status(), InspectionStatus.CLOSED));
        }
        return fixView(store.fix(fixId).orElseThrow());
    }

    private boolean targetExists(InspectionTargetKind kind, String ref, StaffPrincipal me) {
        switch (kind) {
            case PROCEDURE:
                return catalog.exists(ref);
            case OFFICER:
                return org.findStaffByUsername(ref).isPresent();
            case DOSSIER:
                try {
                    dossiers.get(ref, OfficerScope.everything(me.id()));
                    return true;
                } catch (NotFound | vn.motcua.shared.InvalidParameter e) {
                    return false;
                }
            default:
                return true;
        }
    }

    private InspectionRow visible(long id, StaffPrincipal me) {
        InspectionRow r = store.find(id).orElseThrow(() -> new NotFound("inspection " + id));
        if (!access.sees(me, r.unitId())) {
            throw new NotFound("inspection " + id);
        }
        return r;
    }

    private InspectionView view(InspectionRow r, Map<Long, String> names, boolean full) {
        List<FixRow> fixes = store.fixesOfInspection(r.id());
        int open = (int) fixes.stream().filter(x -> x.status() != InspectionFixStatus.CLOSED).count();
        List<InspectionFindingView> findings = List.of();
        if (full) {
            Map<Long, List<InspectionFixView>> byFinding = fixes.stream().map(this::fixView)
                    .collect(Collectors.groupingBy(InspectionFixView::findingId));
            findings = store.findings(r.id()).stream().map(f -> new InspectionFindingView(f.id(), f.inspectionId(),
                    f.description(), f.targetKind(), f.targetRef(), f.createdAt(), f.createdBy(),
                    byFinding.getOrDefault(f.id(), List.of()))).toList();
        }
        return new InspectionView(r.id(), r.unitId(), names.getOrDefault(r.unitId(), "#" + r.unitId()), r.title(), r.plannedOn(),
                r.status(), r.createdAt(), r.createdBy(), findings, open);
    }

    private InspectionFixView fixView(FixRow x) {
        boolean overdue = x.status() != InspectionFixStatus.CLOSED && x.dueOn().isBefore(CalendarService.today(clock));
        return new InspectionFixView(x.id(), x.findingId(), x.requiredAction(), x.dueOn(), x.status(), overdue, x.reportNote(),
                x.reportedAt(), x.reportedBy(), x.closingNote(), x.closedAt(), x.closedBy());
    }

    private Map<Long, String> names(List<Long> ids) {
        List<Long> wanted = ids.stream().distinct().toList();
        return wanted.isEmpty() ? Map.of() : org.units(wanted).stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
    }

    private static String required(String value, String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        String s = text(value, field, 2000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return s;
    }

    private static String text(String value, String field, int max, Map<String, String> errors) {
        String s = Texts.clean(value);
        if (Texts.isBlank(s)) {
            errors.put(field, "validation.required");
            return null;
        }
        if (s.length() > max) {
            errors.put(field, "validation.tooLong");
        }
        return s;
    }
}
