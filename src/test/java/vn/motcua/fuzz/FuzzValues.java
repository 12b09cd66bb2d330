package vn.motcua.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Values for the API fuzzer, drawn from a seeded {@link Random}: valid ones
 * from an OpenAPI schema (types, enums, formats, required members, with real
 * identifiers of the running application where a member's name asks for
 * one), and broken ones (wrong types, missing members, huge and NUL-laden
 * and odd-Unicode strings, extreme numbers, impossible dates, deep and wide
 * JSON, malformed bodies). Property-based generation written by hand: see
 * docs/security/input-limits-rate-limits-fuzzing.md for why jqwik is not used.
 */
final class FuzzValues {

    /** Stands for a lone UTF-16 surrogate, which Jackson will not write; replaced by its JSON escape after writing. */
    static final String LONE_SURROGATE = "\uE000lone\uE000";
    /** Stands for JSON nested deeper than any parser should follow; replaced after writing. */
    static final String DEEP = "\uE000deep\uE000";

    /** Identifiers of the running application, so valid requests reach past the "not found". */
    record Known(List<Long> unitIds, List<Long> staffIds, List<String> procedureCodes, List<String> dossierCodes,
                 List<Integer> years, List<Long> proposalIds, List<String> fileIds) {
    }

    static final List<String> ACTIONS = List.of("receive", "refuse", "forward", "request-supplement", "supplement-received",
            "request-payment", "payment-received", "apologize", "stop", "withdraw", "complete", "return", "file", "scan");
    static final List<String> SLIPS = List.of("receipt", "supplement", "refusal", "apology", "stop", "control");
    private static final List<String> WORDS = List.of("hộ", "kinh", "doanh", "đăng", "ký", "khai", "sinh", "tư", "pháp",
            "Nguyễn", "Thị", "Mai", "Vinh", "Nghệ", "An", "giấy", "phép", "xây", "dựng", "lý", "lịch", "hồ", "sơ", "ho tich");

    final Random rnd;
    private final Map<String, Object> schemas;
    private final Known known;

