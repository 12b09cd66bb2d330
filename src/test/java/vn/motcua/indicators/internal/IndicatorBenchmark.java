package vn.motcua.indicators.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierActs;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organization.UnitId;

/**
 * The indicators' read model at provincial scale, on a database of its own
 * holding only the module's tables (V26, V28): not a test.
 *
 * <ol>
 * <li>Catch-up: the listener's storage work ({@link FactStore#save}: read the
 * fact row, upsert it, add the difference to the per-day aggregates) for
 * {@code --events} events (file, receive, forward, complete, return of
 * dossiers), committed every 100 events, as a catch-up through the live path would; events per second.</li>
 * <li>Replay: the rebuild's projection ({@link IndicatorReadModel#fold} and {@link FactStore#writeAll}) on
 * {@code --events} replayed acts (5 per dossier), pages of 1,000 dossiers, into an empty read model and again
 * over it; events per second. The reading of the histories from the dossier tables is not in it.</li>
 * <li>Live: the live listener's storage work per act (lock the row, build the facts, upsert, move the
 * aggregates), each act committed on its own; p50, p95 and mean per act.</li>
 * <li>Fill: {@code --dossiers} dossiers over {@code --units} scoring units
 * and two years (2025–2026), their facts written in bulk and the per-day
 * aggregates summed from them (what the listener would have left).</li>
 * <li>Index: {@link IndexQueries#counts} plus the method in force and the
 * scoring, for one random unit and a random quarter, {@code --requests}
 * times: p50, p95, max in ms.</li>
 * <li>Ranking: the counts of every unit for a year ({@link IndexQueries#countsByUnit})
 * and the scoring of each, 20 times: median and max.</li>
 * </ol>
 * Arguments: {@code --url=} (jdbc:postgresql://localhost:5432/motcua_indicators_bench; created when missing),
 * {@code --keep} (keep the facts of an earlier run of the same size: with {@code --events=0}, time the reads again),
 * {@code --dossiers=} (1000000), {@code --units=} (200), {@code --events=} (50000), {@code --requests=} (300).
 */
