package vn.motcua.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/**
 * API fuzzing against the running application (a real server on a random
 * port, the real PostgreSQL, the demo data): reads {@code /v3/api-docs},
 * walks every operation, and calls each one {@code fuzz.tries} times as each
 * of four callers (the administrator by HTTP Basic, a one-stop officer, the
 * demo API key, nobody) with requests generated from the schemas, valid and
 * broken: wrong types, missing members, huge, NUL and odd-Unicode strings,
 * extreme numbers, impossible dates, deep and wide JSON, malformed bodies,
 * wrong content types, odd headers and path and query values. Every answer
 * must be below 500; every 4xx must be {@code application/problem+json}; a
 * refused write (4xx to POST, PUT, PATCH, DELETE) must leave the database as
 * it was ({@link DatabaseChecksum}).
 *
 * <p>The seed is printed and named in every failure; {@code -Dfuzz.seed=N}
 * replays a run. The build uses a fixed seed ({@value #BUILD_SEED}), so a
 * submission is judged on the same requests every time; {@code -Dfuzz.seed=random}
 * explores new ones (a finding is then fixed and its seed kept as a test); {@code -Dfuzz.tries=N} sets the tries per operation and
 * caller (default {@value #DEFAULT_TRIES}; a longer run is in
 * docs/security/input-limits-rate-limits-fuzzing.md). Runs in its own JVM (failsafe, after the other tests),
 * since the writes it gets through change the demo data others rely on.
 */
class ApiFuzzIT extends IntegrationTest {

    static final int DEFAULT_TRIES = 6;
    static final long BUILD_SEED = 20261206L;
    static final long SEED = seed(System.getProperty("fuzz.seed"));
    static final int TRIES = Integer.getInteger("fuzz.tries", DEFAULT_TRIES);

    private static long seed(String property) {
        if (property == null || property.isBlank()) {
            return BUILD_SEED;
        }
        return "random".equalsIgnoreCase(property.trim()) ? new Random().nextLong() : Long.parseLong(property.trim());
    }
    private static final String DEMO_PASSWORD = "MotCua@2026";
    /**
     * Operations called by an outside system that answer in that system's own format, errors included (the
     * payment platform's callback answers {@code {MaLoi, MoTaLoi, …}} as the platform expects): not problem+json.
     */
    private static final java.util.Set<String> PARTNER_FORMAT = java.util.Set.of("POST /api/v1/payments/callback");
    private static final int MAX_REPORTED = 8;

    /** Who calls: the header that says so (null: nobody). */
    record Caller(String name, String authorization) {
    }

