package vn.motcua.reform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.feedback.SatisfactionStatistics;
import vn.motcua.indicators.IndicatorService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.ClassificationView.AgencyRow;
import vn.motcua.reform.ClassificationView.OfficerAssessment;
import vn.motcua.reform.ClassificationView.OfficerFigures;
import vn.motcua.reform.ClassificationView.YearlyRow;
import vn.motcua.reform.internal.classification.ClassificationReadModel;
import vn.motcua.reform.internal.classification.ClassificationRules;
import vn.motcua.reform.internal.classification.ClassificationStore;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Texts;
import vn.motcua.supervision.ConductSignals;
import vn.motcua.supervision.Resolution;
import vn.motcua.supervision.SignalView;
import vn.motcua.supervision.SubjectType;

/**
 * The classification of civil servants and agencies (docs/reform.md §5).
 * A leader has the system propose the month's or quarter's scores of the
 * officers of a unit in their scope from their work figures, then confirms
 * each or changes it with a reason (audited), within the cap on
 * "excellent"; every officer reads their own assessments and the figures
 * behind them; supervisors and administrators read all, leaders their
 * scope. The yearly classification of officers and of agencies is derived.
 */
@Service
@Transactional(readOnly = true)
public class ClassificationService {

    public static final String AUDIT_CONFIRMED = "reform.assessment.confirmed";
    public static final String AUDIT_PROPOSED = "reform.assessment.proposed";
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    /** Weights of the agencies' inputs: the 766 index, satisfaction, reform tasks done (renormalised over those with data). */
    public static final BigDecimal WEIGHT_INDEX = new BigDecimal("0.5");
    public static final BigDecimal WEIGHT_SATISFACTION = new BigDecimal("0.3");
    public static final BigDecimal WEIGHT_TASKS = new BigDecimal("0.2");

