package vn.motcua.reform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.internal.functions.UnitFunctionStore;
import vn.motcua.reform.internal.functions.UnitFunctionStore.FunctionRow;
import vn.motcua.reform.internal.plans.PlanAccess;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.Texts;

/**
 * Units' functions and tasks as records, and the structure check (docs/reform.md §6):
 * two units holding the same function or the same procedure, and procedures left
 * with no competent unit after a merge. Units, merges and the procedures' agencies
 * come from the organization's and the catalogue's public services.
 */
@Service
@Transactional(readOnly = true)
public class UnitFunctionService {

    private final UnitFunctionStore store;
    private final PlanAccess access;
    private final OrganizationService org;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final Clock clock;

    public UnitFunctionService(UnitFunctionStore store, PlanAccess access, OrganizationService org, CatalogService catalog,
                               AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.org = org;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** The records of the units the caller sees (all for the province level). */
    public List<UnitFunctionView> list(StaffPrincipal me) {
        Map<Long, UnitView> units = org.allUnits().stream().collect(Collectors.toMap(UnitView::id, u -> u));
        return store.list(access.unitsOrAll(me)).stream().map(r -> view(r, units))
                .sorted(Comparator.comparing(UnitFunctionView::unitName).thenComparing(UnitFunctionView::kind)
                        .thenComparing(UnitFunctionView::title))
                .toList();
    }

    /** The active units the caller may record functions for: all (province level) or a leader's. */
    public List<UnitView> units(StaffPrincipal me) {
        return org.allUnits().stream().filter(UnitView::active).filter(u -> access.manages(me, u.id()))
                .sorted(Comparator.comparing(UnitView::name)).toList();
    }

    public boolean mayCheck(StaffPrincipal me) {
        return access.provincial(me);
    }

    @Transactional
    public UnitFunctionView create(UnitFunctionCommand c, StaffPrincipal me) {
        if (!access.provincial(me) && !me.hasRole("LEADER")) {
            throw PlanAccess.denied("unit functions");
        }
        UnitFunctionCommand cmd = c == null ? new UnitFunctionCommand(null, null, null, null, null) : c;
        Map<String, String> errors = new LinkedHashMap<>();
        UnitView unit = cmd.unitId() == null ? null : org.findUnit(new UnitId(cmd.unitId())).orElse(null);
        if (cmd.unitId() == null) {
            errors.put("unitId", "validation.required");
        } else if (unit == null || !access.sees(me, unit.id())) {
            errors.put("unitId", "reform.unit.unknown");
        } else if (!access.manages(me, unit.id())) {
            throw PlanAccess.denied("functions of unit " + unit.id());
        } else if (!unit.active()) {
            errors.put("unitId", "reform.unit.dissolved");
        }
        if (cmd.kind() == null) {
            errors.put("kind", "validation.required");
        }
        String title = Texts.clean(cmd.title());
        if (Texts.isBlank(title)) {
            errors.put("title", "validation.required");
        } else if (title.length() > 500) {
            errors.put("title", "validation.tooLong");
        }
        String code = Texts.isBlank(cmd.procedureCode()) ? null : Texts.clean(cmd.procedureCode());
        if (code != null && (code.length() > 40 || !catalog.exists(code))) {
            errors.put("procedureCode", "reform.legal.procedure.unknown");
        }
        String basis = Texts.isBlank(cmd.legalBasis()) ? null : Texts.clean(cmd.legalBasis());
        if (basis != null && basis.length() > 300) {
            errors.put("legalBasis", "validation.tooLong");
        }
        String key = title == null ? null : key(title);
        if (errors.isEmpty() && store.exists(unit.id(), cmd.kind(), key)) {
            errors.put("title", "reform.function.duplicate");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = store.insert(unit.id(), cmd.kind(), title, key, code, basis, clock.instant(), me.username());
        audit.record(AuditEntry.of("reform.function.recorded", me.username(), "reform-unit-function", String.valueOf(id))
                .unit(unit.id()).detail(cmd.kind() + ": " + title + (code == null ? "" : "; procedure " + code)));
        Map<Long, UnitView> units = Map.of(unit.id(), unit);
        return store.list(new Long[] {unit.id()}).stream().filter(r -> r.id() == id).findFirst().map(r -> view(r, units))
                .orElseThrow();
    }

    /** The structure check over every unit's records and the published catalogue; province level only. */
    public UnitFunctionCheck check(StaffPrincipal me) {
        access.requireProvincial(me);
        List<UnitView> all = org.allUnits();
        Map<Long, UnitView> units = all.stream().collect(Collectors.toMap(UnitView::id, u -> u));
        List<FunctionRow> rows = store.list(null);
        List<FunctionRow> active = rows.stream().filter(r -> units.containsKey(r.unitId()) && units.get(r.unitId()).active())
                .toList();

        // the same function: one title (folded) held by two units of one territory
        Map<String, List<FunctionRow>> byTitle = new TreeMap<>();
        for (FunctionRow r : active) {
            byTitle.computeIfAbsent(territory(r.unitId(), units) + "|" + r.titleKey(), k -> new ArrayList<>()).add(r);
        }
        List<UnitFunctionCheck.Overlap> sameFunction = overlaps(byTitle, FunctionRow::title, units);

        Map<String, List<FunctionRow>> byCode = new TreeMap<>();
        for (FunctionRow r : active) {
            if (r.procedureCode() != null) {
                byCode.computeIfAbsent(territory(r.unitId(), units) + "|" + r.procedureCode(), k -> new ArrayList<>()).add(r);
            }
        }
        List<UnitFunctionCheck.Overlap> sameProcedure = overlaps(byCode, FunctionRow::procedureCode, units);

        List<UnitFunctionCheck.Orphan> orphans = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Set<String> heldByActive = active.stream().map(FunctionRow::procedureCode).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        for (ProcedureDetail p : catalog.allPublished()) {
            names.put(p.code(), p.name());
            Long agency = p.agency() == null ? null : p.agency().id();
            UnitView u = agency == null ? null : units.get(agency);
            if (u != null && !u.active() && !heldByActive.contains(p.code())) {
                orphans.add(orphan(p.code(), p.name(), "CATALOGUE", u, units));
            }
        }
        Set<String> seen = orphans.stream().map(UnitFunctionCheck.Orphan::procedureCode).collect(Collectors.toSet());
        for (FunctionRow r : rows) {
            UnitView u = units.get(r.unitId());
            if (r.procedureCode() != null && u != null && !u.active() && !heldByActive.contains(r.procedureCode())
                    && seen.add(r.procedureCode())) {
                orphans.add(orphan(r.procedureCode(), names.get(r.procedureCode()), "FUNCTIONS", u, units));
            }
        }
        orphans.sort(Comparator.comparing(UnitFunctionCheck.Orphan::procedureCode));
        return new UnitFunctionCheck(sameFunction, sameProcedure, orphans);
    }

    private static UnitFunctionCheck.Orphan orphan(String code, String name, String source, UnitView former,
                                                   Map<Long, UnitView> units) {
        UnitView successor = former.successorId() == null ? null : units.get(former.successorId());
        return new UnitFunctionCheck.Orphan(code, name, source, former.id(), former.name(),
                successor == null ? null : successor.id(), successor == null ? null : successor.name());
    }

    private static List<UnitFunctionCheck.Overlap> overlaps(Map<String, List<FunctionRow>> groups,
                                                            java.util.function.Function<FunctionRow, String> subject,
                                                            Map<Long, UnitView> units) {
        List<UnitFunctionCheck.Overlap> out = new ArrayList<>();
        for (List<FunctionRow> g : groups.values()) {
            List<UnitFunctionCheck.Holder> holders = g.stream().map(FunctionRow::unitId).distinct()
                    .map(id -> new UnitFunctionCheck.Holder(id, units.get(id).name()))
                    .sorted(Comparator.comparing(UnitFunctionCheck.Holder::unitName)).toList();
            if (holders.size() > 1) {
                out.add(new UnitFunctionCheck.Overlap(subject.apply(g.get(0)), holders));
            }
        }
        return out;
    }

    /**
     * Where a unit is competent: "P" for the province's agencies and their divisions; the
     * commune's id for a commune's (or ward's) own units, since every commune holds the same
     * functions within its own territory and that is no overlap.
     */
    static String territory(long unitId, Map<Long, UnitView> units) {
        UnitView u = units.get(unitId);
        for (int i = 0; u != null && i < 50; i++) {
            if (u.kind() == UnitKind.COMMUNE || u.kind() == UnitKind.WARD) {
                return "C" + u.id();
            }
            if (u.level() != UnitLevel.COMMUNE && u.parentId() == null) {
                break;
            }
            u = u.parentId() == null ? null : units.get(u.parentId());
        }
        return "P";
    }

    /** The folded title: no diacritics, lower case, single spaces, no final full stop. */
    static String key(String title) {
        String k = Texts.fold(title);
        while (k.endsWith(".") || k.endsWith(";")) {
            k = k.substring(0, k.length() - 1).strip();
        }
        return k;
    }

    private static UnitFunctionView view(FunctionRow r, Map<Long, UnitView> units) {
        UnitView u = units.get(r.unitId());
        return new UnitFunctionView(r.id(), r.unitId(), u == null ? "#" + r.unitId() : u.name(), u != null && u.active(),
                r.kind(), r.title(), r.procedureCode(), r.legalBasis(), r.createdAt(), r.createdBy());
    }
}