    /** One generated call. */
    record Call(String method, String url, Map<String, String> headers, byte[] body) {
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static List<Caller> callers() {
        return List.of(new Caller("admin", basic("admin")), new Caller("motcua.tinh", basic("motcua.tinh")),
                new Caller("api-key", "Bearer mc_demo_key_local_only_9f3a2c7e"), new Caller("anonymous", null));
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> everyOperationAnswersWithoutServerErrorsAndRefusesWithoutChanges() throws Exception {
        System.out.printf("API fuzz: seed=%d tries=%d (replay with -Dfuzz.seed=%d -Dfuzz.tries=%d)%n", SEED, TRIES, SEED, TRIES);
        HttpResponse<byte[]> docs = send(new Call("GET", baseUrl() + "/v3/api-docs", Map.of(), null));
        assertThat(docs.statusCode()).isEqualTo(200);
        Map<String, Object> document = json.readValue(docs.body(), Map.class);
        List<OpenApiOperation> operations = OpenApiOperation.all(document);
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(30);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        FuzzValues.Known known = known();
        DatabaseChecksum checksum = new DatabaseChecksum(jdbc);
        return operations.stream().map(op -> DynamicTest.dynamicTest(op.key() + " (seed " + SEED + ")",
                () -> fuzz(op, new FuzzValues(new Random(SEED * 31 + op.key().hashCode()), schemas, known), checksum)));
    }

    private void fuzz(OpenApiOperation op, FuzzValues v, DatabaseChecksum checksum) throws Exception {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        java.util.TreeMap<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> known = null; // the database's fingerprint, while nothing has changed it since
        for (int t = 0; t < TRIES; t++) {
            for (Caller caller : callers()) {
                Call call = generate(op, v, caller);
                List<String> before = op.writes() ? (known != null ? known : checksum.take()) : null;
                java.time.Instant sent = java.time.Instant.now();
                HttpResponse<byte[]> answer;
                try {
                    answer = send(call);
                } catch (IOException e) {
                    failures.add(describe(op, caller, call, null, "no answer: " + e));
                    known = null;
                    continue;
                }
                calls++;
                int status = answer.statusCode();
                statuses.merge(status, 1, Integer::sum);
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (status >= 500) {
                    failures.add(describe(op, caller, call, answer, "server error " + status));
                } else if (status >= 400 && !PARTNER_FORMAT.contains(op.key())
                        && !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                    failures.add(describe(op, caller, call, answer, status + " is not problem+json but '" + type + "'"));
                }
                if (before == null) {
                    continue; // a read: the fingerprint still holds
                }
                if (status >= 400 && status < 500) {
                    List<String> after = checksum.take();
                    List<String> changed = DatabaseChecksum.differences(before, after);
                    if (!changed.isEmpty()) {
                        failures.add(describe(op, caller, call, answer, "refused with " + status + " but changed " + changed));
                    }
                    known = after;
                } else {
                    // a write went through (or failed): let what it set off after commit finish before the next fingerprint
                    awaitEventListeners(sent);
                    known = null;
                }
            }
        }
        System.out.printf("API fuzz: %-55s %s%n", op.key(), statuses);
        assertThat(calls).as("calls answered").isPositive();
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " bad answers from " + op.key() + " (seed " + SEED + ", -Dfuzz.seed="
                    + SEED + "), the first ones:\n" + String.join("\n", failures.subList(0, Math.min(MAX_REPORTED, failures.size()))));
        }
    }

