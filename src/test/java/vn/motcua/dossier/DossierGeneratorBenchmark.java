package vn.motcua.dossier;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Provincial-scale data generator: fills a MotCua database with N dossiers
 * (default 1,000,000) spread over three years, with their components, steps,
 * hand-overs (form 06) and full history, by COPY.
 *
 * <p>The dossiers are not invented row by row. The demo profile builds a few
 * hundred dossiers through the aggregate (every status, early, on-time and
 * late steps, supplements, payments, apologies, refusals, withdrawals); the
 * generator takes those as templates and replays each one many times:
 * shifted back by a whole number of weeks (so weekdays and working hours stay
 * what the deadline engine produced), moved from its commune to another
 * commune's matching units, with a new applicant (Vietnamese name with
 * diacritics, citizen ID or tax code, phone), a new code from the per-unit,
 * per-day counter and a matching result number. Dossiers shifted back more
 * than two weeks are taken from the finished templates, except a small
 * backlog of old open ones, so inboxes hold what a real province would show.
 * The ids are taken from the sequences before the load and the counters in
 * {@code dossier_code_counter} are brought up to date at the end; still, run
 * it while nobody receives dossiers (a receipt during the load could take a
 * code the load also gives out).
 *
 * <p>Before the first run, start the application once with the demo profile
 * against the target database (it creates the schema, units, procedures and
 * the template dossiers). Not a test; run it with the command in
 * {@code docs/benchmarks.md}. Arguments: {@code --count=}, {@code --url=}
 * (JDBC URL, default {@code jdbc:postgresql://localhost:5432/motcua_scale}),
 * {@code --user=}, {@code --password=}, {@code --batch=} (dossiers per
 * transaction, 10000), {@code --weeks=} (156), {@code --seed=},
 * {@code --templates=} (320: the first dossiers by id, which the demo
 * profile loaded, are the templates), {@code --check-keys=true} (keep the foreign-key checks, which the load
 * otherwise skips for its own session: every id it writes comes from the
 * tables it has read, and skipping them needs a superuser).
 */
public final class DossierGeneratorBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Pattern ISO = Pattern.compile("\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?Z)\"");
    private static final Pattern TO_UNIT = Pattern.compile("\"toUnit\": (\\d+)");
    private static final Pattern RESULT = Pattern.compile("\"resultNumber\": \"KQ-\\d+\"");

    static final String DOSSIER_COLS = "id, code, procedure_code, procedure_version, procedure_name, case_id, case_name, channel, status,"
            + " applicant_kind, applicant_name, applicant_id_number, applicant_tax_code, applicant_phone, applicant_email,"
            + " applicant_address, receiving_unit_id, handling_unit_id, assignee_id, current_step, duration_amount, duration_unit,"
            + " fee_vnd, payment_amount_vnd, filed_at, received_at, appointment_at, original_appointment_at, paused_since,"
            + " paused_minutes, finished_at, returned_at, return_channel, result_number, result_file_id, supplement_count,"
            + " apology_count, supplement_items, version";
    static final String COMPONENT_COLS = "dossier_id, seq, name, originals, copies, file_id, digitization_state";
    static final String STEP_COLS = "dossier_id, seq, name, role, unit_id, assignee_id, share, due_at, started_at, finished_at";
    static final String HANDOVER_COLS = "dossier_id, seq, step_seq, from_unit_id, to_unit_id, handed_at, deliverer, receiver, step_due_at, timing";
    static final String HISTORY_COLS = "id, dossier_id, at, actor_id, actor_name, unit_id, action, from_status, to_status, reason, details";

    // dossier column indexes (see DOSSIER_COLS)
    private static final int D_ID = 0, D_CODE = 1, D_STATUS = 8, D_KIND = 9, D_NAME = 10, D_IDNO = 11, D_TAX = 12, D_PHONE = 13,
            D_RECV = 16, D_HAND = 17, D_RESULT = 33;
    private static final int[] D_TIMES = {24, 25, 26, 27, 28, 30, 31};

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
        "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Cao", "Thái", "Đinh", "Trịnh", "Lương", "Hà", "Tạ", "Quách", "Chu"};
    private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công", "Đình", "Bá", "Trọng", "Thế"};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Thùy", "Hồng", "Kim", "Mỹ", "Bích", "Diệu", "Khánh"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Long", "Nam", "Phúc",
        "Quân", "Sơn", "Tuấn", "Việt", "Thắng", "Đạt", "Khánh", "Lộc", "Toàn", "Trung", "Nghĩa", "Thịnh", "Vĩnh", "Huy", "Kiên"};
    private static final String[] GIVEN_F = {"Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Thảo",
        "Trang", "Yến", "Huyền", "Nhung", "Oanh", "Phương", "Quỳnh", "Vân", "Ánh", "Diệp", "Giang", "Loan", "Trâm", "Uyên", "Xuân"};
    private static final String[] ORG_KIND = {"Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã", "Doanh nghiệp tư nhân"};
    private static final String[] ORG_NAME = {"Thương mại Vinh Phát", "Xây dựng Sông Lam", "Nông sản Phủ Quỳ", "Du lịch Cửa Lò Xanh",
        "Dệt may Hưng Nguyên", "Vận tải Bến Thủy", "Thủy sản Quỳnh Lưu", "Gỗ mỹ nghệ Nam Đàn", "Cơ khí Hoàng Mai", "Dược phẩm Hồng Lam"};

    private record Template(String[] dossier, List<String[]> components, List<String[]> steps, List<String[]> handovers,
                            List<String[]> history, boolean finished) {
    }

    private record Batch(StringBuilder dossier, StringBuilder component, StringBuilder step, StringBuilder handover,
                         StringBuilder history, int dossiers, long rows) {
    }

    private static final Batch END = new Batch(null, null, null, null, null, 0, 0);

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (s.startsWith("--") && eq > 0) {
                a.put(s.substring(2, eq), s.substring(eq + 1));
            }
        }
        int count = Integer.parseInt(a.getOrDefault("count", "1000000"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "10000"));
        int weeks = Integer.parseInt(a.getOrDefault("weeks", "156"));
        long seed = Long.parseLong(a.getOrDefault("seed", "20261127"));
        String url = a.getOrDefault("url", "jdbc:postgresql://localhost:5432/motcua_scale");
        try (Connection c = DriverManager.getConnection(url, a.getOrDefault("user", "postgres"), a.getOrDefault("password", ""))) {
            new DossierGeneratorBenchmark(c, seed).run(count, batch, weeks, Boolean.parseBoolean(a.getOrDefault("check-keys", "false")),
                    Integer.parseInt(a.getOrDefault("templates", "320")));
        }
    }

    private final Connection c;
    private final CopyManager copy;
    private final Random rnd;
    private final List<Template> all = new ArrayList<>();
    private final List<Template> finished = new ArrayList<>();
    private final Map<Long, String> unitCode = new HashMap<>();
    private final Map<String, Long> unitByCode = new HashMap<>();
    private final Map<Long, String> deskShortName = new HashMap<>();
    private final List<String> communes = new ArrayList<>(); // commune numbers with a one-stop desk, busiest first
    private final Map<String, Integer> counters = new HashMap<>();
    private long nextDossierId;
    private long nextHistoryId;

    private DossierGeneratorBenchmark(Connection c, long seed) throws Exception {
        this.c = c;
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.rnd = new Random(seed);
    }

    private void run(int count, int batchSize, int weeks, boolean checkKeys, int templates) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("SET DateStyle = 'ISO, YMD'");
            s.execute("SET synchronous_commit = off");
            if (!checkKeys) {
                // The rows are consistent by construction (every id comes from the tables read above), so the
                // foreign-key triggers are skipped for this session only, as pg_restore does; needs a superuser.
                s.execute("SET session_replication_role = replica");
            }
        }
        loadUnits();
        loadTemplates(templates);
        loadCounters();
        reserveIds(count);
        System.out.printf("Templates: %d (%d finished); communes with a desk: %d; generating %,d dossiers over %d weeks%n",
                all.size(), finished.size(), communes.size(), count, weeks);
        c.setAutoCommit(false);
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
        Thread producer = new Thread(() -> {
            try {
                for (int done = 0; done < count; done += batchSize) {
                    queue.put(makeBatch(Math.min(batchSize, count - done), weeks));
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "generator");
        producer.setDaemon(true);
        producer.start();
        long start = System.nanoTime();
        long rows = 0;
        int dossiers = 0;
        long waited = 0;
        while (true) {
            long w0 = System.nanoTime();
            Batch b = queue.take();
            waited += System.nanoTime() - w0;
            if (b == END) {
                break;
            }
            copy.copyIn("COPY dossier (" + DOSSIER_COLS + ") FROM STDIN", new StringReader(b.dossier.toString()));
            copy.copyIn("COPY dossier_component (" + COMPONENT_COLS + ") FROM STDIN", new StringReader(b.component.toString()));
            copy.copyIn("COPY dossier_step (" + STEP_COLS + ") FROM STDIN", new StringReader(b.step.toString()));
            copy.copyIn("COPY dossier_handover (" + HANDOVER_COLS + ") FROM STDIN", new StringReader(b.handover.toString()));
            copy.copyIn("COPY dossier_history (" + HISTORY_COLS + ") FROM STDIN", new StringReader(b.history.toString()));
            c.commit();
            dossiers += b.dossiers;
            rows += b.rows;
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("%,11d dossiers %,12d rows  %6.1f s  %,8.0f dossiers/s  %,9.0f rows/s  (waiting for the generator: %.1f s)%n",
                    dossiers, rows, secs, dossiers / secs, rows / secs, waited / 1e9);
        }
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            StringBuilder counterRows = new StringBuilder();
            counters.forEach((k, v) -> counterRows.append(k).append('\t').append(v).append('\n'));
            s.execute("CREATE TEMP TABLE gen_counter (unit_id BIGINT, day DATE, last INT) ON COMMIT DROP");
            copy.copyIn("COPY gen_counter FROM STDIN", new StringReader(counterRows.toString()));
            s.execute("INSERT INTO dossier_code_counter (unit_id, day, last) SELECT unit_id, day, last FROM gen_counter"
                    + " ON CONFLICT (unit_id, day) DO UPDATE SET last = greatest(dossier_code_counter.last, EXCLUDED.last)");
            c.commit();
            c.setAutoCommit(true);
            s.execute("ANALYZE dossier, dossier_component, dossier_step, dossier_handover, dossier_history, dossier_code_counter");
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("Loaded %,d dossiers (%,d rows) in %.1f s (counters and ANALYZE: %.1f s): %,.0f dossiers/s, %,.0f rows/s%n",
                dossiers, rows, total, (System.nanoTime() - t) / 1e9, dossiers / total, rows / total);
    }

    // ---------------------------------------------------------------- loading

    private void loadUnits() throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, code, kind, level, name FROM unit WHERE dissolved_at IS NULL ORDER BY id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String code = rs.getString(2);
                unitCode.put(id, code);
                unitByCode.put(code, id);
                if ("ONE_STOP_DESK".equals(rs.getString(3)) && "COMMUNE".equals(rs.getString(4))) {
                    communes.add(commune(code));
                    deskShortName.put(id, rs.getString(5).replace("Trung tâm Phục vụ hành chính công ", ""));
                }
            }
        }
        if (communes.isEmpty()) {
            throw new IllegalStateException("No units: start the application once with the demo profile on this database");
        }
    }

    /** Commune number of a commune unit code such as 000.01.32.H40 (the third part). */
    private static String commune(String code) {
        String[] p = code.split("\\.");
        return p.length == 4 ? p[2] : null;
    }

    private void loadTemplates(int templates) throws Exception {
        // the demo dossiers come first; later runs append after them and must not take generated ones as templates
        String ids = "SELECT id FROM dossier ORDER BY id LIMIT " + templates;
        Map<String, List<String[]>> comps = byDossier(dump("SELECT " + COMPONENT_COLS + " FROM dossier_component WHERE dossier_id IN (" + ids + ") ORDER BY dossier_id, seq"));
        Map<String, List<String[]>> steps = byDossier(dump("SELECT " + STEP_COLS + " FROM dossier_step WHERE dossier_id IN (" + ids + ") ORDER BY dossier_id, seq"));
        Map<String, List<String[]>> hands = byDossier(dump("SELECT " + HANDOVER_COLS + " FROM dossier_handover WHERE dossier_id IN (" + ids + ") ORDER BY dossier_id, seq"));
        Map<String, List<String[]>> hist = new HashMap<>();
        for (String[] r : dump("SELECT " + HISTORY_COLS + " FROM dossier_history WHERE dossier_id IN (" + ids + ") ORDER BY dossier_id, id")) {
            hist.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r);
        }
        for (String[] d : dump("SELECT " + DOSSIER_COLS + " FROM dossier WHERE id IN (" + ids + ") ORDER BY id")) {
            int status = Integer.parseInt(d[D_STATUS]);
            Template t = new Template(d, comps.getOrDefault(d[D_ID], List.of()), steps.getOrDefault(d[D_ID], List.of()),
                    hands.getOrDefault(d[D_ID], List.of()), hist.getOrDefault(d[D_ID], List.of()),
                    status == 3 || status == 7 || status == 8 || status == 10);
            all.add(t);
            if (t.finished) {
                finished.add(t);
            }
        }
        if (finished.isEmpty()) {
            throw new IllegalStateException("No template dossiers: start the application once with the demo profile on this database");
        }
    }

    /**
     * Takes the id ranges this run writes from the sequences themselves, so a running application that files a
     * dossier meanwhile gets an id after them (a few unused history ids are left as gaps).
     */
    private void reserveIds(int count) throws Exception {
        int historyPerDossier = all.stream().mapToInt(t -> t.history.size()).max().orElse(1);
        nextDossierId = reserve("dossier", count);
        nextHistoryId = reserve("dossier_history", (long) count * historyPerDossier);
    }

    private long reserve(String table, long n) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT greatest(nextval(pg_get_serial_sequence('" + table + "', 'id')), coalesce((SELECT max(id) FROM " + table + "), 0) + 1)")) {
            rs.next();
            long first = rs.getLong(1);
            s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + (first + n - 1) + ")");
            return first;
        }
    }

    private static Map<String, List<String[]>> byDossier(List<String[]> rows) {
        Map<String, List<String[]>> out = new HashMap<>();
        for (String[] r : rows) {
            out.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private List<String[]> dump(String select) throws Exception {
        StringWriter w = new StringWriter();
        copy.copyOut("COPY (" + select + ") TO STDOUT", w);
        List<String[]> rows = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private void loadCounters() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT unit_id, day, last FROM dossier_code_counter")) {
            while (rs.next()) {
                counters.put(rs.getLong(1) + "\t" + rs.getString(2), rs.getInt(3));
            }
        }
    }

    // ------------------------------------------------------------- generating

    private Batch makeBatch(int n, int weeks) {
        StringBuilder d = new StringBuilder(n * 700), comp = new StringBuilder(n * 200), step = new StringBuilder(n * 500),
                hand = new StringBuilder(n * 400), hist = new StringBuilder(n * 1000);
        long rows = 0;
        for (int i = 0; i < n; i++) {
            rows += one(d, comp, step, hand, hist, weeks);
        }
        return new Batch(d, comp, step, hand, hist, n, rows);
    }

    private int one(StringBuilder out, StringBuilder comp, StringBuilder step, StringBuilder hand, StringBuilder hist, int weeks) {
        // volume grows over the years: the density of a week falls linearly with its age, to a third at the oldest
        int k;
        do {
            k = rnd.nextInt(weeks);
        } while (rnd.nextDouble() > 1.0 - (2.0 / 3.0) * k / weeks);
        boolean anyTemplate = k < 2 || rnd.nextInt(1000) < 3; // old open dossiers: a small backlog
        Template t = anyTemplate ? all.get(rnd.nextInt(all.size())) : finished.get(rnd.nextInt(finished.size()));
        long id = nextDossierId++;
        String ids = Long.toString(id);

        // another commune's desk and divisions for commune dossiers (busier communes first)
        long recv = Long.parseLong(t.dossier[D_RECV]);
        String srcCommune = deskShortName.containsKey(recv) ? commune(unitCode.get(recv)) : null;
        String dstCommune = srcCommune == null ? null : communes.get(skewed(communes.size()));
        Long dstDesk = dstCommune == null ? null : unitByCode.get("000.01." + dstCommune + ".H40");
        String srcName = srcCommune == null ? null : deskShortName.get(recv);
        String dstName = dstDesk == null ? null : deskShortName.get(dstDesk);

        String[] r = t.dossier.clone();
        r[D_ID] = ids;
        for (int col : D_TIMES) {
            r[col] = shift(r[col], k);
        }
        r[D_RECV] = unit(r[D_RECV], srcCommune, dstCommune);
        r[D_HAND] = unit(r[D_HAND], srcCommune, dstCommune);
        LocalDate day = LocalDateTime.parse(r[24].substring(0, 19), TS).atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toLocalDate();
        String key = r[D_RECV] + "\t" + day;
        int seq = counters.merge(key, 1, Integer::sum);
        r[D_CODE] = unitCode.get(Long.parseLong(r[D_RECV])) + "-" + DAY.format(day) + "-" + String.format("%04d", seq);
        String result = "KQ-" + r[D_CODE].substring(r[D_CODE].length() - 4);
        if (!"\\N".equals(r[D_RESULT])) {
            r[D_RESULT] = result;
        }
        applicant(r);
        line(out, r);
        int rows = 1;
        for (String[] x : t.components) {
            String[] y = x.clone();
            y[0] = ids;
            line(comp, y);
            rows++;
        }
        for (String[] x : t.steps) {
            String[] y = x.clone();
            y[0] = ids;
            y[4] = unit(y[4], srcCommune, dstCommune);
            y[7] = shift(y[7], k);
            y[8] = shift(y[8], k);
            y[9] = shift(y[9], k);
            line(step, y);
            rows++;
        }
        for (String[] x : t.handovers) {
            String[] y = x.clone();
            y[0] = ids;
            y[3] = unit(y[3], srcCommune, dstCommune);
            y[4] = unit(y[4], srcCommune, dstCommune);
            y[5] = shift(y[5], k);
            y[6] = rename(y[6], srcName, dstName);
            y[7] = rename(y[7], srcName, dstName);
            y[8] = shift(y[8], k);
            line(hand, y);
            rows++;
        }
        for (String[] x : t.history) {
            String[] y = x.clone();
            y[0] = Long.toString(nextHistoryId++);
            y[1] = ids;
            y[2] = shift(y[2], k);
            y[4] = rename(y[4], srcName, dstName);
            y[5] = unit(y[5], srcCommune, dstCommune);
            y[10] = details(y[10], k, srcCommune, dstCommune, result);
            line(hist, y);
            rows++;
        }
        return rows;
    }

    /** An index in [0, n) where the first values are the most likely (a few busy units, many quiet ones). */
    private int skewed(int n) {
        return (int) Math.floor(n * Math.pow(rnd.nextDouble(), 1.8));
    }

    private void applicant(String[] r) {
        if ("ORGANIZATION".equals(r[D_KIND])) {
            r[D_NAME] = ORG_KIND[rnd.nextInt(ORG_KIND.length)] + " " + ORG_NAME[rnd.nextInt(ORG_NAME.length)];
            r[D_TAX] = String.format("29%08d", rnd.nextInt(100_000_000));
            r[D_PHONE] = "0238" + (3_000_000 + rnd.nextInt(999_999));
            return;
        }
        boolean female = rnd.nextBoolean();
        r[D_NAME] = FAMILY[rnd.nextInt(FAMILY.length)] + " "
                + (female ? MIDDLE_F[rnd.nextInt(MIDDLE_F.length)] : MIDDLE_M[rnd.nextInt(MIDDLE_M.length)]) + " "
                + (female ? GIVEN_F[rnd.nextInt(GIVEN_F.length)] : GIVEN_M[rnd.nextInt(GIVEN_M.length)]);
        // citizen ID: province 040, century/sex digit, birth year, six random digits
        r[D_IDNO] = "040" + (female ? "3" : "2") + String.format("%02d%06d", rnd.nextInt(100), rnd.nextInt(1_000_000));
        r[D_PHONE] = "09" + String.format("%08d", rnd.nextInt(100_000_000));
    }

    private String unit(String id, String src, String dst) {
        if (src == null || dst == null || "\\N".equals(id)) {
            return id;
        }
        String code = unitCode.get(Long.parseLong(id));
        if (code == null || !src.equals(commune(code))) {
            return id;
        }
        Long mapped = unitByCode.get(code.substring(0, 7) + dst + code.substring(9));
        return mapped == null ? id : mapped.toString();
    }

    private static String rename(String text, String src, String dst) {
        return src == null || dst == null || "\\N".equals(text) ? text : text.replace(src, dst);
    }

    private String details(String json, int weeks, String src, String dst, String result) {
        if ("\\N".equals(json)) {
            return json;
        }
        String out = json;
        if (weeks > 0 && out.indexOf('T') >= 0) {
            Matcher m = ISO.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, "\"" + Instant.parse(m.group(1)).minusSeconds(weeks * 7L * 86_400L) + "\"");
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        if (src != null && out.contains("toUnit")) {
            Matcher m = TO_UNIT.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, "\"toUnit\": " + unit(m.group(1), src, dst));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        if (out.contains("resultNumber")) {
            out = RESULT.matcher(out).replaceAll("\"resultNumber\": \"" + result + "\"");
        }
        return out;
    }

    /** A COPY text timestamp ({@code 2026-11-02 00:30:00[.ffffff]+00}) moved back by whole weeks. */
    private static String shift(String ts, int weeks) {
        if (weeks == 0 || "\\N".equals(ts)) {
            return ts;
        }
        LocalDateTime t = LocalDateTime.parse(ts.substring(0, 19), TS).minusWeeks(weeks);
        return TS.format(t) + ts.substring(19);
    }

    private static void line(StringBuilder sb, String[] cols) {
        for (int i = 0; i < cols.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(cols[i]);
        }
        sb.append('\n');
    }
}
