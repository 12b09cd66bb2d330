package vn.motcua.audit;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotCuaApplication;

/**
 * The audit trail at a province's size, measured: starts the application on a
 * random port over its own database ({@code motcua_bench_audit}, created when
 * missing, demo profile), makes sure the trail holds at least
 * {@code bench.entries} (1,000,000) entries, appending generated ones (two
 * years of dossier acts, logins, API-key calls, downloads, views… by 3,000
 * officers of 600 units over 200,000 dossiers) chained like the application
 * chains them ({@link AuditChain}), with PostgreSQL's COPY; then
 * <ol>
 * <li>walks the chain {@code bench.verifies} (3) times through
 * {@code GET /api/v1/audit/verify} and reports the entries per second the
 * walk itself measured, and</li>
 * <li>sends {@code bench.warmup} (300) and then {@code bench.requests} (2,000)
 * searches one after another to {@code GET /api/v1/audit} (actor, actor and
 * month, unit, unit and kind, dossier, kind and week, one day, a subject, a
 * busy machine client, a busy kind, nothing) and reports the latency
 * percentiles of the whole round trip, each kind of search and all together.</li>
 * </ol>
 * The calls use the demo API key (a supervisor-level service account), so each
 * search also writes its two entries to the trail (the key's use and the search),
 * as in production.
 *
 * <p>Not a test (Surefire leaves out {@code *Benchmark*}); run it with the
 * command in {@code docs/benchmarks.md}.
 */
public final class AuditTrailBenchmark {

    static final String KEY = "mc_demo_key_local_only_9f3a2c7e";
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int STAFF = 3000;
    static final int UNITS = 600;
    static final int DOSSIERS = 200_000;
    static final String[] ACTS = {"file", "receive", "forward", "forward", "request-supplement", "supplement-received",
        "complete", "return"};
    static final String[] DETAILS = {"procedure: 1.001234; handling unit: 1203; channel: IN_PERSON; {stepTiming=ON_TIME}",
        "procedure: 2.000487; channel: ONLINE", "procedure: 1.010932; assignee: 4421; {timing=EARLY}",
        "Hồ sơ đăng ký hộ kinh doanh — chuyển Phòng Tài chính - Kế hoạch thẩm định"};

