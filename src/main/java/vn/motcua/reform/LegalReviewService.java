package vn.motcua.reform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.SimplificationService;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.internal.legal.LegalReviewStore;
import vn.motcua.reform.internal.legal.LegalReviewStore.ReviewRow;
import vn.motcua.reform.internal.plans.PlanAccess;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * Review of legal documents (docs/reform.md §4): regulations found illegal,
 * contradictory or overlapping, the proposal (amend, replace, annul), the
 * responsible unit and its deadline, the outcome, and the procedures of the
 * catalogue each governs. The Department of Home Affairs records them; the
 * responsible unit's leader records the outcome. The year's list shows, for
 * the province level, the catalogue's simplification proposals of that year
 * (read through the catalogue's {@link SimplificationService}) as part of the
 * same plan.
 */
@Service
@Transactional(readOnly = true)
public class LegalReviewService {

    private final LegalReviewStore store;
    private final PlanAccess access;
    private final OrganizationService org;
    private final CatalogService catalog;
    private final SimplificationService simplification;
    private final AuditTrail audit;
    private final Clock clock;

    public LegalReviewService(LegalReviewStore store, PlanAccess access, OrganizationService org, CatalogService catalog,
                              SimplificationService simplification, AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.org = org;
        this.catalog = catalog;
        this.simplification = simplification;
        this.audit = audit;
        this.clock = clock;
    }

    /** This year in Vietnam, the lists' default. */
    public int thisYear() {
        return CalendarService.today(clock).getYear();
    }

    public LegalReviewList list(int year, StaffPrincipal me) {
        if (year < 2000 || year > 2100) {
            throw new vn.motcua.shared.InvalidParameter("year", "reform.plan.year.range");
        }
        List<ReviewRow> rows = store.list(year, access.unitsOrAll(me));
        Map<Long, String> names = names(rows.stream().map(ReviewRow::responsibleUnitId).toList());
        List<LegalReviewSimplification> simplifications = List.of();
        if (access.provincial(me)) {
            simplifications = simplification.review(null, null).items().stream()
                    .filter(p -> p.createdAt() != null && p.createdAt().getYear() == year)
                    .map(p -> new LegalReviewSimplification(p.id(), p.procedureCode(), p.procedureName(), p.kind().name(),
                            p.status().name(), p.saving() == null ? 0 : p.saving().savingVnd())).toList();
        }
        return new LegalReviewList(year, rows.stream().map(r -> view(r, names)).toList(), simplifications);
    }

    public LegalReviewView get(long id, StaffPrincipal me) {
        ReviewRow r = visible(id, me);
        return view(r, names(List.of(r.responsibleUnitId())));
    }

    public boolean mayRecord(StaffPrincipal me) {
        return access.provincial(me);
    }

    /** The Department of Home Affairs, or a leader of the responsible unit, while the outcome is pending. */
    public boolean mayDecide(LegalReviewView r, StaffPrincipal me) {
        return r.outcome() == LegalReviewOutcome.PENDING && access.manages(me, r.responsibleUnitId());
    }

    public List<UnitView> units() {
        return org.allUnits().stream().filter(UnitView::active)
                .sorted(java.util.Comparator.comparing(UnitView::name)).toList();
    }

    @Transactional
    public LegalReviewView create(LegalReviewCommand c, StaffPrincipal me) {
        access.requireProvincial(me);
        LegalReviewCommand cmd = c == null ? new LegalReviewCommand(null, null, null, null, null, null, null, null, null) : c;
        Map<String, String> errors = new LinkedHashMap<>();
        String ref = text(cmd.documentRef(), "documentRef", 200, errors);
        String title = text(cmd.documentTitle(), "documentTitle", 500, errors);
        String finding = text(cmd.finding(), "finding", 2000, errors);
        if (cmd.year() == null) {
            errors.put("year", "validation.required");
        } else if (cmd.year() < 2000 || cmd.year() > 2100) {
            errors.put("year", "reform.plan.year.range");
        }
        if (cmd.problem() == null) {
            errors.put("problem", "validation.required");
        }
        if (cmd.proposal() == null) {
            errors.put("proposal", "validation.required");
        }
        if (cmd.responsibleUnitId() == null) {
            errors.put("responsibleUnitId", "validation.required");
        } else if (org.findUnit(new UnitId(cmd.responsibleUnitId())).filter(UnitView::active).isEmpty()) {
            errors.put("responsibleUnitId", "reform.unit.unknown");
        }
        if (cmd.dueOn() == null) {
            errors.put("dueOn", "validation.required");
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        if (cmd.procedureCodes() != null) {
            for (String code : cmd.procedureCodes()) {
                String k = Texts.clean(code);
                if (!Texts.isBlank(k)) {
                    codes.add(k);
                }
            }
        }
        List<String> unknown = codes.stream().filter(k -> k.length() > 40 || !catalog.exists(k)).toList();
        if (!unknown.isEmpty()) {
            errors.put("procedureCodes", "reform.legal.procedure.unknown");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors, unknown.isEmpty() ? Map.of()
                    : Map.of("procedureCodes", List.<Object>of(String.join(", ", unknown))));
        }
        long id = store.insert(cmd.year(), ref, title, cmd.problem(), finding, cmd.proposal(), cmd.responsibleUnitId(),
                cmd.dueOn(), new ArrayList<>(codes), clock.instant(), me.username());
        audit.record(AuditEntry.of("reform.legal.recorded", me.username(), "reform-legal-review", String.valueOf(id))
                .unit(cmd.responsibleUnitId())
                .detail(ref + " — " + cmd.problem() + " → " + cmd.proposal() + "; due " + cmd.dueOn() + "; procedures " + codes));
        return get(id, me);
    }

    /** PENDING → DONE or REJECTED, with a note. */
    @Transactional
    public LegalReviewView decide(long id, LegalReviewOutcome outcome, String note, StaffPrincipal me) {
        ReviewRow r = visible(id, me);
        if (!access.manages(me, r.responsibleUnitId())) {
            throw PlanAccess.denied("legal review " + id);
        }
        r = store.lock(id).orElseThrow();
        if (r.outcome() != LegalReviewOutcome.PENDING) {
            throw new DomainRuleViolation("illegal-transition", "reform.legal.decided", id);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (outcome == null || outcome == LegalReviewOutcome.PENDING) {
            errors.put("outcome", "validation.required");
        }
        String n = text(note, "note", 2000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        store.outcome(id, outcome, n, CalendarService.today(clock));
        audit.record(AuditEntry.of("reform.legal.outcome", me.username(), "reform-legal-review", String.valueOf(id))
                .unit(r.responsibleUnitId()).detail(n).change("outcome", r.outcome(), outcome));
        return get(id, me);
    }

    private ReviewRow visible(long id, StaffPrincipal me) {
        ReviewRow r = store.find(id).orElseThrow(() -> new NotFound("legal review " + id));
        if (!access.sees(me, r.responsibleUnitId())) {
            throw new NotFound("legal review " + id);
        }
        return r;
    }

    private LegalReviewView view(ReviewRow r, Map<Long, String> names) {
        boolean overdue = r.outcome() == LegalReviewOutcome.PENDING && r.dueOn().isBefore(CalendarService.today(clock));
        return new LegalReviewView(r.id(), r.year(), r.documentRef(), r.documentTitle(), r.problem(), r.finding(), r.proposal(),
                r.responsibleUnitId(), names.getOrDefault(r.responsibleUnitId(), "#" + r.responsibleUnitId()), r.dueOn(),
                r.procedureCodes(), r.outcome(), r.outcomeNote(), r.outcomeOn(), overdue, r.createdAt(), r.createdBy());
    }

    private Map<Long, String> names(List<Long> ids) {
        List<Long> wanted = ids.stream().distinct().toList();
        return wanted.isEmpty() ? Map.of() : org.units(wanted).stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
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
