package vn.motcua.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.indicators.internal.CatalogueReport;
import vn.motcua.indicators.internal.IndexEngine;
import vn.motcua.indicators.internal.ReportExporter;
import vn.motcua.indicators.internal.ReportQueries;
import vn.motcua.indicators.internal.ReportStore;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * The periodic reports to the Provincial People's Committee (DOMAIN.md §9):
 * each department reports on form 06a and each commune on form 06b, generated
 * from the read model; its leader signs and submits it; the supervisors
 * (Department of Home Affairs) see who has and has not submitted, return a
 * report with comments, and consolidate the province's report from the
 * submitted ones (departments, then communes, then the total: no district
 * rows since 1 July 2025). A job prepares the drafts at each quarter's end.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    private final ReportStore store;
    private final ReportQueries queries;
    private final ReportExporter exporter;
    private final OrganizationService org;
    private final AuditTrail audit;
    private final Clock clock;
    private final CatalogueReport catalogue;

    public ReportService(ReportStore store, ReportQueries queries, ReportExporter exporter, OrganizationService org,
                         AuditTrail audit, Clock clock, CatalogueReport catalogue) {
        this.catalogue = catalogue;
        this.store = store;
        this.queries = queries;
        this.exporter = exporter;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** The form a unit reports on: 06b for communes and wards, 06a for departments. */
    public static String formOf(UnitView u) {
        return u.kind() == UnitKind.COMMUNE || u.kind() == UnitKind.WARD ? "06b" : "06a";
    }

    private static boolean reporting(UnitView u) {
        return u.active() && ((u.kind() == UnitKind.AGENCY && u.level() == UnitLevel.PROVINCE)
                || u.kind() == UnitKind.COMMUNE || u.kind() == UnitKind.WARD);
    }

    /** The units that report within a scope: departments first, then communes, by name. */
    public List<UnitView> reportingUnits(OfficerScope scope) {
        return org.allUnits().stream().filter(ReportService::reporting).filter(u -> scope.includes(u.unitId()))
                .sorted(Comparator.comparing((UnitView u) -> u.level() == UnitLevel.PROVINCE ? 0 : 1).thenComparing(UnitView::name))
                .toList();
    }

    private UnitView reportingUnit(long unitId, OfficerScope scope) {
        UnitView u = org.findUnit(new UnitId(unitId)).filter(x -> scope.includes(x.unitId()))
                .orElseThrow(() -> new NotFound("unit " + unitId));
        if (!reporting(u)) {
            throw InvalidInput.of("unit", "indicators.report.notReporting");
        }
        return u;
    }

    private Report view(ReportStore.Row r) {
        UnitView u = org.findUnit(new UnitId(r.unitId())).orElseThrow(() -> new NotFound("unit " + r.unitId()));
        return store.view(r, IndexEngine.ref(u));
    }

    public Report get(long id, OfficerScope scope) {
        ReportStore.Row r = store.find(id).filter(x -> scope.includes(new UnitId(x.unitId())))
                .orElseThrow(() -> new NotFound("report " + id));
        return view(r);
    }

    /** The latest reports of the units in the scope. */
    public List<Report> recent(OfficerScope scope, int limit) {
        List<Long> ids = reportingUnits(scope).stream().map(UnitView::id).toList();
        List<Long> all = new ArrayList<>(ids);
        if (scope.allUnits()) {
            all.add(provinceRoot().id());
        }
        return store.ofUnits(all, limit).stream().map(this::view).toList();
    }

    /** Generates (or regenerates) a unit's draft from the data; a signed or submitted report stays as it is. */
    @Transactional
    public Report generate(long unitId, LocalDate from, LocalDate to, OfficerScope scope, String actor) {
        IndicatorService.checkPeriod(from, to);
        UnitView u = reportingUnit(unitId, scope);
        return view(store.find(draft(u, from, to, actor)).orElseThrow());
    }

    /** A draft may be made again until the report of that form, unit and period is signed. */
    private void requireEditable(String form, long unitId, LocalDate from, LocalDate to) {
        store.find(form, unitId, from, to, false).ifPresent(r -> {
            if (r.status() == Report.Status.SIGNED || r.status() == Report.Status.SUBMITTED) {
                throw new DomainRuleViolation("report-signed", "indicators.report.signed");
            }
        });
    }

    private long draft(UnitView u, LocalDate from, LocalDate to, String actor) {
        requireEditable(formOf(u), u.id(), from, to);
        List<Report.Line> lines = queries.byField(org.selfAndDescendants(List.of(u.id())).toArray(Long[]::new), from, to);
        return store.saveDraft(formOf(u), u.id(), from, to, false, lines, actor, clock.instant());
    }

    /** The unit's leader signs the reviewed report. */
    @Transactional
    public Report sign(long id, int version, StaffPrincipal who) {
        Report r = leaderOwn(id, who);
        if (!store.sign(id, version, who.fullName(), clock.instant())) {
            throw conflict(r, "report-sign");
        }
        audit.record(AuditEntry.of("indicators.report.signed", who.username(), "report", String.valueOf(id)));
        return get(id, org.scopeOf(who.id()));
    }

    /** The unit's leader submits the signed report to the Provincial People's Committee. */
    @Transactional
    public Report submit(long id, int version, StaffPrincipal who) {
        Report r = leaderOwn(id, who);
        if (!store.submit(id, version, clock.instant())) {
            throw conflict(r, "report-submit");
        }
        audit.record(AuditEntry.of("indicators.report.submitted", who.username(), "report", String.valueOf(id)));
        return get(id, org.scopeOf(who.id()));
    }

    /** The longest comment a returned report takes. */
    public static final int MAX_COMMENT = 4000;

    /** A supervisor returns a submitted report with comments; the unit corrects, signs and submits again. */
    @Transactional
    public Report returnReport(long id, int version, String comment, StaffPrincipal who) {
        requireSupervisor(who);
        Report r = get(id, org.scopeOf(who.id()));
        if (Texts.isBlank(comment)) {
            throw InvalidInput.of("comment", "validation.required");
        }
        if (comment.length() > MAX_COMMENT) {
            throw InvalidInput.of("comment", "validation.tooLong");
        }
        if (!store.returnReport(id, version, who.fullName(), Texts.clean(comment), clock.instant())) {
            throw conflict(r, "report-return");
        }
        audit.record(AuditEntry.of("indicators.report.returned", who.username(), "report", String.valueOf(id))
                .reason(Texts.clean(comment)));
        return get(id, org.scopeOf(who.id()));
    }

    private static DomainRuleViolation conflict(Report r, String rule) {
        return new DomainRuleViolation(rule, "indicators.report.state", r.status().name());
    }

    private Report leaderOwn(long id, StaffPrincipal who) {
        if (!who.roles().contains(Role.LEADER)) {
            throw new org.springframework.security.access.AccessDeniedException("leaders sign and submit");
        }
        return get(id, org.scopeOf(who.id()));
    }

    private static void requireSupervisor(StaffPrincipal who) {
        if (!who.roles().contains(Role.SUPERVISOR) && !who.roles().contains(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("supervisors only");
        }
    }

    /** Every reporting unit with its report of the period (or none yet). */
    public List<ReportOverview> overview(LocalDate from, LocalDate to, OfficerScope scope) {
        IndicatorService.checkPeriod(from, to);
        // by unit and form: the province's own unit holds the catalogue's form 07b too
        Map<String, ReportStore.Row> byUnit = store.ofPeriod(from, to).stream()
                .collect(Collectors.toMap(r -> r.unitId() + ":" + r.form(), Function.identity(), (a, b) -> a));
        return reportingUnits(scope).stream().map(u -> {
            ReportStore.Row r = byUnit.get(u.id() + ":" + formOf(u));
            return new ReportOverview(IndexEngine.ref(u), formOf(u), r == null ? null : r.id(), r == null ? null : r.status(),
                    r == null || r.submittedAt() == null ? null : r.submittedAt().atZone(vn.motcua.calendar.CalendarService.ZONE).toOffsetDateTime(),
                    r == null ? null : r.signedBy());
        }).toList();
    }

    UnitView provinceRoot() {
        return org.allUnits().stream().filter(u -> u.parentId() == null && u.kind() == UnitKind.PEOPLES_COMMITTEE)
                .findFirst().orElseThrow(() -> new NotFound("province"));
    }

    /**
     * The province's report of the period: one line per submitted report
     * (its total), departments first, then communes, then the sum. Reports
     * not submitted are left out (the overview shows which).
     */
    @Transactional
    public Report consolidate(LocalDate from, LocalDate to, StaffPrincipal who) {
        requireSupervisor(who);
        IndicatorService.checkPeriod(from, to);
        Map<Long, ReportStore.Row> submitted = store.ofPeriod(from, to).stream()
                .filter(r -> r.status() == Report.Status.SUBMITTED)
                .collect(Collectors.toMap(ReportStore.Row::unitId, Function.identity(), (a, b) -> a));
        List<Report.Line> lines = new ArrayList<>();
        long[] total = new long[11];
        for (UnitView u : reportingUnits(OfficerScope.everything(null))) {
            ReportStore.Row r = submitted.get(u.id());
            if (r == null || r.lines().isEmpty()) {
                continue;
            }
            long[] v = r.lines().get(r.lines().size() - 1).values();
            lines.add(new Report.Line(u.level() == UnitLevel.PROVINCE ? "Sở, ban, ngành" : "Xã, phường", u.name(), v.clone()));
            for (int i = 0; i < total.length; i++) {
                total[i] += v[i];
            }
        }
        lines.add(new Report.Line("", ReportQueries.TOTAL, total));
        UnitView root = provinceRoot();
        long id = store.saveDraft("06a", root.id(), from, to, true, lines, who.username(), clock.instant());
        audit.record(AuditEntry.of("indicators.report.consolidated", who.username(), "report", String.valueOf(id))
                .detail(from + " – " + to + ": " + submitted.size() + " submitted"));
        return view(store.find(id).orElseThrow());
    }

    /**
     * The province's form 07b: the procedures of the published catalogue by
     * sector and level, under the one-stop mechanism and with their internal
     * workflow issued, as the catalogue stands now (the report keeps these
     * figures). Prepared by a supervisor for the Provincial People's Committee,
     * whose leader signs and submits it like any report.
     */
    @Transactional
    public Report generateCatalogueReport(LocalDate from, LocalDate to, StaffPrincipal who) {
        requireSupervisor(who);
        IndicatorService.checkPeriod(from, to);
        UnitView root = provinceRoot();
        requireEditable("07b", root.id(), from, to);
        List<UnitView> departments = reportingUnits(OfficerScope.everything(null)).stream()
                .filter(u -> u.level() == UnitLevel.PROVINCE).toList();
        List<Report.Line> lines = catalogue.lines(departments);
        long id = store.saveDraft("07b", root.id(), from, to, false, lines, who.username(), clock.instant());
        audit.record(AuditEntry.of("indicators.report.generated", who.username(), "report", String.valueOf(id))
                .detail("07b " + from + " – " + to + ": " + lines.get(lines.size() - 1).values()[0] + " procedures"));
        return view(store.find(id).orElseThrow());
    }

    public byte[] xlsx(long id, OfficerScope scope) {
        return exporter.xlsx(get(id, scope));
    }

    public byte[] pdf(long id, OfficerScope scope) {
        return exporter.pdf(get(id, scope));
    }

    /** The quarter that ended on the day before {@code today}, or null when yesterday ended no quarter. */
    public static LocalDate[] quarterEndedBefore(LocalDate today) {
        LocalDate y = today.minusDays(1);
        if (y.getMonthValue() % 3 != 0 || y.getDayOfMonth() != y.lengthOfMonth()) {
            return null;
        }
        return new LocalDate[]{y.withDayOfMonth(1).minusMonths(2), y};
    }

    /**
     * Prepares a draft for every reporting unit that has none for the
     * period, recording its progress (the supervisors' page shows it).
     * Returns the number of drafts made.
     */
    @Transactional
    public int prepareDrafts(LocalDate from, LocalDate to) {
        List<UnitView> units = reportingUnits(OfficerScope.everything(null));
        long run = store.startRun(from, to, units.size(), clock.instant());
        int done = 0;
        int made = 0;
        for (UnitView u : units) {
            if (store.find(formOf(u), u.id(), from, to, false).isEmpty()) {
                draft(u, from, to, "system");
                made++;
            }
            store.progress(run, ++done);
        }
        store.finishRun(run, clock.instant());
        return made;
    }

    public List<ReportStore.Run> runs(int limit) {
        return store.runs(limit);
    }
}