    private AuditTrailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "motcua_bench_audit");
        int entries = Integer.getInteger("bench.entries", 1_000_000);
        int requests = Integer.getInteger("bench.requests", 2000);
        int warmup = Integer.getInteger("bench.warmup", 300);
        int verifies = Integer.getInteger("bench.verifies", 3);

        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MotCuaApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://" + env("MOTCUA_DB_HOST", "localhost") + ":"
                                + env("MOTCUA_DB_PORT", "5432") + "/" + db,
                        "--logging.level.root=WARN", "--logging.level.vn.motcua=WARN", "--spring.thymeleaf.cache=true");
        int status = 0;
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(ds);
            long have = jdbc.sql("SELECT seq FROM audit_chain_head").query(Long.class).single();
            Instant now = Instant.now();
            if (have < entries) {
                long t0 = System.nanoTime();
                generate(ds, entries - (int) have, now);
                jdbc.sql("VACUUM (ANALYZE) audit_entry").update(); // as autovacuum would soon: the visibility map lets counts read the index alone
                System.out.printf("Generated %,d entries in %.1f s%n", entries - have, (System.nanoTime() - t0) / 1e9);
            }
            long size = jdbc.sql("SELECT seq FROM audit_chain_head").query(Long.class).single();
            String bytes = jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('audit_entry'))").query(String.class).single();
            System.out.printf("Trail: %,d entries, %s with indexes%n", size, bytes);

            String base = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

            // 1. verification
            List<Double> rates = new ArrayList<>();
            for (int i = 0; i < verifies; i++) {
                long t0 = System.nanoTime();
                String body = get(http, base + "/api/v1/audit/verify");
                double wall = (System.nanoTime() - t0) / 1e6;
                long n = Long.parseLong(field(body, "entries"));
                long ms = Long.parseLong(field(body, "elapsedMs"));
                double rate = n * 1000.0 / Math.max(1, ms);
                rates.add(rate);
                System.out.printf("Verify %d: ok=%s, %,d entries in %,d ms (%,.0f entries/s; round trip %.0f ms)%n", i + 1,
                        field(body, "ok"), n, ms, rate, wall);
            }
            rates.sort(null);
            System.out.printf("Verify median: %,.0f entries/s%n", rates.get(rates.size() / 2));

            // 2. searches
            Random r = new Random(42);
            LocalDate lastDay = LocalDate.ofInstant(now, ZONE);
            Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
            kinds.put("actor", () -> "actor=" + staff(r.nextInt(STAFF)));
            kinds.put("actor+month", () -> {
                LocalDate d = lastDay.minusDays(r.nextInt(700));
                return "actor=" + staff(r.nextInt(STAFF)) + "&from=" + d.minusDays(30) + "&to=" + d;
            });
            kinds.put("unit", () -> "unit=" + unit(r.nextInt(UNITS)));
            kinds.put("unit+kind", () -> "unit=" + unit(r.nextInt(UNITS)) + "&kind=dossier.receive");
            kinds.put("dossier", () -> "dossier=" + dossier(r.nextInt(DOSSIERS)));
            kinds.put("kind+week", () -> {
                LocalDate d = lastDay.minusDays(r.nextInt(700));
                return "kind=staff.login.failed&from=" + d.minusDays(7) + "&to=" + d;
            });
            kinds.put("day", () -> {
                String d = lastDay.minusDays(r.nextInt(700)).toString();
                return "from=" + d + "&to=" + d;
            });
            kinds.put("subject", () -> "subjectType=staff&subjectId=" + (10_000 + r.nextInt(STAFF)));
            kinds.put("busy-actor", () -> "actor=hethong.dvcqg");
            kinds.put("busy-kind", () -> "kind=dossier.forward");
            kinds.put("deep-page", () -> "actor=" + staff(r.nextInt(STAFF)) + "&page=3");
            kinds.put("nothing", () -> "");
            List<String> names = new ArrayList<>(kinds.keySet());
            for (int i = 0; i < warmup; i++) {
                get(http, base + "/api/v1/audit?" + kinds.get(names.get(i % names.size())).get());
            }
            Map<String, List<Double>> times = new LinkedHashMap<>();
            List<Double> all = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String name = names.get(i % names.size());
                String url = base + "/api/v1/audit?" + kinds.get(name).get();
                long t0 = System.nanoTime();
                get(http, url);
                double ms = (System.nanoTime() - t0) / 1e6;
                times.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
                all.add(ms);
            }
            System.out.println("Search latency (ms): kind, n, p50, p95, p99, max");
            for (Map.Entry<String, List<Double>> e : times.entrySet()) {
                print(e.getKey(), e.getValue());
            }
            print("ALL", all);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            ctx.close();
        }
        System.exit(status);
    }

    static String staff(int i) {
        return "cb.u" + (i % UNITS) + "." + i;
    }

    static long unit(int i) {
        return 100_000L + i;
    }

    static String dossier(int i) {
        return String.format("000.%02d.%02d.H40-%06d", i % 100, (i / 100) % 100, i);
    }

    private static void print(String name, List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        System.out.printf("%-12s %5d %7.1f %7.1f %7.1f %7.1f%n", name, s.size(), pct(s, 50), pct(s, 95), pct(s, 99), s.get(s.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    /** A top-level scalar of a small JSON answer. */
    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":");
        int start = i + name.length() + 3;
        int end = start;
        while (end < json.length() && ",}".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(start, end).replace("\"", "");
    }

    /** Appends {@code n} generated entries after the chain's head, spread over the two years before {@code now}. */
    static void generate(DataSource ds, int n, Instant now) throws Exception {
        Random r = new Random(7);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long seq;
            byte[] prev;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT seq, hash FROM audit_chain_head FOR UPDATE")) {
                rs.next();
                seq = rs.getLong(1);
                prev = rs.getBytes(2);
            }
            Instant start = now.minus(730, ChronoUnit.DAYS);
            long spanMicros = ChronoUnit.MICROS.between(start, now.minus(1, ChronoUnit.HOURS));
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY audit_entry (seq, at, kind, actor, unit_id, subject_type, subject_id, dossier_code, detail, reason,"
                    + " address, changes, event_key, prev_hash, hash) FROM STDIN (FORMAT csv)";
            var sha = AuditChain.digest();
            HexFormat hex = HexFormat.of();
            int[] actIndex = new int[DOSSIERS];
            StringBuilder b = new StringBuilder(1 << 24);
            for (int i = 0; i < n; i++) {
                seq++;
                Instant at = AuditChain.stored(start.plus(spanMicros * i / n, ChronoUnit.MICROS));
                int s = skewed(r, STAFF);
                String actor = staff(s);
                Long unitId = unit(s % UNITS);
                String kind;
                String subjectType;
                String subjectId;
                String dossierCode = null;
                String detail = null;
                String reason = null;
                String address = "10.20." + r.nextInt(256) + "." + r.nextInt(256);
                String changes = null;
                String eventKey = null;
                int k = r.nextInt(100);
                if (k < 65) {
                    // dossiers are worked on in time order: the i-th entry touches one of the dossiers of its time
                    int d = Math.min(DOSSIERS - 1, (int) ((long) i * DOSSIERS / n) + r.nextInt(50));
                    dossierCode = dossier(d);
                    int v = actIndex[d]++;
                    String act = v < 2 ? ACTS[v] : ACTS[2 + r.nextInt(ACTS.length - 2)];
                    kind = "dossier." + act;
                    subjectType = "dossier-act";
                    subjectId = dossierCode + "/" + v + "/0";
                    eventKey = "dossier-act:" + subjectId;
                    detail = DETAILS[r.nextInt(DETAILS.length)];
                    changes = "[{\"field\":\"status\",\"old\":\"" + (2 + r.nextInt(3)) + "\",\"new\":\"" + (4 + r.nextInt(6)) + "\"}]";
                    address = null;
                    if (act.equals("request-supplement")) {
                        reason = "Thiếu bản sao giấy chứng nhận quyền sử dụng đất";
                    }
                } else if (k < 75) {
                    kind = "staff.login.succeeded";
                    subjectType = "staff";
                    subjectId = String.valueOf(10_000 + s);
                } else if (k < 77) {
                    kind = "staff.login.failed";
                    subjectType = "staff";
                    subjectId = String.valueOf(10_000 + s);
                    reason = "BAD_CREDENTIALS";
                } else if (k < 85) {
                    kind = "api-key.used";
                    actor = "hethong.dvcqg";
                    unitId = 1L;
                    subjectType = "api-key";
                    subjectId = "mc_demo_";
                    detail = "GET /api/v1/dossiers/" + dossier(r.nextInt(DOSSIERS)) + " → 200";
                } else if (k < 90) {
                    kind = "file.downloaded";
                    subjectType = "file";
                    subjectId = new java.util.UUID(r.nextLong(), r.nextLong()).toString();
                    dossierCode = dossier(r.nextInt(DOSSIERS));
                    detail = "Tờ khai đề nghị.pdf (application/pdf, 183204 bytes); owner staff:" + actor;
                } else if (k < 93) {
                    kind = "citizen.login.succeeded";
                    actor = "citizen:0400" + String.format("%08d", r.nextInt(1_000_000));
                    unitId = null;
                    subjectType = "citizen";
                    subjectId = actor.substring(8);
                } else if (k < 95) {
                    kind = "citizen.account.viewed";
                    subjectType = "citizen";
                    subjectId = "0400" + String.format("%08d", r.nextInt(1_000_000));
                    detail = "account card at the desk";
                } else if (k < 97) {
                    kind = "dossier.slip.downloaded";
                    dossierCode = dossier(r.nextInt(DOSSIERS));
                    subjectType = "dossier";
                    subjectId = dossierCode;
                    detail = "slip receipt";
                } else if (k < 98) {
                    kind = "warehouse.personal-data.viewed";
                    subjectType = "warehouse-owner";
                    subjectId = "0400" + String.format("%08d", r.nextInt(1_000_000));
                    reason = "Xác minh hồ sơ theo đề nghị của Phòng Tư pháp";
                } else if (k < 99) {
                    kind = "dossier.act-refused";
                    dossierCode = dossier(r.nextInt(DOSSIERS));
                    subjectType = "dossier-act";
                    subjectId = dossierCode + "/refused";
                    reason = "supplement-once";
                    eventKey = "dossier-act:" + subjectId + "/" + seq;
                } else {
                    kind = "staff.account.edited";
                    actor = "admin";
                    unitId = 1L;
                    subjectType = "staff";
                    subjectId = String.valueOf(10_000 + r.nextInt(STAFF));
                    changes = "[{\"field\":\"fullName\",\"old\":\"Nguyễn Văn A\",\"new\":\"Nguyễn Văn Á\"}]";
                }
                byte[] hash = AuditChain.hash(sha, prev, AuditChain.canonical(seq, at, kind, actor, unitId, subjectType, subjectId,
                        dossierCode, detail, reason, address, changes, eventKey));
                b.append(seq).append(',').append(AuditChain.formatAt(at)).append(',');
                csv(b, kind).append(',');
                csv(b, actor).append(',');
                b.append(unitId == null ? "" : unitId.toString()).append(',');
                csv(b, subjectType).append(',');
                csv(b, subjectId).append(',');
                csv(b, dossierCode).append(',');
                csv(b, detail).append(',');
                csv(b, reason).append(',');
                csv(b, address).append(',');
                csv(b, changes).append(',');
                csv(b, eventKey).append(',');
                b.append("\\x").append(hex.formatHex(prev)).append(',').append("\\x").append(hex.formatHex(hash)).append('\n');
                prev = hash;
                if (b.length() > (1 << 23) || i == n - 1) {
                    copy.copyIn(sql, new StringReader(b.toString()));
                    b.setLength(0);
                }
            }
            try (var ps = c.prepareStatement("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.setBytes(2, prev);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    /** A few officers do much of the work: index in [0, n) with a quadratic skew. */
    private static int skewed(Random r, int n) {
        double x = r.nextDouble();
        return (int) (x * x * n);
    }

    private static StringBuilder csv(StringBuilder b, String v) {
        if (v == null) {
            return b;
        }
        return b.append('"').append(v.replace("\"", "\"\"")).append('"');
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