    /** Waits (at most 10 s) until the event listeners called after commit for what was published since {@code since} are done. */
    private void awaitEventListeners(java.time.Instant since) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        java.time.OffsetDateTime from = since.minusSeconds(1).atOffset(java.time.ZoneOffset.UTC);
        while (java.time.Instant.now().isBefore(deadline) && jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND publication_date >= ?")
                .param(from).query(Long.class).single() > 0) {
            Thread.sleep(25);
        }
    }

    // --- generation ----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Call generate(OpenApiOperation op, FuzzValues v, Caller caller) throws Exception {
        boolean allValid = v.chance(0.35);
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (OpenApiOperation.Parameter p : op.parameters()) {
            boolean valid = allValid || v.chance(0.7);
            if ("path".equals(p.in())) {
                path = path.replace("{" + p.name() + "}", encode(v.pathValue(p.name(), op.path(), valid)));
            } else if ("query".equals(p.in())) {
                boolean include = p.required() ? allValid || !v.chance(0.15) : v.chance(0.5);
                if (include) {
                    append(query, p.name(), v.queryValue(p, valid));
                }
            }
        }
        if (!allValid && v.chance(0.1)) {
            append(query, v.pick(List.of("unexpected", "page", "size", "q", "lang", "_csrf")), v.queryValue(
                    new OpenApiOperation.Parameter("x", "query", false, Map.of("type", "string")), v.chance(0.5)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller.authorization() != null) {
            headers.put("Authorization", caller.authorization());
        }
        if (v.chance(0.5)) {
            headers.put("Accept", v.pick(List.of("application/json", "*/*", "text/html", "application/xml", "application/problem+json",
                    "garbage", "application/json;q=0, */*;q=0.1", "image/png")));
        }
        if (v.chance(0.3)) {
            headers.put("Accept-Language", v.pick(List.of("en", "vi", "en-GB,en;q=0.9", "xx-YY;q=abc", "*", ",,,")));
        }
        if (op.writes() && v.chance(0.3)) {
            headers.put("Idempotency-Key", v.pick(List.of(java.util.UUID.randomUUID().toString(), " ", "k".repeat(300),
                    "fuzz-" + v.rnd.nextInt(5), "a b c")));
        }
        if (v.chance(0.05)) {
            headers.put("X-Request-Id", v.pick(List.of("../../x", "id-1", "x".repeat(200))));
        }
        byte[] body = null;
        if (!op.bodies().isEmpty() && (allValid || !v.chance(0.1))) {
            List<String> types = new ArrayList<>(op.bodies().keySet());
            String type = types.contains("application/json") && v.chance(0.7) ? "application/json" : v.pick(types);
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) op.bodies().get(type)).getOrDefault("schema", Map.of());
            if (type.startsWith("multipart/")) {
                String boundary = "fuzz" + Long.toHexString(v.rnd.nextLong());
                body = multipart(v, boundary, allValid);
                headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            } else if ("byte".equals(schema.get("format"))) {
                body = rawImport(v, type, allValid);
                headers.put("Content-Type", type);
            } else {
                Object value = v.valid(schema, null, 0);
                if (allValid || v.chance(0.55)) {
                    if (!allValid) {
                        value = v.broken(value);
                    }
                    body = FuzzValues.b(FuzzValues.finish(json.writeValueAsString(value)));
                } else {
                    body = v.malformed();
                }
                headers.put("Content-Type", allValid || v.chance(0.8) ? "application/json" : wrongType(v));
            }
        } else if (op.writes() && v.chance(0.1)) {
            body = v.malformed();
            headers.put("Content-Type", v.chance(0.5) ? "application/json" : wrongType(v));
        }
        if (body != null && body.length > 0 && headers.containsKey("Content-Type") && v.chance(0.05)) {
            headers.remove("Content-Type");
        }
        String url = baseUrl() + path + (query.length() == 0 ? "" : "?" + query);
        return new Call(op.method(), url, headers, body);
    }

    private static String wrongType(FuzzValues v) {
        return v.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=bogus-charset", "application/json; charset=UTF-16", "*/*", "application/problem+json",
                "application/merge-patch+json", "image/png", "application/json; charset=\"", "garbage"));
    }

    private static byte[] multipart(FuzzValues v, String boundary, boolean valid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String field = valid || v.chance(0.7) ? "file" : v.pick(List.of("fil", "FILE", "files", ""));
        String filename = valid || v.chance(0.6) ? "to-khai.pdf" : v.pick(List.of("", "../../etc/passwd", "a\u0000b.pdf", "x".repeat(5000) + ".pdf",
                "Tờ khai.pdf", "\u202Efdp.exe", "con.pdf", "a\"b.pdf"));
        byte[] content = valid || v.chance(0.5) ? TestFiles.pdf() : v.pick(List.of(new byte[0], TestFiles.ELF, FuzzValues.b("PK\u0003\u0004garbage"),
                FuzzValues.b("%PDF-"), FuzzValues.b("chỉ là văn bản"), new byte[2_000]));
        out.write(FuzzValues.b("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + (valid ? "application/pdf" : v.pick(List.of("application/pdf", "text/plain", "", "garbage"))) + "\r\n\r\n"));
        out.write(content);
        out.write(FuzzValues.b("\r\n"));
        if (!valid && v.chance(0.3)) {
            out.write(FuzzValues.b("--" + boundary + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n"
                    + v.pick(List.of("1", "-1", "abc", "99999999999")) + "\r\n"));
        }
        if (valid || v.chance(0.8)) {
            out.write(FuzzValues.b("--" + boundary + "--\r\n"));
        }
        return out.toByteArray();
    }

    private byte[] rawImport(FuzzValues v, String type, boolean valid) throws Exception {
        if (type.contains("spreadsheet")) {
            return v.pick(List.of(FuzzValues.b("PK\u0003\u0004garbage"), new byte[0], TestFiles.pdf(), FuzzValues.b("not a workbook")));
        }
        if (valid || v.chance(0.5)) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < v.rnd.nextInt(3); i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("code", "9." + String.format("%06d", v.rnd.nextInt(1_000_000)));
                p.put("name", v.words());
                items.add(valid ? p : v.broken(p));
            }
            return FuzzValues.b(FuzzValues.finish(json.writeValueAsString(items)));
        }
        return v.malformed();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(value));
    }

    /** Percent-encodes everything but the unreserved characters (UTF-8). */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    // --- the application's identifiers, so valid calls reach the logic -------------------------------

    @SuppressWarnings("unchecked")
    private FuzzValues.Known known() throws Exception {
        Caller admin = callers().get(0);
        List<Long> units = longs(get("/api/v1/units?includeDissolved=true", admin), "id");
        List<String> procedures = strings(get("/api/v1/procedures?size=100", admin), "code");
        List<String> dossiers = strings(get("/api/v1/dossiers?size=200", admin), "code");
        List<Integer> years = ((List<Object>) get("/api/v1/calendar/years", admin)).stream().map(y -> ((Number) y).intValue()).toList();
        List<Long> proposals = longs(get("/api/v1/simplification-proposals", admin), "id");
        List<Long> staff = new ArrayList<>();
        for (Caller c : callers().subList(0, 3)) {
            staff.add(((Number) ((Map<String, Object>) get("/api/v1/me", c)).get("id")).longValue());
        }
        List<String> files = new ArrayList<>();
        String boundary = "known";
        HttpResponse<byte[]> upload = send(new Call("POST", baseUrl() + "/api/v1/files",
                Map.of("Authorization", callers().get(1).authorization(), "Content-Type", "multipart/form-data; boundary=" + boundary),
                multipart(new FuzzValues(new Random(SEED), Map.of(), null), boundary, true)));
        if (upload.statusCode() == 201) {
            files.add(String.valueOf(((Map<String, Object>) json.readValue(upload.body(), Map.class)).get("id")));
        }
        System.out.printf("API fuzz: %d units, %d procedures, %d dossiers, %d years, %d proposals, %d files known%n",
                units.size(), procedures.size(), dossiers.size(), years.size(), proposals.size(), files.size());
        return new FuzzValues.Known(units, staff, procedures, dossiers, years, proposals, files);
    }

    private Object get(String path, Caller caller) throws Exception {
        HttpResponse<byte[]> r = send(new Call("GET", baseUrl() + path, Map.of("Authorization", caller.authorization()), null));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readValue(r.body(), Object.class);
    }

    private static List<Long> longs(Object tree, String key) {
        List<Object> found = new ArrayList<>();
        walk(tree, key, found, 0);
        return found.stream().filter(o -> o instanceof Number).map(o -> ((Number) o).longValue()).distinct().toList();
    }

    private static List<String> strings(Object tree, String key) {
        List<Object> found = new ArrayList<>();
        walk(tree, key, found, 0);
        return found.stream().filter(o -> o instanceof String).map(String.class::cast).distinct().toList();
    }

    private static void walk(Object tree, String key, List<Object> found, int depth) {
        if (depth > 3) {
            return;
        }
        if (tree instanceof Map<?, ?> m) {
            if (m.containsKey(key)) {
                found.add(m.get(key));
            }
            m.values().forEach(v -> walk(v, key, found, depth + 1));
        } else if (tree instanceof List<?> l) {
            l.forEach(v -> walk(v, key, found, depth + 1));
        }
    }

    // --- transport -----------------------------------------------------------------------------------

    private HttpResponse<byte[]> send(Call call) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(call.url())).timeout(Duration.ofSeconds(60))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String describe(OpenApiOperation op, Caller caller, Call call, HttpResponse<byte[]> answer, String what) {
        String headers = new LinkedHashMap<>(call.headers()).entrySet().stream().filter(e -> !"Authorization".equals(e.getKey()))
                .map(e -> e.getKey() + ": " + excerpt(e.getValue(), 80)).reduce((a, b) -> a + "; " + b).orElse("");
        return "- " + what + "\n    " + call.method() + " " + excerpt(call.url(), 300) + " as " + caller.name()
                + (headers.isEmpty() ? "" : "\n    headers: " + headers)
                + (call.body() == null ? "" : "\n    body (" + call.body().length + " bytes): "
                        + excerpt(new String(call.body(), StandardCharsets.UTF_8), 300))
                + (answer == null ? "" : "\n    answer: " + excerpt(new String(answer.body(), StandardCharsets.UTF_8), 300));
    }

    private static String excerpt(String s, int max) {
        String clean = s.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
        return clean.length() <= max ? clean : clean.substring(0, max) + "… (" + clean.length() + " chars)";
    }
}