    FuzzValues(Random rnd, Map<String, Object> schemas, Known known) {
        this.rnd = rnd;
        this.schemas = schemas;
        this.known = known;
    }

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }

    private <T> T pickOr(List<T> values, T fallback) {
        return values.isEmpty() ? fallback : pick(values);
    }

    // --- valid values --------------------------------------------------------------------------------

    String words() {
        int n = 1 + rnd.nextInt(4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(pick(WORDS));
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String r && r.startsWith("#/components/schemas/")) {
            return (Map<String, Object>) schemas.getOrDefault(r.substring("#/components/schemas/".length()), Map.of());
        }
        return schema;
    }

    /** A value the schema allows, with real identifiers where the member's name asks for one. */
    @SuppressWarnings("unchecked")
    Object valid(Map<String, Object> schema, String name, int depth) {
        schema = resolve(schema);
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        Object e = schema.get("enum");
        if (e instanceof List<?> values && !values.isEmpty()) {
            return values.get(rnd.nextInt(values.size()));
        }
        String type = (String) schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                Map<String, Object> out = new LinkedHashMap<>();
                if (depth > 4) {
                    return out;
                }
                Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
                for (Map.Entry<String, Object> p : props.entrySet()) {
                    if (required.contains(p.getKey()) || chance(inclusion(p.getKey(), (Map<String, Object>) p.getValue()))) {
                        out.put(p.getKey(), valid((Map<String, Object>) p.getValue(), p.getKey(), depth + 1));
                    }
                }
                return out;
            }
            case "array": {
                List<Object> out = new ArrayList<>();
                Map<String, Object> items = (Map<String, Object>) schema.getOrDefault("items", Map.of("type", "string"));
                int min = ((Number) schema.getOrDefault("minItems", 0)).intValue();
                int count = Math.max(min, depth > 4 ? 0 : rnd.nextInt(4));
                if ("sources".equals(name)) {
                    for (int i = 0; i < Math.max(1, count); i++) {
                        out.add(pickOr(known.unitIds(), 1L));
                    }
                    return out;
                }
                for (int i = 0; i < count; i++) {
                    out.add(valid(items, singular(name), depth + 1));
                }
                return out;
            }
            case "integer":
                return validInteger(n, schema);
            case "number":
                return BigDecimal.valueOf(rnd.nextInt(10_000), rnd.nextInt(3));
            case "boolean":
                return rnd.nextBoolean();
            default:
                return validString(n, schema);
        }
    }

    /** Optional members most valid requests carry: numbers always (primitives cannot be left out), rarely the ones that narrow. */
    private double inclusion(String name, Map<String, Object> schema) {
        if (OPTIONAL_RISKY.contains(name)) {
            return 0.25;
        }
        return "int32".equals(schema.get("format")) ? 1.0 : 0.6;
    }

    /** Optional members that, given at random, mostly make a valid request fail (another unit, a stale version, a foreign file). */
    private static final java.util.Set<String> OPTIONAL_RISKY = java.util.Set.of("receivingUnitId", "competentUnitId", "receivedAt",
            "caseId", "fileId", "digitization", "revision", "version", "toUnit", "toOfficer", "newAppointmentAt", "resultFileId");

    private static String singular(String name) {
        return name == null ? null : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private Object validInteger(String n, Map<String, Object> schema) {
        if (n.equals("toofficer") || n.equals("staff")) {
            return pickOr(known.staffIds(), 1L);
        }
        if (n.contains("unit") || n.equals("parentid") || n.equals("successor") || n.equals("agency") || n.equals("source")
                || n.equals("id") && !known.unitIds().isEmpty()) {
            return pickOr(known.unitIds(), 1L);
        }
        if (n.equals("year")) {
            return pickOr(known.years(), 2026);
        }
        if (n.equals("page")) {
            return rnd.nextInt(3);
        }
        if (n.equals("size")) {
            return 1 + rnd.nextInt(50);
        }
        if (n.contains("version") || n.equals("revision") || n.equals("seq")) {
            return rnd.nextInt(5);
        }
        if (n.equals("status")) {
            return rnd.nextInt(12);
        }
        if (n.endsWith("vnd")) {
            return (long) rnd.nextInt(5_000_000);
        }
        return "int32".equals(schema.get("format")) ? rnd.nextInt(5) : (long) rnd.nextInt(100);
    }

    private Object validString(String n, Map<String, Object> schema) {
        String format = (String) schema.get("format");
        if ("date-time".equals(format) || n.equals("from") && schema.isEmpty()) {
            return OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(rnd.nextInt(60) - 30).withNano(0).toString();
        }
        if ("date".equals(format)) {
            return LocalDate.of(2026, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)).toString();
        }
        if ("email".equals(format) || n.contains("email")) {
            return "fuzz" + rnd.nextInt(100_000) + "@example.vn";
        }
        if (n.contains("procedurecode")) {
            return pickOr(known.procedureCodes(), "1.000001");
        }
        if (n.contains("fileid")) {
            return pickOr(known.fileIds(), "00000000-0000-0000-0000-000000000000");
        }
        if (n.equals("code") && schema.get("pattern") != null) {
            return String.format("%03d.%02d.%02d.F%02d", rnd.nextInt(1000), rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100));
        }
        if (n.equals("code")) {
            return pickOr(known.procedureCodes(), "1.000001");
        }
        if (n.contains("phone")) {
            return "09" + String.format("%08d", rnd.nextInt(100_000_000));
        }
        if (n.equals("idnumber")) {
            return "0400" + String.format("%08d", rnd.nextInt(100_000_000));
        }
        if (n.equals("taxcode")) {
            return "29" + String.format("%08d", rnd.nextInt(100_000_000));
        }
        if (n.equals("from") || n.equals("to") || n.contains("cutoff")) {
            return String.format("%02d:%02d", 7 + rnd.nextInt(10), rnd.nextBoolean() ? 0 : 30);
        }
        if (n.equals("caseid")) {
            return String.valueOf(1 + rnd.nextInt(3));
        }
        if (n.equals("format")) {
            return rnd.nextBoolean() ? "json" : "xlsx";
        }
        if (n.equals("q")) {
            return words();
        }
        return words();
    }

    // --- broken values -------------------------------------------------------------------------------

    /** Any value that a careless or hostile client might send where something else was expected (mutable, so it can be broken further). */
    Object evil() {
        return mutable(anyEvil());
    }

    @SuppressWarnings("unchecked")
    private static Object mutable(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, mutable(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(mutable(v)));
            return copy;
        }
        return value;
    }

    private Object anyEvil() {
        switch (rnd.nextInt(11)) {
            case 0:
                return pick(List.of(123, -1, true, false, "text", List.of(), Map.of(), 1.5, "", " "));
            case 1:
                return hugeString();
            case 2:
                return pick(List.of("a\u0000b", "\u0000", "ho\u0000tich", "x".repeat(50) + "\u0000"));
            case 3:
                return pick(List.of("\u0001\u0002\u0003", "\u001b[31mred", "line\r\nInjected: header", "tab\tand\u000bvt", "\u007f"));
            case 4:
                return oddUnicode();
            case 5:
                return pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1, -1, 0, -0.0, 1e308, -1e308,
                        0.1, new BigDecimal("1E+400"), new BigDecimal("-1E-400"), new BigInteger("1" + "0".repeat(40)),
                        new BigDecimal("123456789012345678901234567890.123456789")));
            case 6:
                return DEEP;
            case 7:
                return wide();
            case 8:
                return pick(List.of("' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd",
                        "%s%n%x", "{{7*7}}", "__proto__", "null", "NaN", "Infinity", "-Infinity", "\\", "\"", "%00", "%"));
            case 9:
                return pick(List.of("2026-02-30T25:61:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "0000-00-00", "2026-13-01", "1970-01-01T00:00:00+18:00", "2026-W01",
                        "24:00", "99:99", "-1:00"));
            default:
                return null;
        }
    }

    String hugeString() {
        int n = pick(List.of(256, 1_001, 10_000, 100_000, 300_000));
        return chance(0.5) ? "x".repeat(n) : "Ệ".repeat(n / 2);
    }

    String oddUnicode() {
        return pick(List.of("👨‍👩‍👧‍👦🏳️‍🌈", "e" + "\u0301\u0302\u0303".repeat(200), "\u202Eabc\u202C", "a\u200Bb\uFEFF",
                "İstanbul ǅ ß ﬁ", "Nguye\u0302\u0303n Thi\u0323", "\uFFFD\uFFFF\uFFFE", LONE_SURROGATE, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "日本語テキスト",
                "١٢٣٤", "\u0000\uD83D\uDE00"));
    }

    private Object wide() {
        if (rnd.nextBoolean()) {
            List<Object> list = new ArrayList<>();
            Object item = pick(List.of(1, "x", Map.of("name", "x"), List.of()));
            for (int i = 0; i < 5_000; i++) {
                list.add(item);
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            map.put("k" + i, i);
        }
        return map;
    }

    /** The value with one to three things broken in it: a member replaced, removed or added. */
    @SuppressWarnings("unchecked")
    Object broken(Object value) {
        if (!(value instanceof Map) && !(value instanceof List) || chance(0.1)) {
            return evil();
        }
        int mutations = 1 + rnd.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<Object[]> slots = new ArrayList<>();
            collect(value, slots, 0);
            if (slots.isEmpty()) {
                return evil();
            }
            Object[] slot = pick(slots);
            if (slot[0] instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                int what = rnd.nextInt(4);
                if (what == 0) {
                    map.remove((String) slot[1]);
                } else if (what == 1) {
                    map.put("unexpected" + rnd.nextInt(100), evil());
                } else {
                    map.put((String) slot[1], evil());
                }
            } else {
                List<Object> list = (List<Object>) slot[0];
                list.set((Integer) slot[1], evil());
            }
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, List<Object[]> slots, int depth) {
        if (depth > 8) {
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) m).entrySet()) {
                slots.add(new Object[] {m, e.getKey()});
                collect(e.getValue(), slots, depth + 1);
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size() && i < 50; i++) {
                slots.add(new Object[] {l, i});
                collect(l.get(i), slots, depth + 1);
            }
        }
    }

    /** Serialized JSON with the stand-ins replaced by what no serializer writes. */
    static String finish(String json) {
        return json.replace("\"" + DEEP + "\"", "[".repeat(5_000) + "]".repeat(5_000))
                .replace(LONE_SURROGATE, "\\ud800x");
    }

    /** Bodies that are not JSON, or not quite. */
    byte[] malformed() {
        return pick(List.<byte[]>of(new byte[0], b("{"), b("{\"a\":"), b("[1,2"), b("nul"), b("\"\\u0000\""),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, b("\uFEFF{}"), b("{\"a\":1}garbage"),
                b("{\"a\":1}{\"b\":2}"), b("NaN"), b("1e999999"), b("1".repeat(5_000)), b("{\"name\":1,\"name\":2}"),
                b("{'single':'quotes'}"), b("{\"a\":/* comment */1}"), b("null"), b("[]"), b("\"text\""), b("123"), b("true"),
                b("[" + "{}".repeat(0) + "]"), b("{\"" + "k".repeat(70_000) + "\":1}")));
    }

    static byte[] b(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A path segment: a real identifier, or something odd (never one that would change the route: no '/', '.', ';', '%' only). */
    String pathValue(String name, String path, boolean valid) {
        if (valid) {
            return switch (name) {
                case "code" -> path.startsWith("/api/v1/procedures") ? pickOr(known.procedureCodes(), "1.000001")
                        : pickOr(known.dossierCodes(), "HS-0");
                case "id" -> path.startsWith("/api/v1/units") ? String.valueOf(pickOr(known.unitIds(), 1L))
                        : path.startsWith("/api/v1/staff") ? String.valueOf(pickOr(known.staffIds(), 1L))
                        : path.startsWith("/api/v1/simplification") ? String.valueOf(pickOr(known.proposalIds(), 1L))
                        : pickOr(known.fileIds(), "00000000-0000-0000-0000-000000000000");
                case "year" -> String.valueOf(pickOr(known.years(), 2026));
                case "action" -> pick(ACTIONS);
                case "kind" -> pick(SLIPS);
                case "seq" -> String.valueOf(1 + rnd.nextInt(4));
                case "version" -> String.valueOf(1 + rnd.nextInt(3));
                default -> words();
            };
        }
        String odd = pick(List.of("0", "-1", "99999999999999999999", "2147483648", "abc", "1.5", "1e3", " ", "Hồ sơ", "👨‍👩‍👧",
                "x".repeat(1500), "${x}", "' OR 1=1--", "null", "true", "\u0000", "a\u0000b", "\uFFFF", "NaN", "+1", "0x10",
                "9223372036854775808", "-9223372036854775809", "00000000-0000-0000-0000-00000000000g", "HS-" + rnd.nextInt(1000)));
        String safe = odd.replace('/', '_').replace('\\', '_').replace(';', '_').replace('%', '_');
        return safe.isBlank() || safe.chars().allMatch(c -> c == '.') ? "_" + safe + "_" : safe;
    }

    /** A query value: valid for the schema, or the text of something broken. */
    String queryValue(OpenApiOperation.Parameter p, boolean valid) {
        if (valid) {
            Object v = valid(p.schema(), p.name(), 0);
            return String.valueOf(v);
        }
        return pick(List.of("abc", "-1", "99999999999999999999", "2147483648", "1e309", "NaN", "", " ", "\u0000", "a\u0000b",
                "x".repeat(3_000), "true1", "2026-02-30T25:61:00Z", "👨‍👩‍👧", "e" + "\u0301".repeat(100), "' OR 1=1--",
                "%", "%zz", "[]", "{}", "-0", "0.5", "DROP TABLE unit", "\u202Eevil", "\u0001"));
    }
}
