package vn.motcua.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;
import vn.motcua.supervision.internal.BacklogQueries;
import vn.motcua.supervision.internal.ProcedureNames;
import vn.motcua.supervision.internal.SupervisionAccess;

/**
 * The live backlog dashboards and their drill-down lists. A supervisor sees
 * the province, a leader the units of their scope; the period is in local
 * dates, {@code to} included.
 */
@Service
@Transactional(readOnly = true)
public class SupervisionDashboard {

    private final BacklogQueries queries;
    private final SupervisionAccess access;
    private final OrganizationService org;
    private final CalendarService calendars;
    private final ProcedureNames procedures;
    private final Clock clock;

    public SupervisionDashboard(BacklogQueries queries, SupervisionAccess access, OrganizationService org,
                                CalendarService calendars, ProcedureNames procedures, Clock clock) {
        this.procedures = procedures;
        this.queries = queries;
        this.access = access;
        this.org = org;
        this.calendars = calendars;
        this.clock = clock;
    }

    public DashboardView dashboard(Long unit, LocalDate from, LocalDate to, Figure.Grouping grouping, StaffPrincipal who) {
        OfficerScope scope = access.scope(who);
        Set<Long> units = access.units(unit, scope);
        Period period = period(from, to);
        Figure.Grouping g = grouping == null ? Figure.Grouping.UNIT : grouping;
        WorkingCalendar cal = calendars.calendar();
        Instant now = clock.instant();
        Map<Figure, Long> totals = new EnumMap<>(Figure.class);
        Map<String, Map<Figure, Long>> byKey = new HashMap<>();
        for (Figure f : Figure.values()) {
            Map<String, Long> counts = queries.countBy(new BacklogQueries.Filter(f, g, null, null, units, scope, period.start(),
                    period.end(), now), cal);
            totals.put(f, counts.values().stream().mapToLong(Long::longValue).sum());
            counts.forEach((k, n) -> byKey.computeIfAbsent(k, x -> new EnumMap<>(Figure.class)).put(f, n));
        }
        Map<String, String> labels = labels(g, byKey.keySet());
        List<DashboardView.Row> rows = new ArrayList<>();
        byKey.forEach((k, counts) -> rows.add(new DashboardView.Row(k, labels.getOrDefault(k, k), counts)));
        rows.sort((a, b) -> {
            int c = Long.compare(b.count(Figure.OVERDUE), a.count(Figure.OVERDUE));
            return c != 0 ? c : Long.compare(b.count(Figure.IN_PROGRESS) + b.count(Figure.PAUSED),
                    a.count(Figure.IN_PROGRESS) + a.count(Figure.PAUSED));
        });
        Map<Figure.Bucket, Long> ageing = queries.ageing(new BacklogQueries.Filter(Figure.OVERDUE, null, null, null, units, scope,
                period.start(), period.end(), now), cal);
        return new DashboardView(unit, period.from(), period.to(), now, g, totals, rows, ageing);
    }

    /** The dossiers a figure counts (the same condition), paged; {@code total} equals the figure. */
    public PageResult<BacklogDossier> dossiers(Figure figure, Figure.Grouping grouping, String key, Figure.Bucket bucket, Long unit,
                                               LocalDate from, LocalDate to, int page, int size, StaffPrincipal who) {
        OfficerScope scope = access.scope(who);
        if (figure == null) {
            throw new InvalidParameter("figure", "validation.required");
        }
        if (key != null && grouping == null) {
            throw new InvalidParameter("group", "validation.required");
        }
        if (key != null && grouping != Figure.Grouping.PROCEDURE && !key.isEmpty() && !key.matches("\\d{1,18}")) {
            throw new InvalidParameter("key", "supervision.key.invalid");
        }
        if (key != null && key.length() > 40) {
            throw new InvalidParameter("key", "supervision.key.invalid");
        }
        Paging paging = Paging.of(page, size, 200);
        Set<Long> units = access.units(unit, scope);
        Period period = period(from, to);
        WorkingCalendar cal = calendars.calendar();
        BacklogQueries.Filter f = new BacklogQueries.Filter(figure, grouping, key, bucket, units, scope, period.start(),
                period.end(), clock.instant());
        long total = queries.count(f, cal);
        return new PageResult<>(named(queries.list(f, paging, cal)), paging.page(), paging.size(), total);
    }

    /** The rows with the names of their handling units and officers (also the clean-up's lists). */
    List<BacklogDossier> named(List<BacklogDossier> rows) {
        Set<Long> unitIds = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.handlingUnit() != null) {
                unitIds.add(r.handlingUnit());
            }
        });
        Map<Long, String> units = new HashMap<>();
        org.units(unitIds).forEach(u -> units.put(u.id(), u.name()));
        return rows.stream().map(r -> new BacklogDossier(r.code(), r.procedureCode(),
                procedures.name(r.procedureCode()), r.receivingUnit(), r.handlingUnit(),
                units.get(r.handlingUnit()), r.assignee(), r.assignee() == null ? null : org.findStaffName(r.assignee()).orElse(null),
                r.status(), r.receivedAt(), r.appointmentAt(), r.stepDueAt(), r.lastActAt(), r.finishedAt(), r.timing(),
                r.apologies(), r.supplementRequests())).toList();
    }

    private Map<String, String> labels(Figure.Grouping g, Set<String> keys) {
        Map<String, String> out = new HashMap<>();
        switch (g) {
            case UNIT -> {
                List<Long> ids = keys.stream().filter(k -> !k.isEmpty()).map(Long::valueOf).toList();
                org.units(ids).forEach(u -> out.put(String.valueOf(u.id()), u.name()));
            }
            case OFFICER -> keys.stream().filter(k -> !k.isEmpty())
                    .forEach(k -> out.put(k, org.findStaffName(Long.parseLong(k)).orElse(k)));
            case PROCEDURE -> out.putAll(procedures.of(keys));
        }
        return out;
    }

    /** A period of local dates, {@code to} included; by default the current month up to today. */
    record Period(LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    private Period period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CalendarService.ZONE);
        LocalDate f = from == null ? today.withDayOfMonth(1) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f)) {
            throw new InvalidParameter("to", "supervision.period.invalid");
        }
        if (f.isBefore(LocalDate.of(2000, 1, 1)) || t.isAfter(LocalDate.of(2100, 1, 1))) {
            throw new InvalidParameter("from", "supervision.period.invalid");
        }
        return new Period(f, t, f.atStartOfDay(CalendarService.ZONE).toInstant(),
                t.plusDays(1).atStartOfDay(CalendarService.ZONE).toInstant());
    }

    /** Units the caller may filter by, for the page's picker. */
    public List<UnitView> units(StaffPrincipal who) {
        OfficerScope scope = access.scope(who);
        return org.allUnits().stream().filter(u -> scope.includes(u.unitId())).toList();
    }
}
