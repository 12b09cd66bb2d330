package vn.motcua.supervision;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.CalendarYear;
import vn.motcua.calendar.CalendarYearDocument;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.OfficerScope;
import vn.motcua.shared.Paging;
import vn.motcua.supervision.internal.BacklogQueries;
import vn.motcua.supervision.internal.OpenTally;

/**
 * The backlog dashboard's queries on a large read model: fills
 * {@code sv_dossier} of its own database ({@code motcua_sv_bench}, created
 * with the module's migration when missing) with N generated dossiers (300
 * units, 400 procedures, 3,000 officers, a year of receipts, a quarter of them
 * still open), then times what one dashboard does (a count per figure grouped
 * by unit, procedure or officer, and the ageing) for the province and for a
 * leader's 10 units, and the drill-down (count and first page), as the
 * application runs them ({@link BacklogQueries}). Not a test; see
 * docs/benchmarks.md. Arguments: {@code --url=}, {@code --rows=} (1000000),
 * {@code --requests=} (100), {@code --warmup=} (20), {@code --regenerate=} (false), {@code --counters=} (true: the
 * open figures from the counters of V38, rebuilt and folded first; false: every figure counted from the rows).
 */
public final class SupervisionDashboardBenchmark {

    /** The pinned "now" of the measurement: a working Wednesday. */
    static final Instant NOW = Instant.parse("2026-06-17T03:00:00Z");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (s.startsWith("--") && eq > 0) {
                a.put(s.substring(2, eq), s.substring(eq + 1));
            }
        }
        String url = a.getOrDefault("url", "jdbc:postgresql://localhost:5432/motcua_sv_bench");
        long rows = Long.parseLong(a.getOrDefault("rows", "1000000"));
        int requests = Integer.parseInt(a.getOrDefault("requests", "100"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        boolean regenerate = Boolean.parseBoolean(a.getOrDefault("regenerate", "false"));
        createDatabase(url);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(System.getenv().getOrDefault("MOTCUA_DB_USER", "postgres"));
        hc.setPassword(System.getenv().getOrDefault("MOTCUA_DB_PASSWORD", ""));
        hc.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            prepare(jdbc, rows, regenerate);
            WorkingCalendar cal = calendar();
            OpenTally tally = new OpenTally(jdbc);
            org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds));
            boolean counters = !"false".equals(a.get("counters"));
            if (counters) {
                // the counters as a node keeps them: rebuilt from the rows, then compacted and folded as the minute job does
                long t0 = System.nanoTime();
                tx.setIsolationLevel(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
                tx.executeWithoutResult(st -> tally.rebuild(NOW));
                tx.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_DEFAULT);
                java.time.LocalDate fold = java.time.LocalDate.ofInstant(vn.motcua.supervision.internal.WorkingTime.before(cal, NOW,
                        java.math.BigDecimal.TEN), CalendarService.ZONE).minusDays(21);
                tx.executeWithoutResult(st -> tally.compact(fold));
                jdbc.sql("VACUUM ANALYZE sv_open_count").update();
                System.out.printf("counters rebuilt and folded (before %s) in %.1f s: %,d counters%n", fold, (System.nanoTime() - t0) / 1e9,
                        jdbc.sql("SELECT count(*) FROM sv_open_count").query(Long.class).single());
            }
            // without counters: every figure counted from the rows, as before them
            BacklogQueries q = new BacklogQueries(jdbc, counters ? tally : new OpenTally(jdbc) {
                @Override
                public Map<String, Long> count(List<Part> parts, Figure.Grouping grouping, String key, OfficerScope scope,
                                               java.util.Set<Long> units) {
                    return null;
                }
            });
            if (counters) {
                // at this scale too, each open figure from the counters equals the rows' count, in each grouping
                for (Figure f : List.of(Figure.IN_PROGRESS, Figure.OVERDUE, Figure.DUE_SOON, Figure.PAUSED)) {
                    for (Figure.Grouping g : Figure.Grouping.values()) {
                        BacklogQueries.Filter filter = new BacklogQueries.Filter(f, g, null, null, null, OfficerScope.everything(null),
                                Instant.parse("2026-05-31T17:00:00Z"), Instant.parse("2026-06-17T17:00:00Z"), NOW);
                        if (!q.countBy(filter, cal).equals(q.countRowsBy(filter, cal))) {
                            throw new IllegalStateException("counters differ from the rows: " + f + " by " + g);
                        }
                    }
                }
                System.out.println("checked: every open figure from the counters equals the rows' count, province-wide");
            }
            Instant from = Instant.parse("2026-05-31T17:00:00Z");
            Instant to = Instant.parse("2026-06-17T17:00:00Z");
            OfficerScope province = OfficerScope.everything(null);
            OfficerScope leader = new OfficerScope(null, false, LongStream.range(1000, 1010).boxed().collect(Collectors.toSet()));

            Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
            for (Figure.Grouping g : Figure.Grouping.values()) {
                cases.put("dashboard, province, by " + g, () -> dashboard(q, cal, g, province, from, to));
            }
            cases.put("dashboard, leader (10 units), by UNIT", () -> dashboard(q, cal, Figure.Grouping.UNIT, leader, from, to));
            cases.put("drill-down OVERDUE of one unit (count + page of 50)", () -> {
                BacklogQueries.Filter f = new BacklogQueries.Filter(Figure.OVERDUE, Figure.Grouping.UNIT, "1007", null, null, province,
                        from, to, NOW);
                return q.count(f, cal) + q.list(f, Paging.of(0, 50, 200), cal).size();
            });
            cases.put("drill-down OVERDUE over 10 days, province (count + page of 50)", () -> {
                BacklogQueries.Filter f = new BacklogQueries.Filter(Figure.OVERDUE, null, null, Figure.Bucket.OVER_10, null, province,
                        from, to, NOW);
                return q.count(f, cal) + q.list(f, Paging.of(0, 50, 200), cal).size();
            });
            for (Figure f : Figure.values()) {
                cases.put("one query: " + f + " by UNIT, province", () -> q.countBy(new BacklogQueries.Filter(f, Figure.Grouping.UNIT,
                        null, null, null, province, from, to, NOW), cal));
            }
            cases.put("one query: ageing, province", () -> q.ageing(new BacklogQueries.Filter(Figure.OVERDUE, null, null, null, null,
                    province, from, to, NOW), cal));

            System.out.printf("%,d rows in sv_dossier; %d requests per case after %d of warm-up%n",
                    jdbc.sql("SELECT count(*) FROM sv_dossier").query(Long.class).single(), requests, warmup);
            System.out.printf("%-62s %9s %9s %9s%n", "case", "p50 ms", "p95 ms", "max ms");
            for (Map.Entry<String, Supplier<Object>> c : cases.entrySet()) {
                for (int i = 0; i < warmup; i++) {
                    c.getValue().get();
                }
                long[] t = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long s = System.nanoTime();
                    c.getValue().get();
                    t[i] = System.nanoTime() - s;
                }
                Arrays.sort(t);
                System.out.printf("%-62s %9.1f %9.1f %9.1f%n", c.getKey(), t[requests / 2] / 1e6,
                        t[(int) Math.ceil(requests * 0.95) - 1] / 1e6, t[requests - 1] / 1e6);
            }
        }
    }

    /** What {@code SupervisionDashboard.dashboard} asks of the database: a grouped count per figure, then the ageing. */
    static Object dashboard(BacklogQueries q, WorkingCalendar cal, Figure.Grouping g, OfficerScope scope, Instant from, Instant to) {
        List<Object> out = new ArrayList<>();
        for (Figure f : Figure.values()) {
            out.add(q.countBy(new BacklogQueries.Filter(f, g, null, null, null, scope, from, to, NOW), cal));
        }
        out.add(q.ageing(new BacklogQueries.Filter(Figure.OVERDUE, null, null, null, null, scope, from, to, NOW), cal));
        return out;
    }

    static WorkingCalendar calendar() throws Exception {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        try (InputStream in = SupervisionDashboardBenchmark.class.getResourceAsStream("/calendar/vn-calendars.json")) {
            List<Map<String, Object>> raw = json.readValue(in, new TypeReference<List<Map<String, Object>>>() { });
            List<CalendarYear> years = new ArrayList<>();
            for (Map<String, Object> m : raw) {
                int year = ((Number) m.get("year")).intValue();
                Map<String, Object> copy = new LinkedHashMap<>(m);
                copy.remove("year");
                years.add(json.convertValue(copy, CalendarYearDocument.class).toCalendarYear(year));
            }
            return new WorkingCalendar(CalendarService.ZONE, years);
        }
    }

    static void createDatabase(String url) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, System.getenv().getOrDefault("MOTCUA_DB_USER", "postgres"),
                System.getenv().getOrDefault("MOTCUA_DB_PASSWORD", ""));
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            }
        }
    }

    /** The module's tables from its migration, then N generated rows (kept between runs unless regenerated). */
    static void prepare(JdbcClient jdbc, long rows, boolean regenerate) throws Exception {
        boolean exists = jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'sv_dossier'").query(Long.class).single() > 0;
        if (!exists) {
            try (InputStream in = SupervisionDashboardBenchmark.class.getResourceAsStream("/db/migration/V23__supervision.sql")) {
                jdbc.sql(new String(in.readAllBytes(), StandardCharsets.UTF_8)).update();
            }
        }
        if (jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'sv_open_count'").query(Long.class).single() == 0) {
            try (InputStream in = SupervisionDashboardBenchmark.class.getResourceAsStream("/db/migration/V38__supervision_open_tally.sql")) {
                jdbc.sql(new String(in.readAllBytes(), StandardCharsets.UTF_8)).update();
            }
        }
        long have = jdbc.sql("SELECT count(*) FROM sv_dossier").query(Long.class).single();
        if (have == rows && !regenerate) {
            return;
        }
        long t0 = System.nanoTime();
        jdbc.sql("TRUNCATE sv_dossier").update();
        // status by share: 58 % returned, 4 % ready, 14 % in processing, 3 % received, 4 % supplement, 2 % payment,
        // 5 % refused, 5 % stopped, 5 % withdrawn; received over the last year; a third of the open ones late
        jdbc.sql("""
                INSERT INTO sv_dossier (code, procedure_code, receiving_unit, handling_unit, assignee, status, channel, filed_at,
                    received_at, appointment_at, step_due_at, paused_since, last_act_at, last_actor, apologies, supplement_requests,
                    finished_at, finished_by, received_by, timing, last_version, last_index)
                SELECT 'B-' || i, '1.' || lpad((i % 400)::text, 6, '0'), 1000 + (i * 7) % 150, 1000 + (i * 13) % 300,
                       CASE WHEN st IN (2, 4, 5, 6) THEN 5000 + i % 3000 END, st, 'IN_PERSON', rcv, rcv,
                       rcv + make_interval(days => 7 + (i % 15)), rcv + make_interval(days => 2 + (i % 5)),
                       CASE WHEN st IN (5, 6) THEN rcv + interval '2 days' END,
                       least(rcv + make_interval(days => (i % 30)), CAST(:now AS timestamptz)), 5000 + i % 3000, (i % 17 = 0)::int, (st = 5)::int,
                       CASE WHEN st IN (3, 7, 8, 9, 10) THEN least(rcv + make_interval(days => 3 + (i % 20)), CAST(:now AS timestamptz)) END,
                       CASE WHEN st IN (3, 7, 8, 9, 10) THEN 5000 + i % 3000 END, 5000 + (i * 3) % 3000,
                       CASE WHEN st IN (9, 10) THEN (ARRAY['EARLY', 'ON_TIME', 'ON_TIME', 'LATE'])[1 + i % 4] END, 3, 0
                FROM (SELECT i, CAST(:now AS timestamptz) - make_interval(secs => ((i::bigint * 7919) % 31536000)::float8) AS rcv,
                             (ARRAY[10,10,10,10,10,10,10,10,10,10,10,10,9,4,4,4,2,5,6,3,8,7,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,
                                    10,10,10,10,10,10,10,9,4,4,4,4,4,4,4,4,4,4,4,2,2,5,5,5,6,3,3,3,3,8,8,8,8,7,7,7,7,9,9,10,
                                    10,10,10,10,10,10,10,10,10,10,10,10,10,4,4,5,3,8,7,10])[1 + (i * 31) % 100] AS st
                      FROM generate_series(1, CAST(:rows AS int)) AS i) g
                """).param("now", java.sql.Timestamp.from(NOW)).param("rows", rows).update();
        jdbc.sql("VACUUM ANALYZE sv_dossier").update();
        System.out.printf("generated %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    }

    private SupervisionDashboardBenchmark() {
    }
}
