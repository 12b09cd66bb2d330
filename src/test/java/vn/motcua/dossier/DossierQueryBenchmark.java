package vn.motcua.dossier;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Read paths over a generated database, through the real HTTP API: lookup by
 * dossier code, search by applicant name typed without diacritics, search by
 * citizen ID number, and the overdue and due-within-two-working-days inboxes
 * of the busiest unit. One client sends the requests one after another
 * (HTTP/1.1, keep-alive, the demo API key, which acts as a supervisor of the
 * whole province) and the latency of each whole round trip is recorded.
 *
 * <p>The application must already run against the generated database (see
 * {@code docs/benchmarks.md}); this class only reads sample values from the
 * database to build the requests. Not a test. Arguments: {@code --base=}
 * (http://localhost:8095), {@code --url=} (JDBC URL of the same database),
 * {@code --requests=} (per kind, 1000), {@code --warmup=} (per kind, 200),
 * {@code --key=}.
 */
public final class DossierQueryBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (s.startsWith("--") && eq > 0) {
                a.put(s.substring(2, eq), s.substring(eq + 1));
            }
        }
        String base = a.getOrDefault("base", "http://localhost:8095");
        String url = a.getOrDefault("url", "jdbc:postgresql://localhost:5432/motcua_scale");
        int requests = Integer.parseInt(a.getOrDefault("requests", "1000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "200"));
        String key = a.getOrDefault("key", "mc_demo_key_local_only_9f3a2c7e");
        Random rnd = new Random(7);

        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> idNumbers = new ArrayList<>();
        long busyUnit;
        long total;
        try (Connection c = DriverManager.getConnection(url, a.getOrDefault("user", "postgres"), a.getOrDefault("password", ""));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM dossier")) {
                rs.next();
                total = rs.getLong(1);
            }
            // a uniform sample of existing rows (TABLESAMPLE over the heap)
            try (ResultSet rs = s.executeQuery("SELECT code, applicant_name, applicant_id_number FROM dossier TABLESAMPLE SYSTEM (1) LIMIT 5000")) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                    if (rs.getString(3) != null) {
                        names.add(rs.getString(2));
                        idNumbers.add(rs.getString(3));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(handling_unit_id, receiving_unit_id) u, count(*) FROM dossier"
                    + " WHERE status IN (2, 4) GROUP BY 1 ORDER BY 2 DESC LIMIT 1")) {
                rs.next();
                busyUnit = rs.getLong(1);
            }
        }
        System.out.printf("%,d dossiers; sample of %,d codes and %,d applicants; busiest unit %d%n", total, codes.size(), names.size(), busyUnit);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, java.util.function.IntFunction<String>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("code lookup  GET /dossiers/{code}", i -> "/api/v1/dossiers/" + codes.get(rnd.nextInt(codes.size())));
        kinds.put("name search  GET /dossiers?q=<name, no diacritics>", i -> "/api/v1/dossiers?q=" + enc(fold(names.get(rnd.nextInt(names.size())))));
        kinds.put("ID search    GET /dossiers?q=<ID number>", i -> "/api/v1/dossiers?q=" + idNumbers.get(rnd.nextInt(idNumbers.size())));
        kinds.put("overdue      GET /dossiers?inbox=OVERDUE&unit=", i -> "/api/v1/dossiers?inbox=OVERDUE&unit=" + busyUnit + "&page=" + (i % 3));
        kinds.put("due soon     GET /dossiers?inbox=DUE_SOON&unit=", i -> "/api/v1/dossiers?inbox=DUE_SOON&unit=" + busyUnit);
        for (var k : kinds.entrySet()) {
            for (int i = 0; i < warmup; i++) {
                call(http, base, key, k.getValue().apply(i));
            }
            long[] ns = new long[requests];
            long bytes = 0;
            for (int i = 0; i < requests; i++) {
                String path = k.getValue().apply(i);
                long t = System.nanoTime();
                bytes += call(http, base, key, path);
                ns[i] = System.nanoTime() - t;
            }
            Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "%-55s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d requests, %.1f KB/answer)%n",
                    k.getKey(), ms(ns, 0.50), ms(ns, 0.95), ms(ns, 0.99), ns[ns.length - 1] / 1e6, requests, bytes / 1024.0 / requests);
        }
    }

    private static int call(HttpClient http, String base, String key, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body().length;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static String fold(String s) {
        String d = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