public final class IndicatorBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (s.startsWith("--") && eq > 0) {
                a.put(s.substring(2, eq), s.substring(eq + 1));
            } else if (s.startsWith("--")) {
                a.put(s.substring(2), "true"); // a flag such as --keep
            }
        }
        String url = a.getOrDefault("url", "jdbc:postgresql://localhost:5432/motcua_indicators_bench");
        int dossiers = Integer.parseInt(a.getOrDefault("dossiers", "1000000"));
        int units = Integer.parseInt(a.getOrDefault("units", "200"));
        int events = Integer.parseInt(a.getOrDefault("events", "50000"));
        int requests = Integer.parseInt(a.getOrDefault("requests", "300"));
        createDatabase(url);
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            schema(c, a.containsKey("keep"));
            if (events > 0) {
                catchUp(c, events);
                replay(c, events);
                live(c, Math.min(events, 5000));
            }
            if (a.containsKey("keep") && count(c) == dossiers) {
                System.out.printf("kept the %,d dossiers filled before%n", dossiers);
            } else {
                fill(c, dossiers, units);
            }
            c.setAutoCommit(true);
            SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
            JdbcClient jdbc = JdbcClient.create(ds);
            IndexQueries q = new IndexQueries(jdbc);
            MethodStore method = new MethodStore(jdbc);
            Scoring.Labels labels = new Scoring.Labels(g -> g.name(), i -> i.name());
            Random rnd = new Random(11);
            // index of one unit for a quarter
            for (int warm = 0; warm < 50; warm++) {
                index(q, method, labels, 1 + rnd.nextInt(units), quarter(rnd));
            }
            long[] ms = new long[requests];
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                index(q, method, labels, 1 + rnd.nextInt(units), quarter(rnd));
                ms[i] = System.nanoTime() - t0;
            }
            Arrays.sort(ms);
            System.out.printf("index (one unit, a quarter) over %,d dossiers: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n",
                    dossiers, ms[requests / 2] / 1e6, ms[(int) (requests * 0.95)] / 1e6, ms[requests - 1] / 1e6, requests);
            // province ranking for a year
            long[] rk = new long[20];
            for (int i = 0; i < 3; i++) {
                ranking(q, method, labels, 2025 + (i % 2));
            }
            for (int i = 0; i < rk.length; i++) {
                long t0 = System.nanoTime();
                ranking(q, method, labels, 2025 + (i % 2));
                rk[i] = System.nanoTime() - t0;
            }
            Arrays.sort(rk);
            System.out.printf("ranking (every unit, a year; the dossier facts' indicators) over %,d dossiers: median %.1f ms, max %.1f ms%n",
                    dossiers, rk[rk.length / 2] / 1e6, rk[rk.length - 1] / 1e6);
            // the same with the indicators of the other modules' events, as the page computes it
            for (boolean connected : new boolean[]{false, true}) {
                SourceQueries sq = sourceQueries(jdbc, connected);
                for (int i = 0; i < 3; i++) {
                    ranking(q, sq, method, labels, 2025 + (i % 2));
                }
                for (int i = 0; i < rk.length; i++) {
                    long t0 = System.nanoTime();
                    ranking(q, sq, method, labels, 2025 + (i % 2));
                    rk[i] = System.nanoTime() - t0;
                }
                Arrays.sort(rk);
                System.out.printf("ranking (every unit, a year; every indicator, national systems %s) over %,d dossiers: "
                                + "median %.1f ms, max %.1f ms%n", connected ? "connected" : "not connected", dossiers,
                        rk[rk.length / 2] / 1e6, rk[rk.length - 1] / 1e6);
            }
        }
    }

    static LocalDate[] quarter(Random rnd) {
        int year = 2025 + rnd.nextInt(2);
        int q = rnd.nextInt(4);
        LocalDate from = LocalDate.of(year, q * 3 + 1, 1);
        return new LocalDate[]{from, from.plusMonths(3).minusDays(1)};
    }

    static void index(IndexQueries q, MethodStore method, Scoring.Labels labels, long unit, LocalDate[] p) {
        IndexQueries.Counts c = q.counts(new Long[]{unit}, p[0], p[1]);
        Scoring.score(new vn.motcua.indicators.IndexView.UnitRef(unit, "", ""), p[0], p[1], c.fractions(),
                method.weightsOn(p[1]), method.bandsOn(p[1]), labels);
    }

    static void ranking(IndexQueries q, MethodStore method, Scoring.Labels labels, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<Long, IndexQueries.Counts> byUnit = q.countsByUnit(null, from, to);
        var weights = method.weightsOn(to);
        var bands = method.bandsOn(to);
        List<vn.motcua.indicators.IndexView> views = new ArrayList<>();
        byUnit.forEach((unit, c) -> views.add(Scoring.score(new vn.motcua.indicators.IndexView.UnitRef(unit, "", ""), from, to,
                c.fractions(), weights, bands, labels)));
        views.sort(java.util.Comparator.comparing(vn.motcua.indicators.IndexView::total));
    }

    /** The sources' queries with the three national systems connected or not; half of the procedures take a fee. */
    static SourceQueries sourceQueries(JdbcClient jdbc, boolean connected) {
        return new SourceQueries(jdbc, new IndicatorSources(system -> connected));
    }

    /** The ranking as {@code IndexEngine.ranking} computes it: both kinds of counts, then the scoring of each unit. */
    static void ranking(IndexQueries q, SourceQueries sq, MethodStore method, Scoring.Labels labels, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<Long, IndexQueries.Counts> byUnit = q.countsByUnit(null, from, to);
        Map<Long, SourceQueries.Counts> sources = sq.countsByUnit(null, from, to);
        var weights = method.weightsOn(to);
        var bands = method.bandsOn(to);
        List<vn.motcua.indicators.IndexView> views = new ArrayList<>();
        byUnit.forEach((unit, c) -> {
            Map<vn.motcua.indicators.Indicator, Scoring.Fraction> f = new java.util.EnumMap<>(vn.motcua.indicators.Indicator.class);
            f.putAll(c.fractions());
            f.putAll(sources.getOrDefault(unit, new SourceQueries.Counts()).fractions(c));
            views.add(Scoring.score(new vn.motcua.indicators.IndexView.UnitRef(unit, "", ""), from, to, f, weights, bands, labels));
        });
        views.sort(java.util.Comparator.comparing(vn.motcua.indicators.IndexView::total));
    }

    static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM ind_dossier");
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The acts of one generated dossier (file, receive, forward, complete, return), as the dossier module replays them. */
    static DossierActs history(String code, Random rnd) {
        long unit = 1 + rnd.nextInt(200);
        Instant received = Instant.parse("2025-01-01T02:00:00Z").plusSeconds(rnd.nextInt(700) * 86_400L);
        Instant due = received.plusSeconds(7 * 86_400L);
        Instant end = received.plusSeconds((2 + rnd.nextInt(10)) * 86_400L);
        boolean online = rnd.nextInt(3) == 0;
        Channel ch = online ? Channel.ONLINE : Channel.IN_PERSON;
        UnitId u = new UnitId(unit);
        int version = 7;
        List<DossierActed> acts = new ArrayList<>(5);
        acts.add(new DossierActed(code, version, 0, Action.FILE, null, DossierStatus.NEW, null, "Cổng", u, "1.000001", u, null,
                null, ch, received, null, null, null, null, Map.of("channel", ch.name()), 0, 0));
        acts.add(new DossierActed(code, version, 1, Action.RECEIVE, DossierStatus.NEW, DossierStatus.RECEIVED, null, "Một cửa",
                u, "1.000001", u, u, null, ch, received, received, due, null, null, Map.of(), 0, 0));
        acts.add(new DossierActed(code, version, 2, Action.FORWARD, DossierStatus.RECEIVED, DossierStatus.PROCESSING, null,
                "Một cửa", u, "1.000001", u, u, null, ch, received, received, due, null, null, Map.of(), 0, 0));
        acts.add(new DossierActed(code, version, 3, Action.COMPLETE, DossierStatus.PROCESSING, DossierStatus.DONE, null,
                "Lãnh đạo", u, "1.000001", u, u, null, ch, end, received, due, null, null,
                Map.of("timing", end.isAfter(due) ? "LATE" : "EARLY"), 0, 0));
        acts.add(new DossierActed(code, version, 4, Action.RETURN, DossierStatus.DONE, DossierStatus.RETURNED, null, "Một cửa",
                u, "1.000001", u, u, null, ch, end, received, due, null, null, Map.of("channel", "IN_PERSON"), 0, 0));
        return new DossierActs(code, version, acts, online ? "F-" + code : null,
                List.of(new ComponentItem("Tờ khai", 1, 0, online ? "S-" + code : null, online ? 1 : 0)));
    }

    /**
     * The rebuild's projection on replayed histories: per page of 1,000
     * dossiers (one transaction), lock the rows held, fold each dossier's acts
     * with the live path's code, write the page ({@link FactStore#writeAll}).
     * Run twice: into an empty read model (the back-fill) and again over it
     * (a rebuild that finds everything as held). The reading of the histories
     * from the dossier tables is not in this figure.
     */
    static void replay(Connection c, int events) throws Exception {
        c.setAutoCommit(false);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
        FactStore store = new FactStore(JdbcClient.create(ds));
        IndicatorReadModel model = new IndicatorReadModel(store, null, null, null, null);
        int n = events / 5;
        List<DossierActs> all = new ArrayList<>(n);
        Random rnd = new Random(7);
        for (int d = 0; d < n; d++) {
            all.add(history(String.format("R-%09d", d), rnd));
        }
        for (String pass : new String[]{"into an empty read model", "again over the same (nothing to change)"}) {
            long t0 = System.nanoTime();
            int acts = 0;
            for (int from = 0; from < n; from += 1000) {
                List<DossierActs> page = all.subList(from, Math.min(n, from + 1000));
                List<String> codes = new ArrayList<>(page.size());
                page.forEach(p -> codes.add(p.code()));
                Map<String, DossierFact> held = store.lockAll(codes);
                Map<String, DossierFact.Marks> marks = store.marks(codes);
                List<DossierFact> rebuilt = new ArrayList<>(page.size());
                for (DossierActs p : page) {
                    rebuilt.add(model.fold(p, sourcesWith(p, marks)));
                    acts += p.acts().size();
                }
                store.writeAll(held, rebuilt);
                c.commit();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("replay %s: %,d events (%,d dossiers) in %.2f s = %,.0f events/s (pages of 1,000)%n", pass, acts, n,
                    s, acts / s);
        }
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE ind_dossier, ind_unit_day, ind_unit_month_end_open, ind_unit_month_procedure, ind_dossier_mark");
        }
    }

    /**
     * The live path's storage work per act (lock the row, build the facts,
     * upsert them, move the aggregates), each act in its own transaction as
     * in the application; the commit is not counted (the act's own commit
     * carries it). Per-act p50, p95 and mean.
     */
    static void live(Connection c, int events) throws Exception {
        c.setAutoCommit(false);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
        FactStore store = new FactStore(JdbcClient.create(ds));
        IndicatorReadModel model = new IndicatorReadModel(store, null, null, null, null);
        Random rnd = new Random(9);
        long[] ns = new long[events];
        int k = 0;
        long total = 0;
        for (int d = 0; k < events; d++) {
            DossierActs h = history(String.format("L-%09d", d), rnd);
            for (DossierActed e : h.acts()) {
                if (k == events) {
                    break;
                }
                long t0 = System.nanoTime();
                DossierFact before = store.lock(e.code()).orElse(null);
                DossierFact after = model.next(before, e, sourcesWith(h, Map.of()));
                if (before == null) {
                    store.insertNew(after);
                } else {
                    store.save(before, after);
                }
                ns[k] = System.nanoTime() - t0;
                total += ns[k];
                k++;
                c.commit();
            }
        }
        Arrays.sort(ns);
        System.out.printf("live path: %,d acts, per act p50 %.2f ms, p95 %.2f ms, mean %.2f ms (commit not counted)%n", events,
                ns[events / 2] / 1e6, ns[(int) (events * 0.95)] / 1e6, total / 1e6 / events);
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE ind_dossier, ind_unit_day, ind_unit_month_end_open, ind_unit_month_procedure, ind_dossier_mark");
        }
    }

    static IndicatorReadModel.Sources sourcesWith(DossierActs h, Map<String, DossierFact.Marks> marks) {
        return new IndicatorReadModel.Sources() {
            @Override
            public java.util.Optional<vn.motcua.catalog.ProcedureDetail> procedure(String code) {
                return java.util.Optional.empty();
            }

            @Override
            public IndicatorReadModel.Papers papers(String code) {
                return new IndicatorReadModel.Papers(h.resultFileId(), h.components());
            }

            @Override
            public long scoringUnit(UnitId unit) {
                return unit.value();
            }

            @Override
            public boolean isScored(long unit) {
                return true;
            }

            @Override
            public DossierFact.Marks marks(String code) {
                return marks.getOrDefault(code, DossierFact.Marks.NONE);
            }
        };
    }

    static void createDatabase(String url) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        }
    }

    static void schema(Connection c, boolean keep) throws Exception {
        try (Statement s = c.createStatement()) {
            if (keep && s.executeQuery("SELECT to_regclass('ind_dossier') IS NOT NULL").next()) {
                var rs = s.executeQuery("SELECT to_regclass('ind_dossier') IS NOT NULL");
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            s.execute("DROP TABLE IF EXISTS ind_dossier, ind_unit_day, ind_weight, ind_band, ind_unit_month_end_open, "
                    + "ind_feedback, ind_dossier_mark, ind_dossier_complaint, ind_rebuild, ind_unit_month_procedure");
            for (String m : new String[]{"V26__indicators_read_model.sql", "V28__indicator_open_index.sql",
                "V39__indicators_read_model_rebuild.sql"}) {
                s.execute(migration(m));
            }
            s.execute(sourceTables());
            s.execute(migration(V41));
            s.execute(migration(V42));
        }
    }

    static final String V41 = "V41__indicators_open_at_month_end.sql";
    static final String V42 = "V42__indicator_sources_aggregated.sql";

    static String migration(String name) throws Exception {
        try (InputStream in = IndicatorBenchmark.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** V40's tables (the indicators' read model of the other modules' events), without its report template. */
    static String sourceTables() throws Exception {
        String v40 = migration("V40__indicator_sources.sql");
        return v40.substring(0, v40.indexOf("INSERT INTO ind_report_template"));
    }

    /**
     * The sources' read model, consistent with the facts' marks: the marks of
     * every dossier that has any, and PAKN (one per 50 dossiers, 90 %
     * answered).
     */
    static void fillSources(Statement s, int dossiers, int units) throws Exception {
        long t0 = System.nanoTime();
        s.execute("""
                INSERT INTO ind_dossier_mark (code, unsatisfied, synced_at, paid_at, population_at)
                SELECT code, dissatisfied, CASE WHEN synced THEN received_at + interval '1 hour' END,
                       CASE WHEN paid THEN received_at END, CASE WHEN population THEN received_at END
                FROM ind_dossier WHERE synced OR paid OR population OR dissatisfied""");
        s.execute("""
                INSERT INTO ind_feedback (code, unit_id, received_at, received_day, due_at, answered_at, answered_day, on_time, unsatisfied)
                SELECT 'PAKN-' || g, 1 + g %% %d, r, (r AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, r + interval '10 days',
                       CASE WHEN g %% 10 <> 0 THEN r + (g %% 15) * interval '1 day' END,
                       CASE WHEN g %% 10 <> 0 THEN ((r + (g %% 15) * interval '1 day') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END,
                       CASE WHEN g %% 10 <> 0 THEN g %% 15 <= 10 END, g %% 7 = 0
                FROM (SELECT g::bigint AS g, timestamptz '2025-01-01 08:00+07' + ((g::bigint * 104729) %% 63072000) * interval '1 second' AS r
                      FROM generate_series(1, %d) AS s (g)) x
                """.formatted(units, Math.max(1, dossiers / 50)));
        for (String t : new String[]{"ind_dossier_mark", "ind_feedback"}) {
            s.execute("VACUUM ANALYZE " + t);
        }
        System.out.printf("sources filled in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** The listener's storage work, event by event, committed every 100 events. */
    static void catchUp(Connection c, int events) throws Exception {
        c.setAutoCommit(false);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
        FactStore store = new FactStore(JdbcClient.create(ds));
        Random rnd = new Random(5);
        int perDossier = 5;
        int n = events / perDossier;
        long t0 = System.nanoTime();
        int done = 0;
        for (int d = 0; d < n; d++) {
            String code = "B-" + d;
            long unit = 1 + rnd.nextInt(200);
            Instant received = Instant.parse("2025-01-01T02:00:00Z").plusSeconds(rnd.nextInt(700) * 86_400L);
            LocalDate day = received.atZone(vn.motcua.calendar.CalendarService.ZONE).toLocalDate();
            Instant due = received.plusSeconds(7 * 86_400L);
            Instant end = received.plusSeconds((2 + rnd.nextInt(10)) * 86_400L);
            LocalDate endDay = end.atZone(vn.motcua.calendar.CalendarService.ZONE).toLocalDate();
            boolean online = rnd.nextInt(3) == 0;
            String timing = end.isAfter(due) ? "LATE" : "EARLY";
            DossierFact filed = fact(code, unit, "Lĩnh vực " + (unit % 12), online, 1, null, null, null, null, null, null, false, 0, 0);
            DossierFact rec = fact(code, unit, filed.field(), online, 2, received, day, due, null, null, null, false, 0, 1);
            DossierFact fwd = fact(code, unit, filed.field(), online, 4, received, day, due, null, null, null, false, 1, 0);
            DossierFact done9 = fact(code, unit, filed.field(), online, 9, received, day, due, end, endDay, timing, true, 2, 0);
            DossierFact ret = fact(code, unit, filed.field(), online, 10, received, day, due, end, endDay, timing, true, 3, 0);
            DossierFact[] chain = {filed, rec, fwd, done9, ret};
            for (DossierFact f : chain) {
                DossierFact before = store.find(code).orElse(null);
                store.save(before, f);
                if (++done % 100 == 0) {
                    c.commit();
                }
            }
        }
        c.commit();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("catch-up: %,d events in %.1f s = %,.0f events/s (commit every 100)%n", done, s, done / s);
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE ind_dossier, ind_unit_day, ind_unit_month_end_open, ind_unit_month_procedure, ind_dossier_mark");
        }
    }

    static DossierFact fact(String code, long unit, String field, boolean online, int status, Instant received, LocalDate day,
                            Instant due, Instant end, LocalDate endDay, String timing, boolean completed, int version, int index) {
        return new DossierFact(code, unit, unit, "1.000001", field, online ? "ONLINE" : "IN_PERSON", true, status, received,
                day, due, end, endDay, end == null ? null : "DONE", timing, completed, completed && online, false, false,
                null, null, null, 0, 0, version, index, online, new DossierFact.Marks(online, online, false, false));
    }

    /**
     * Bulk facts for two years, 5 % still open, each unit receiving dossiers of
     * 40 of the 400 procedures (half of them with a fee); 95 % acknowledged by
     * the national portal, a fifth filed with population data, most online
     * dossiers with a fee paid online, 1 % rated "not satisfied"; and the
     * aggregates summed from them (what the listeners would have left).
     */
    static void fill(Connection c, int dossiers, int units) throws Exception {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("""
                    INSERT INTO ind_dossier (code, unit_id, receiving_unit_id, procedure_code, field, channel, online_eligible,
                        status, received_at, received_day, appointment_at, finished_at, finished_day, outcome, timing, completed,
                        electronic_result, digitised, reused, last_version, last_index, fee, synced, paid, population,
                        dissatisfied)
                    SELECT 'G-' || g, u, u, '1.' || lpad(p::text, 6, '0'), 'Lĩnh vực ' || (u %% 12), CASE WHEN g %% 3 = 0 THEN 'ONLINE' ELSE 'IN_PERSON' END,
                        g %% 2 = 0, CASE WHEN open THEN 4 ELSE 10 END, r, (r AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
                        r + interval '7 days', CASE WHEN open THEN NULL ELSE r + d END,
                        CASE WHEN open THEN NULL ELSE ((r + d) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END,
                        CASE WHEN open THEN NULL ELSE 'RETURNED' END,
                        CASE WHEN open THEN NULL WHEN d > interval '7 days' THEN 'LATE' WHEN d < interval '6 days' THEN 'EARLY' ELSE 'ON_TIME' END,
                        NOT open, NOT open AND g %% 4 = 0, NOT open AND g %% 8 = 0, NOT open AND g %% 16 = 0, 3, 0,
                        p %% 2 = 0, g %% 20 <> 1, p %% 2 = 0 AND g %% 3 = 0 AND g %% 9 <> 0, g %% 5 = 0, g %% 100 = 7
                    FROM (SELECT g, u, (u * 37 + g %% 40) %% 400 AS p, r, d, open FROM (SELECT g, 1 + (g * 7919) %% %d AS u,
                                 timestamptz '2025-01-01 08:00+07' + ((g * 104729) %% 63072000) * interval '1 second' AS r,
                                 (1 + (g * 31) %% 12) * interval '1 day' AS d,
                                 (g %% 20 = 0) AS open
                          FROM (SELECT gs::bigint AS g FROM generate_series(1, %d) gs) s0) s1) x
                    """.formatted(units, dossiers));
            s.execute("""
                    INSERT INTO ind_unit_day (unit_id, day, field, received, received_online, eligible, eligible_online,
                        received_fee, received_fee_paid, received_synced, received_population)
                    SELECT unit_id, received_day, field, count(*), count(*) FILTER (WHERE channel = 'ONLINE'),
                           count(*) FILTER (WHERE online_eligible), count(*) FILTER (WHERE online_eligible AND channel = 'ONLINE'),
                           count(*) FILTER (WHERE fee), count(*) FILTER (WHERE fee AND paid), count(*) FILTER (WHERE synced),
                           count(*) FILTER (WHERE population)
                    FROM ind_dossier GROUP BY 1, 2, 3""");
            s.execute("""
                    INSERT INTO ind_unit_day AS a (unit_id, day, field, finished, finished_early, finished_on_time, finished_late,
                        completed, electronic_result, digitised, reused, finished_good_dissatisfied)
                    SELECT unit_id, finished_day, field, count(*), count(*) FILTER (WHERE timing = 'EARLY'),
                           count(*) FILTER (WHERE timing = 'ON_TIME'), count(*) FILTER (WHERE timing = 'LATE'),
                           count(*) FILTER (WHERE completed), count(*) FILTER (WHERE electronic_result),
                           count(*) FILTER (WHERE digitised), count(*) FILTER (WHERE reused),
                           count(*) FILTER (WHERE timing IN ('EARLY', 'ON_TIME') AND dissatisfied)
                    FROM ind_dossier WHERE finished_day IS NOT NULL GROUP BY 1, 2, 3
                    ON CONFLICT (unit_id, day, field) DO UPDATE SET finished = excluded.finished,
                        finished_early = excluded.finished_early, finished_on_time = excluded.finished_on_time,
                        finished_late = excluded.finished_late, completed = excluded.completed,
                        electronic_result = excluded.electronic_result, digitised = excluded.digitised, reused = excluded.reused,
                        finished_good_dissatisfied = excluded.finished_good_dissatisfied""");
            // the counts per month's end and per month and procedure, summed from the facts as V41 and V42 do
            String v41 = migration(V41);
            s.execute(v41.substring(v41.indexOf("INSERT INTO ind_unit_month_end_open")));
            String v42 = migration(V42);
            s.execute(v42.substring(v42.indexOf("INSERT INTO ind_unit_month_procedure")));
            s.execute("VACUUM ANALYZE ind_dossier");
            s.execute("VACUUM ANALYZE ind_unit_day");
            s.execute("VACUUM ANALYZE ind_unit_month_end_open");
            s.execute("VACUUM ANALYZE ind_unit_month_procedure");
            fillSources(s, dossiers, units);
            var rs = s.executeQuery("SELECT (SELECT count(*) FROM ind_dossier), (SELECT count(*) FROM ind_unit_day)");
            rs.next();
            System.out.printf("filled %,d dossiers, %,d aggregate rows in %.0f s%n", rs.getLong(1), rs.getLong(2),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