    private final ClassificationStore store;
    private final ClassificationReadModel figures;
    private final OrganizationService org;
    private final ConductSignals signals;
    private final IndicatorService indicators;
    private final SatisfactionStatistics satisfaction;
    private final ObjectProvider<ClassificationReformTasks> reformTasks;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    public ClassificationService(ClassificationStore store, ClassificationReadModel figures, OrganizationService org,
                                 ConductSignals signals, IndicatorService indicators, SatisfactionStatistics satisfaction,
                                 ObjectProvider<ClassificationReformTasks> reformTasks, AuditTrail audit, JsonMapper json, Clock clock) {
        this.store = store;
        this.figures = figures;
        this.org = org;
        this.signals = signals;
        this.indicators = indicators;
        this.satisfaction = satisfaction;
        this.reformTasks = reformTasks;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A month ("2026-03") or a quarter ("2026-Q1"). */
    public record Period(String kind, String label, LocalDate from, LocalDate to) {

        public static Period of(String kind, String label) {
            String k = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
            String l = label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
            if (k.equals("MONTH")) {
                Matcher m = MONTH.matcher(l);
                if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
                    YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    check(ym.getYear());
                    return new Period(k, ym.toString(), ym.atDay(1), ym.atEndOfMonth());
                }
                throw new InvalidParameter("period", "reform.assessment.period");
            }
            if (k.equals("QUARTER")) {
                Matcher m = QUARTER.matcher(l);
                if (m.matches()) {
                    int year = Integer.parseInt(m.group(1));
                    check(year);
                    int q = Integer.parseInt(m.group(2));
                    LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
                    return new Period(k, year + "-Q" + q, from, from.plusMonths(3).minusDays(1));
                }
                throw new InvalidParameter("period", "reform.assessment.period");
            }
            throw new InvalidParameter("kind", "reform.assessment.kind");
        }

        private static void check(int year) {
            if (year < 2000 || year > 2100) {
                throw new InvalidParameter("period", "reform.assessment.period");
            }
        }

        public Instant start() {
            return from.atStartOfDay(CalendarService.ZONE).toInstant();
        }

        public Instant end() {
            return to.plusDays(1).atStartOfDay(CalendarService.ZONE).toInstant();
        }

        static String label(String kind, LocalDate start) {
            return kind.equals("MONTH") ? YearMonth.from(start).toString() : start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3);
        }
    }

    // --- access ----------------------------------------------------------------------------------

    /** Supervisors and administrators read every unit, leaders their scope; others 403. */
    public OfficerScope readerScope(StaffPrincipal me) {
        if (me == null) {
            throw new AccessDeniedException("classification");
        }
        if (me.roles().contains(Role.SUPERVISOR) || me.roles().contains(Role.ADMIN)) {
            return OfficerScope.everything(me.id());
        }
        if (me.roles().contains(Role.LEADER)) {
            return org.scopeOf(me.id());
        }
        throw new AccessDeniedException("classification");
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

    // --- figures and proposals -------------------------------------------------------------------

    /** An officer's work figures of a period, as the proposal uses them; the signals are those {@code me} may read. */
    public OfficerFigures figures(long officerId, Period p, StaffPrincipal me) {
        return figures(officerId, p, closedOfficerSignals(p, me));
    }

    /**
     * The closed signals about officers opened in the period that {@code me}
     * may read, by officer id: read once for a whole proposal, not once per
     * officer (at most 5,000, newest first, as the inbox pages them).
     */
    private Map<String, List<SignalView>> closedOfficerSignals(Period p, StaffPrincipal me) {
        Map<String, List<SignalView>> out = new java.util.HashMap<>();
        for (int page = 0; page < 50; page++) {
            PageResult<SignalView> r = signals.inbox("CLOSED", null, null, page, 100, me, Locale.ROOT);
            for (SignalView s : r.items()) {
                if (s.subjectType() == SubjectType.OFFICER && s.openedAt() != null && !s.openedAt().isBefore(p.start())
                        && s.openedAt().isBefore(p.end())) {
                    out.computeIfAbsent(s.subjectId(), k -> new ArrayList<>()).add(s);
                }
            }
            if (r.items().size() < 100) {
                break;
            }
        }
        return out;
    }

    private OfficerFigures figures(long officerId, Period p, Map<String, List<SignalView>> closed) {
        long[] a = figures.acts(officerId, p.start(), p.end());
        long reminded = 0;
        long disciplined = 0;
        List<Long> ids = new ArrayList<>();
        for (SignalView s : closed.getOrDefault(String.valueOf(officerId), List.of())) {
            if (s.resolution() == Resolution.REMINDED) {
                reminded++;
                ids.add(s.id());
            } else if (s.resolution() == Resolution.DISCIPLINED) {
                disciplined++;
                ids.add(s.id());
            }
        }
        return new OfficerFigures(a[0], a[1], a[2], a[3], reminded, disciplined, figures.feedback(officerId, p.start(), p.end()), ids);
    }

    /**
     * The leader has the system propose the period's scores for every active
     * officer of the unit (and the units below it) but themselves; confirmed
     * assessments are left alone, proposals are refreshed.
     */
    @Transactional
    public List<OfficerAssessment> propose(long unitId, String kind, String period, StaffPrincipal me) {
        OfficerScope scope = leaderScope(me);
        UnitView u = unit(unitId, scope);
        Period p = Period.of(kind, period);
        if (p.from().isAfter(today())) {
            throw new DomainRuleViolation("assessment-future", "reform.assessment.future");
        }
        int proposed = 0;
        Map<String, List<SignalView>> closed = closedOfficerSignals(p, me);
        for (int page = 0; page < 100; page++) {
            PageResult<StaffView> staff = org.searchStaff(null, u.id(), scope, page, 100);
            for (StaffView s : staff.items()) {
                if (!s.active() || s.id() == me.staffId()) {
                    continue;
                }
                ClassificationStore.Row existing = store.find(s.id(), p.kind(), p.from()).orElse(null);
                if (existing != null && "CONFIRMED".equals(existing.status())) {
                    continue;
                }
                OfficerFigures f = figures(s.id(), p, closed);
                String text = json.writeValueAsString(f);
                if (existing == null) {
                    store.insert(s.id(), u.id(), p.kind(), p.from(), p.to(), text, ClassificationRules.general(f),
                            ClassificationRules.task(f), clock.instant());
                } else {
                    store.refresh(existing.id(), u.id(), text, ClassificationRules.general(f), ClassificationRules.task(f), clock.instant());
                }
                proposed++;
            }
            if (staff.items().size() < 100) {
                break;
            }
        }
        audit.record(AuditEntry.of(AUDIT_PROPOSED, me.username(), "unit", String.valueOf(u.id())).unit(u.id())
                .detail(p.kind() + " " + p.label() + ": " + proposed));
        return list(u.id(), kind, period, me);
    }

    /** The confirmed assessments of the unit (and below it) in the year, for the yearly export. */
    public List<OfficerAssessment> confirmedIn(long unitId, int year, StaffPrincipal me) {
        UnitView u = unit(unitId, readerScope(me));
        return store.confirmedIn(List.of(u.id()), year).stream().map(this::view).toList();
    }

    /** Proposals are made by leaders (403 for anyone else), checked before the request's body. */
    public void requireLeader(StaffPrincipal me) {
        leaderScope(me);
    }

    public UnitView unitOf(long unitId, StaffPrincipal me) {
        return unit(unitId, readerScope(me));
    }

    public List<OfficerAssessment> list(long unitId, String kind, String period, StaffPrincipal me) {
        OfficerScope scope = readerScope(me);
        UnitView u = unit(unitId, scope);
        Period p = Period.of(kind, period);
        return store.ofUnitPeriod(u.id(), p.kind(), p.from()).stream().map(this::view).toList();
    }

    /** One assessment: the officer's own, or one of a unit a reader may see; else 404. */
    public OfficerAssessment get(long id, StaffPrincipal me) {
        if (me == null) {
            throw new AccessDeniedException("classification");
        }
        ClassificationStore.Row r = store.find(id).orElseThrow(() -> new NotFound("assessment " + id));
        if (r.officerId() != me.staffId()) {
            boolean reader = me.roles().contains(Role.SUPERVISOR) || me.roles().contains(Role.ADMIN) || me.roles().contains(Role.LEADER);
            if (!reader || !readerScope(me).includes(new UnitId(r.unitId()))) {
                throw new NotFound("assessment " + id);
            }
        }
        return view(r);
    }

    /** The caller's own assessments, newest first. */
    public List<OfficerAssessment> mine(StaffPrincipal me) {
        if (me == null) {
            throw new AccessDeniedException("classification");
        }
        return store.ofOfficer(me.staffId()).stream().map(this::view).toList();
    }

    /**
     * The leader confirms an assessment: the proposed scores, or others with
     * a reason (required whenever a score differs from the proposal, or the
     * proposal had no task score). The "excellent" ones of the unit and
     * period may not exceed the cap (409). A leader does not confirm their
     * own. Audited with the proposal, the scores and the reason.
     */
    @Transactional
    public OfficerAssessment confirm(long id, int version, BigDecimal general, BigDecimal task, String reason, StaffPrincipal me,
                                     String address) {
        OfficerScope scope = leaderScope(me);
        ClassificationStore.Row r = store.find(id).filter(x -> scope.includes(new UnitId(x.unitId())))
                .orElseThrow(() -> new NotFound("assessment " + id));
        if (r.officerId() == me.staffId()) {
            throw new DomainRuleViolation("assessment-own", "reform.assessment.own");
        }
        BigDecimal g = general == null ? r.proposedGeneral() : general;
        BigDecimal t = task == null ? r.proposedTask() : task;
        String why = Texts.isBlank(reason) ? null : Texts.clean(reason);
        Map<String, String> errors = new LinkedHashMap<>();
        if (g == null) {
            errors.put("general", "validation.required");
        } else if (g.signum() < 0 || g.compareTo(ClassificationRules.GENERAL_MAX) > 0 || g.stripTrailingZeros().scale() > 2) {
            errors.put("general", "reform.assessment.general.range");
        }
        if (t == null) {
            errors.put("task", "reform.assessment.task.required");
        } else if (t.signum() < 0 || t.compareTo(ClassificationRules.TASK_MAX) > 0 || t.stripTrailingZeros().scale() > 2) {
            errors.put("task", "reform.assessment.task.range");
        }
        boolean changed = g != null && t != null && (g.compareTo(r.proposedGeneral()) != 0 || r.proposedTask() == null
                || t.compareTo(r.proposedTask()) != 0);
        if (changed && why == null) {
            errors.put("reason", "reform.assessment.reason.required");
        }
        if (why != null && why.length() > 2000) {
            errors.put("reason", "validation.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        g = g.setScale(2, RoundingMode.HALF_UP);
        t = t.setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = g.add(t);
        AssessmentBand band = AssessmentBand.of(total);
        store.lockPeriod(r.unitId(), r.periodKind(), r.start());
        long excellent = 0;
        long good = 0;
        for (ClassificationStore.Row x : store.ofUnitPeriod(r.unitId(), r.periodKind(), r.start())) {
            String b = x.id() == r.id() ? band.name() : "CONFIRMED".equals(x.status()) ? x.band() : null;
            if (AssessmentBand.EXCELLENT.name().equals(b)) {
                excellent++;
            } else if (AssessmentBand.GOOD.name().equals(b)) {
                good++;
            }
        }
        if (!ClassificationRules.withinCap(excellent, good)) {
            throw new DomainRuleViolation("excellent-cap", "reform.assessment.cap", ClassificationRules.EXCELLENT_CAP_PERCENT,
                    ClassificationRules.excellentAllowed(good), good);
        }
        if (!store.confirm(r.id(), version, g, t, total, band.name(), why, me.username(), clock.instant())) {
            throw new DomainRuleViolation("stale-version", "reform.assessment.stale");
        }
        BigDecimal proposedTotal = r.proposedTask() == null ? null : r.proposedGeneral().add(r.proposedTask());
        audit.record(AuditEntry.of(AUDIT_CONFIRMED, me.username(), "assessment", String.valueOf(r.id())).unit(r.unitId())
                .detail("officer " + r.officerId() + " " + r.periodKind() + " " + Period.label(r.periodKind(), r.start())
                        + (changed ? " changed" : " as proposed") + ": " + total.toPlainString() + " " + band.name())
                .change("general", r.proposedGeneral(), g).change("task", r.proposedTask(), t)
                .change("total", proposedTotal, total).reason(why).address(address));
        return view(store.find(r.id()).orElseThrow());
    }

    private OfficerAssessment view(ClassificationStore.Row r) {
        OfficerFigures f = json.readValue(r.figures(), OfficerFigures.class);
        String name = org.findStaffName(r.officerId()).orElse("#" + r.officerId());
        String position = null;
        try {
            position = org.staff(new StaffId(r.officerId()), OfficerScope.everything(null)).jobPosition();
        } catch (NotFound gone) {
            // an account removed since: the name is enough
        }
        String unitName = org.findUnit(new UnitId(r.unitId())).map(UnitView::name).orElse("#" + r.unitId());
        BigDecimal proposedTotal = r.proposedTask() == null ? null : r.proposedGeneral().add(r.proposedTask());
        return new OfficerAssessment(r.id(), r.officerId(), name, position, r.unitId(), unitName, r.periodKind(),
                Period.label(r.periodKind(), r.start()), r.start(), r.end(), f, r.proposedGeneral(), r.proposedTask(), proposedTotal,
                proposedTotal == null ? null : AssessmentBand.of(proposedTotal), r.general(), r.task(), r.total(),
                r.band() == null ? null : AssessmentBand.valueOf(r.band()), r.reason(), r.status(), r.proposedAt(), r.confirmedBy(),
                r.confirmedAt(), r.version());
    }

    // --- the year --------------------------------------------------------------------------------

    /** The officers of the unit (and below) with a confirmed period in the year: mean, band, band after the cap. */
    public List<YearlyRow> yearly(long unitId, int year, StaffPrincipal me) {
        OfficerScope scope = readerScope(me);
        UnitView u = unit(unitId, scope);
        if (year < 2000 || year > 2100) {
            throw new InvalidParameter("year", "reform.assessment.period");
        }
        Map<Long, List<BigDecimal>> totals = new LinkedHashMap<>();
        Map<Long, Long> unitOf = new HashMap<>();
        for (ClassificationStore.Row r : store.confirmedIn(List.of(u.id()), year)) {
            totals.computeIfAbsent(r.officerId(), k -> new ArrayList<>()).add(r.total());
            unitOf.put(r.officerId(), r.unitId());
        }
        Map<Long, BigDecimal> averages = new LinkedHashMap<>();
        totals.forEach((id, list) -> averages.put(id, list.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP)));
        List<YearlyRow> out = new ArrayList<>();
        for (ClassificationRules.Year y : ClassificationRules.yearly(averages)) {
            out.add(new YearlyRow(y.officerId(), org.findStaffName(y.officerId()).orElse("#" + y.officerId()), u.id(), u.name(),
                    totals.get(y.officerId()).size(), y.average(), y.computed(), y.band(), y.capped()));
        }
        out.sort(java.util.Comparator.comparing(YearlyRow::average).reversed().thenComparing(YearlyRow::officerName));
        return out;
    }

    /**
     * The agencies and communes of the caller's scope for the year: the 766
     * index of 1 January to today (at most 31 December), the satisfied share
     * of ratings, the reform tasks done where known, and the weighted score.
     */
    public List<AgencyRow> agencies(int year, StaffPrincipal me) {
        OfficerScope scope = readerScope(me);
        if (year < 2000 || year > 2100) {
            throw new InvalidParameter("year", "reform.assessment.period");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        if (today().isBefore(to)) {
            to = today();
        }
        List<AgencyRow> out = new ArrayList<>();
        if (to.isBefore(from)) {
            return out;
        }
        ClassificationReformTasks tasks = reformTasks.getIfAvailable();
        // the 766 index of every ranked unit at once (a unit without dossiers has no total: no data)
        List<vn.motcua.indicators.RankingRow> ranked = new ArrayList<>(
                indicators.ranking(IndicatorService.RankingLevel.PROVINCE, from, to, scope));
        ranked.addAll(indicators.ranking(IndicatorService.RankingLevel.COMMUNE, from, to, scope));
        Set<Long> rankedIds = new java.util.HashSet<>();
        ranked.forEach(r -> rankedIds.add(r.unit().id()));
        // the ratings of dossiers received by each ranked unit or a unit below it
        Map<Long, Long> parent = new HashMap<>();
        org.allUnits().forEach(u -> parent.put(u.id(), u.parentId()));
        Map<Long, long[]> ratings = new HashMap<>();
        for (SatisfactionStatistics.RatingRow r : satisfaction.overview(new SatisfactionStatistics.Period(from, to), null, me).byUnit()) {
            if (r.key() == null) {
                continue;
            }
            for (Long u = Long.valueOf(r.key()); u != null; u = parent.get(u)) {
                if (rankedIds.contains(u)) {
                    long[] c = ratings.computeIfAbsent(u, k -> new long[2]);
                    c[0] += r.verySatisfied() + r.satisfied();
                    c[1] += r.total();
                    break;
                }
            }
        }
        for (vn.motcua.indicators.RankingRow r : ranked) {
            BigDecimal index = r.total();
            long[] c = ratings.getOrDefault(r.unit().id(), new long[2]);
            BigDecimal satisfied = c[1] == 0 ? null : BigDecimal.valueOf(c[0]).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(c[1]), 2, RoundingMode.HALF_UP);
            BigDecimal done = tasks == null ? null : tasks.shareDone(r.unit().id(), year).orElse(null);
            BigDecimal score = agencyScore(index, satisfied, done);
            out.add(new AgencyRow(r.unit().id(), r.unit().name(), index, c[1], satisfied, done, score,
                    score == null ? null : AssessmentBand.of(score)));
        }
        out.sort(java.util.Comparator.comparing((AgencyRow r) -> r.score() == null ? BigDecimal.valueOf(-1) : r.score()).reversed()
                .thenComparing(AgencyRow::unitName));
        return out;
    }

    /** The weighted mean of the inputs with data (weights 0.5, 0.3, 0.2 renormalised); null without any. */
    public static BigDecimal agencyScore(BigDecimal index, BigDecimal satisfied, BigDecimal tasksDone) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        if (index != null) {
            sum = sum.add(index.multiply(WEIGHT_INDEX));
            weights = weights.add(WEIGHT_INDEX);
        }
        if (satisfied != null) {
            sum = sum.add(satisfied.multiply(WEIGHT_SATISFACTION));
            weights = weights.add(WEIGHT_SATISFACTION);
        }
        if (tasksDone != null) {
            sum = sum.add(tasksDone.multiply(WEIGHT_TASKS));
            weights = weights.add(WEIGHT_TASKS);
        }
        return weights.signum() == 0 ? null : sum.divide(weights, 2, RoundingMode.HALF_UP);
    }

    /** The units a reader may pick: those of the scope ({@link IndicatorService#scoredUnits}). */
    public List<UnitView> units(StaffPrincipal me) {
        return indicators.scoredUnits(readerScope(me));
    }

    public LocalDate today() {
        return CalendarService.today(clock);
    }
}
