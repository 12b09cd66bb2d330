package vn.motcua.calendar;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.shared.InvalidInput;

/**
 * The province's working calendar, kept per year in the database, and the
 * deadline engine built from it. The engine is rebuilt only when a year
 * changes: each node re-reads the calendars' revision at most every few
 * seconds, so an administrator's change reaches every node quickly without a
 * query per computation.
 */
@Service
public class CalendarService {

    static final long RECHECK_MILLIS = 5_000;
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private record Snapshot(long revision, WorkingCalendar calendar, long checkedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private final vn.motcua.audit.AuditTrail audit;

    /** Today in the province (Asia/Ho_Chi_Minh) by this clock: the day every local rule (deadlines, periods, reminders) starts from. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public CalendarService(JdbcClient jdbc, JsonMapper json, Clock clock, vn.motcua.audit.AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The engine over the contiguous run of defined years that contains the
     * current year (or the latest run). Throws CalendarNotDefinedException
     * when no year is defined.
     */
    public WorkingCalendar calendar() {
        Snapshot s = snapshot;
        long now = System.currentTimeMillis();
        if (s != null && now - s.checkedAt() < RECHECK_MILLIS) {
            return s.calendar();
        }
        long revision = jdbc.sql("SELECT coalesce(max(revision), 0) + count(*) FROM calendar_year").query(Long.class).single();
        if (s != null && s.revision() == revision) {
            snapshot = new Snapshot(revision, s.calendar(), now);
            return s.calendar();
        }
        WorkingCalendar built = build(loadYears());
        snapshot = new Snapshot(revision, built, now);
        return built;
    }

    private WorkingCalendar build(TreeMap<Integer, CalendarYear> years) {
        int current = LocalDate.now(clock.withZone(ZONE)).getYear();
        if (years.isEmpty()) {
            throw new CalendarNotDefinedException(current);
        }
        List<List<CalendarYear>> runs = new ArrayList<>();
        List<CalendarYear> run = new ArrayList<>();
        Integer previous = null;
        for (var e : years.entrySet()) {
            if (previous != null && e.getKey() != previous + 1) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(e.getValue());
            previous = e.getKey();
        }
        runs.add(run);
        List<CalendarYear> chosen = runs.stream()
                .filter(r -> r.get(0).year() <= current && r.get(r.size() - 1).year() >= current)
                .findFirst().orElse(runs.get(runs.size() - 1));
        return new WorkingCalendar(ZONE, chosen);
    }

    public Instant due(Instant from, BigDecimal amount, DurationUnit unit) {
        return calendar().due(from, amount, unit);
    }

    public List<Integer> years() {
        return jdbc.sql("SELECT year FROM calendar_year ORDER BY year").query(Integer.class).list();
    }

    public Optional<CalendarYearDocument> year(int year) {
        return jdbc.sql("SELECT * FROM calendar_year WHERE year = ?").param(year)
                .query((rs, n) -> CalendarYearDocument.of(map(rs), rs.getString("notes"))).optional();
    }

    /** Replaces a year; a document that breaks a rule is refused with the field named. */
    @Transactional
    public CalendarYearDocument putYear(int year, CalendarYearDocument doc, String actor) {
        CalendarYearDocument before = year(year).orElse(null);
        CalendarYear y;
        try {
            y = doc.toCalendarYear(year);
        } catch (IllegalArgumentException | NullPointerException e) {
            String field = fieldOf(e.getMessage());
            throw new InvalidInput(Map.of(field, "calendar.invalid"), Map.of(field, List.<Object>of(String.valueOf(e.getMessage()))));
        }
        List<Map<String, String>> hours = y.workingHours().stream()
                .map(r -> Map.of("from", r.from().toString(), "to", r.to().toString())).toList();
        jdbc.sql("""
                INSERT INTO calendar_year (year, working_hours, weekend_days, holidays, make_up_days, after_hours_cutoff, notes, updated_by)
                VALUES (:year, CAST(:hours AS jsonb), :weekend, :holidays, :makeup, :cutoff, :notes, :by)
                ON CONFLICT (year) DO UPDATE SET working_hours = EXCLUDED.working_hours, weekend_days = EXCLUDED.weekend_days,
                  holidays = EXCLUDED.holidays, make_up_days = EXCLUDED.make_up_days,
                  after_hours_cutoff = EXCLUDED.after_hours_cutoff, notes = EXCLUDED.notes,
                  revision = nextval('calendar_revision_seq'), updated_at = now(), updated_by = EXCLUDED.updated_by""")
                .param("year", year)
                .param("hours", json.writeValueAsString(hours))
                .param("weekend", y.weekendDays().stream().sorted().map(DayOfWeek::name).toArray(String[]::new))
                .param("holidays", y.holidays().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .param("makeup", y.makeUpWorkingDays().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .param("cutoff", y.afterHoursCutoff() == null ? null : java.sql.Time.valueOf(y.afterHoursCutoff()))
                .param("notes", doc.notes())
                .param("by", actor)
                .update();
        snapshot = null; // this node sees its own change at once
        CalendarYearDocument after = year(year).orElseThrow();
        vn.motcua.audit.AuditEntry entry = vn.motcua.audit.AuditEntry.of(
                        before == null ? "calendar.year.created" : "calendar.year.changed", actor, "calendar-year",
                        String.valueOf(year))
                .changes(before, after);
        if (before == null || !entry.changes().isEmpty()) {
            audit.record(entry);
        }
        return after;
    }

    private static String fieldOf(String message) {
        if (message == null) {
            return "calendar";
        }
        for (String f : List.of("workingHours", "weekendDays", "holidays", "makeUpWorkingDays", "afterHoursCutoff")) {
            if (message.contains(f)) {
                return f;
            }
        }
        return "calendar";
    }

    private TreeMap<Integer, CalendarYear> loadYears() {
        TreeMap<Integer, CalendarYear> years = new TreeMap<>();
        jdbc.sql("SELECT * FROM calendar_year ORDER BY year").query((rs, n) -> map(rs))
                .list().forEach(y -> years.put(y.year(), y));
        return years;
    }

    private CalendarYear map(ResultSet rs) throws SQLException {
        List<Map<String, String>> hours = json.readValue(rs.getString("working_hours"),
                new TypeReference<List<Map<String, String>>>() { });
        List<TimeRange> ranges = hours.stream()
                .map(h -> new TimeRange(LocalTime.parse(h.get("from")), LocalTime.parse(h.get("to")))).toList();
        java.util.Set<DayOfWeek> weekend = java.util.EnumSet.noneOf(DayOfWeek.class);
        for (String d : (String[]) rs.getArray("weekend_days").getArray()) {
            weekend.add(DayOfWeek.valueOf(d));
        }
        java.sql.Time cutoff = rs.getTime("after_hours_cutoff");
        return new CalendarYear(rs.getInt("year"), ranges, weekend, dates(rs.getArray("holidays")),
                dates(rs.getArray("make_up_days")), cutoff == null ? null : cutoff.toLocalTime());
    }

    private static java.util.SortedSet<LocalDate> dates(Array a) throws SQLException {
        java.util.TreeSet<LocalDate> out = new java.util.TreeSet<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(((java.sql.Date) o).toLocalDate());
        }
        return out;
    }

    /** Loads years from the bundled JSON file of official calendars, skipping years already defined. */
    @Transactional
    public int loadBundledYears(java.io.InputStream in, String actor) {
        List<Map<String, Object>> raw = json.readValue(in, new TypeReference<List<Map<String, Object>>>() { });
        int loaded = 0;
        for (Map<String, Object> m : raw) {
            int year = ((Number) m.get("year")).intValue();
            if (year(year).isPresent()) {
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>(m);
            copy.remove("year");
            CalendarYearDocument doc = json.convertValue(copy, CalendarYearDocument.class);
            putYear(year, doc, actor);
            loaded++;
        }
        return loaded;
    }
}
