package vn.motcua.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.indicators.internal.IndexEngine;
import vn.motcua.indicators.internal.MethodStore;
import vn.motcua.indicators.internal.ScoringUnits;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.NotFound;

/**
 * The indicators module's API: the Decision 766 index of a unit for a
 * period, rankings, drill-downs, the monthly trend and the method (weights,
 * thresholds, bands with effective dates). A unit outside the caller's scope
 * is 404, as if it did not exist. The index of the province's root unit is
 * the province as a whole; of a department or commune, the dossiers it is
 * accountable for.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorService {

    /** The longest period one request may cover. */
    public static final int MAX_DAYS = 366 * 5;
    /** The years a period may fall in. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private final IndexEngine engine;
    private final MethodStore method;
    private final OrganizationService org;
    private final AuditTrail audit;
    private final Clock clock;

    public IndicatorService(IndexEngine engine, MethodStore method, OrganizationService org, AuditTrail audit, Clock clock) {
        this.engine = engine;
        this.method = method;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a period: both ends given, from ≤ to, at most {@link #MAX_DAYS}. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidParameter("from", "validation.required");
        }
        if (to == null) {
            throw new InvalidParameter("to", "validation.required");
        }
        if (from.getYear() < MIN_YEAR || from.getYear() > MAX_YEAR) {
            throw new InvalidParameter("from", "indicators.period.outOfRange", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
        if (to.getYear() < MIN_YEAR || to.getYear() > MAX_YEAR) {
            throw new InvalidParameter("to", "indicators.period.outOfRange", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
        if (from.isAfter(to)) {
            throw new InvalidParameter("from", "indicators.period.reversed");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidParameter("to", "indicators.period.tooLong");
        }
    }

    /** The unit if the scope includes it, else 404. */
    public UnitView unit(long unitId, OfficerScope scope) {
        return org.findUnit(new UnitId(unitId)).filter(u -> scope.includes(u.unitId()))
                .orElseThrow(() -> new NotFound("unit " + unitId));
    }

    /** The province's root unit (UBND tỉnh): its index is the province as a whole. */
    public UnitView root() {
        return org.allUnits().stream().filter(u -> u.parentId() == null && u.kind() == UnitKind.PEOPLES_COMMITTEE)
                .findFirst().orElseThrow(() -> new NotFound("province"));
    }

    /** The unit a caller sees first: the province for those who see all, else their first unit highest in the tree. */
    public UnitView homeUnit(OfficerScope scope) {
        if (scope.allUnits()) {
            return root();
        }
        return org.units(scope.unitIds()).stream()
                .filter(u -> u.parentId() == null || !scope.unitIds().contains(u.parentId()))
                .min(java.util.Comparator.comparing(UnitView::code)).orElseThrow(() -> new NotFound("unit"));
    }

    private Set<Long> members(UnitView unit) {
        return unit.parentId() == null ? null : org.selfAndDescendants(List.of(unit.id()));
    }

    public IndexView index(long unitId, LocalDate from, LocalDate to, OfficerScope scope) {
        checkPeriod(from, to);
        UnitView u = unit(unitId, scope);
        return engine.index(u, members(u), from, to);
    }

    /** The index month by month over the period (each month clipped to the period). */
    public List<IndexView> trend(long unitId, LocalDate from, LocalDate to, OfficerScope scope) {
        checkPeriod(from, to);
        UnitView u = unit(unitId, scope);
        Set<Long> members = members(u);
        List<IndexView> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
            LocalDate f = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate t = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            out.add(engine.index(u, members, f, t));
        }
        return out;
    }

    /** What a ranking lists. */
    public enum RankingLevel {
        /** The province's departments (agencies). */
        PROVINCE,
        /** The communes and wards. */
        COMMUNE
    }

    /** The departments or the communes, ranked by total; a leader sees the ranked units within their scope. */
    public List<RankingRow> ranking(RankingLevel level, LocalDate from, LocalDate to, OfficerScope scope) {
        checkPeriod(from, to);
        if (level == null) {
            throw new InvalidParameter("level", "validation.required");
        }
        List<UnitView> all = org.allUnits();
        Map<Long, List<Long>> children = new java.util.HashMap<>();
        for (UnitView u : all) {
            if (u.parentId() != null) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u.id());
            }
        }
        Map<UnitView, Set<Long>> ranked = new LinkedHashMap<>();
        for (UnitView u : all) {
            boolean wanted = level == RankingLevel.PROVINCE
                    ? u.kind() == UnitKind.AGENCY && u.level() == UnitLevel.PROVINCE
                    : u.kind() == UnitKind.COMMUNE || u.kind() == UnitKind.WARD;
            if (wanted && u.active() && scope.includes(u.unitId())) {
                Set<Long> below = new java.util.HashSet<>();
                java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(u.id()));
                while (!todo.isEmpty()) {
                    Long id = todo.pop();
                    if (below.add(id)) {
                        todo.addAll(children.getOrDefault(id, List.of()));
                    }
                }
                ranked.put(u, below);
            }
        }
        return engine.ranking(ranked, from, to);
    }

    public DrillDown dossiers(String indicatorId, long unitId, LocalDate from, LocalDate to, OfficerScope scope,
                              int lineOffset, int lineLimit) {
        return dossiers(indicatorId, unitId, from, to, scope, null, lineOffset, lineLimit);
    }

    /** As above, the lines limited to the dossiers in the numerator (true), outside it (false) or all (null). */
    public DrillDown dossiers(String indicatorId, long unitId, LocalDate from, LocalDate to, OfficerScope scope,
                              Boolean linesInNumerator, int lineOffset, int lineLimit) {
        Indicator i = Indicator.find(indicatorId).orElseThrow(() -> new NotFound("indicator " + indicatorId));
        checkPeriod(from, to);
        UnitView u = unit(unitId, scope);
        return engine.drillDown(i, u, members(u), from, to, linesInNumerator, lineOffset, lineLimit);
    }

    /** The units whose index a caller may open: the province (for those who see all), departments and communes. */
    public List<UnitView> scoredUnits(OfficerScope scope) {
        List<UnitView> out = new ArrayList<>();
        for (UnitView u : org.allUnits()) {
            if (!u.active() || !scope.includes(u.unitId())) {
                continue;
            }
            if (ScoringUnits.scored(u.kind()) || (u.parentId() == null && u.kind() == UnitKind.PEOPLES_COMMITTEE)) {
                out.add(u);
            }
        }
        if (!scope.allUnits()) {
            UnitView home = homeUnit(scope);
            if (out.stream().noneMatch(u -> u.id() == home.id())) {
                out.add(0, home);
            }
        }
        out.sort(java.util.Comparator.comparing((UnitView u) -> u.parentId() == null ? 0 : u.level() == UnitLevel.PROVINCE ? 1 : 2)
                .thenComparing(UnitView::name));
        return out;
    }

    // --- the method ------------------------------------------------------------------------------

    public Map<String, Weight> weightsOn(LocalDate day) {
        return method.weightsOn(day);
    }

    public List<Weight> weightHistory() {
        return method.weightHistory();
    }

    public List<Band> bandsOn(LocalDate day) {
        return method.bandsOn(day);
    }

    public List<Band> bandHistory() {
        return method.bandHistory();
    }

    /**
     * Sets an indicator's maximum points and threshold from a date on: periods
     * whose last day is on or after it are scored with it, earlier ones keep
     * the weights they had. Audited.
     */
    @Transactional
    public Weight setWeight(String indicatorId, LocalDate effectiveFrom, BigDecimal maxPoints, BigDecimal threshold,
                            String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (Indicator.find(indicatorId).isEmpty()) {
            errors.put("indicator", "indicators.method.unknownIndicator");
        }
        if (effectiveFrom == null) {
            errors.put("effectiveFrom", "validation.required");
        }
        if (maxPoints == null) {
            errors.put("maxPoints", "validation.required");
        } else if (maxPoints.signum() < 0 || maxPoints.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.put("maxPoints", "indicators.method.maxRange");
        }
        if (threshold != null && (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.put("threshold", "indicators.method.thresholdRange");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Weight before = method.weightsOn(effectiveFrom).get(indicatorId);
        method.putWeight(indicatorId, effectiveFrom, maxPoints, threshold, actor, clock.instant());
        audit.record(AuditEntry.of("indicators.weight.changed", actor, "indicator", indicatorId)
                .detail("from " + effectiveFrom + ": "
                        + (before == null ? "-" : before.maxPoints() + "/" + before.threshold()) + " → " + maxPoints + "/"
                        + threshold));
        return method.weightsOn(effectiveFrom).get(indicatorId);
    }

    /** The band codes an administrator may set, from the highest to the lowest. */
    public static final List<String> BAND_CODES = List.of("EXCELLENT", "GOOD", "FAIR", "AVERAGE", "WEAK");

    /**
     * Replaces the rating bands from a date on (code → minimum total): periods
     * whose last day is on or after it are banded with the new set, earlier
     * ones keep theirs. The minimums must rise with the band. Audited.
     */
    @Transactional
    public void setBands(LocalDate effectiveFrom, Map<String, BigDecimal> minScores, String actor) {
        if (effectiveFrom == null) {
            throw InvalidInput.of("effectiveFrom", "validation.required");
        }
        // two decimals at most, as stored (numeric(6,2)): 80.004 and 79.999 would both be kept as 80.00
        if (minScores.isEmpty() || minScores.values().stream().anyMatch(v -> v == null || v.signum() < 0
                || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.stripTrailingZeros().scale() > 2)) {
            throw InvalidInput.of("bands", "indicators.method.bandRange");
        }
        if (!minScores.keySet().stream().allMatch(BAND_CODES::contains)) {
            throw InvalidInput.of("bands", "indicators.method.bandUnknown");
        }
        BigDecimal above = null;
        for (String code : BAND_CODES) { // from the highest band down, each minimum strictly lower
            BigDecimal v = minScores.get(code);
            if (v == null) {
                continue;
            }
            if (above != null && v.compareTo(above) >= 0) {
                throw InvalidInput.of("bands", "indicators.method.bandOrder");
            }
            above = v;
        }
        method.putBands(effectiveFrom, minScores, actor, clock.instant());
        audit.record(AuditEntry.of("indicators.bands.changed", actor, "indicator-bands", effectiveFrom.toString())
                .detail(minScores.toString()));
    }

    /** Today in the province. */
    public LocalDate today() {
        return vn.motcua.calendar.CalendarService.today(clock);
    }
}
