package vn.motcua.integration.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import testsupport.farside.FarSide;
import testsupport.farside.FarSides;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The National Public Service Portal's adapter as the tests play it, on the
 * real loopback far side {@link FarSides#NATIONAL_PORTAL}: a session from
 * {@code /auth}, and on {@code /service} the lookup ({@code TraCuuHoSo}, by
 * code or by window) and create-or-update ({@code DongBoHoSoMC}) over
 * records kept by {@code MaHoSo}. It counts every time a message (by its
 * idempotency key) was applied, so a test can tell "delivered once after
 * dedup" from "delivered twice", and it misbehaves on request: down (500),
 * an answer lost after the record was applied (too slow, or the connection
 * dropped), a lookup that misses an existing record.
 */
final class NationalPortalFake {

    static final FarSide SIDE = FarSides.NATIONAL_PORTAL;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One applied DongBoHoSoMC message. */
    record Applied(String key, String code, boolean update, int status, Map<String, Object> record) {
    }

    final Map<String, Map<String, Object>> records = new ConcurrentHashMap<>();
    final List<Applied> applied = new CopyOnWriteArrayList<>();
    final Set<String> sessions = ConcurrentHashMap.newKeySet();
    final AtomicInteger logins = new AtomicInteger();
    volatile boolean down;
    volatile boolean lookupBlind;
    /** The next N applied messages lose their answer: sent too late (the caller times out). */
    final AtomicInteger answerTooLate = new AtomicInteger();
    /** The next N applied messages lose their answer: the connection is dropped. */
    final AtomicInteger answerDropped = new AtomicInteger();
    volatile Duration lateBy = Duration.ofMillis(3500);

    NationalPortalFake() {
        SIDE.reset();
        SIDE.on("POST", "/auth", r -> {
            if (down) {
                return FarSide.Reply.json(500, "{\"error\":\"down\"}");
            }
            Map<String, Object> body = read(r.text());
            if (!"motcua".equals(body.get("username")) || !"bi-mat".equals(body.get("password"))) {
                return FarSide.Reply.json(200, "{\"error_code\":-1,\"message\":\"Sai tên đăng nhập hoặc mật khẩu\"}");
            }
            String token = "phien-" + logins.incrementAndGet();
            sessions.add(token);
            return FarSide.Reply.json(200, "{\"error_code\":0,\"session\":\"" + token + "\"}");
        });
        SIDE.on("POST", "/service", r -> service(r));
    }

    private FarSide.Reply service(FarSide.Received r) {
        if (down) {
            return FarSide.Reply.json(500, "{\"error\":\"Internal Server Error\"}");
        }
        Map<String, Object> body = read(r.text());
        if (!sessions.contains(String.valueOf(body.get("session")))) {
            return FarSide.Reply.json(401, "{\"error_code\":401,\"message\":\"Phiên làm việc không hợp lệ\"}");
        }
        String service = String.valueOf(body.get("service"));
        if ("TraCuuHoSo".equals(service)) {
            List<Map<String, Object>> result = new ArrayList<>();
            if (body.get("mahoso") != null) {
                Map<String, Object> rec = records.get(String.valueOf(body.get("mahoso")));
                if (rec != null && !lookupBlind) {
                    result.add(rec);
                }
            } else {
                result.addAll(records.values());
            }
            return FarSide.Reply.json(200, JSON.writeValueAsString(Map.of("error_code", 0, "result", result)));
        }
        if (!"DongBoHoSoMC".equals(service)) {
            return FarSide.Reply.json(200, "{\"error_code\":-1,\"message\":\"Dịch vụ không hỗ trợ\"}");
        }
        boolean update = "True".equals(body.get("isUpdating"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = ((List<Map<String, Object>>) body.get("data")).get(0);
        String code = String.valueOf(rec.get("MaHoSo"));
        String key = r.header("Idempotency-Key");
        if (!update && records.containsKey(code)) {
            return FarSide.Reply.json(200, "{\"error_code\":3,\"message\":\"Hồ sơ " + code + " đã tồn tại\"}");
        }
        if (update && !records.containsKey(code)) {
            return FarSide.Reply.json(200, "{\"error_code\":-3,\"message\":\"Hồ sơ " + code + " không tồn tại\"}");
        }
        Map<String, Object> held = new LinkedHashMap<>(rec);
        records.put(code, held);
        applied.add(new Applied(key, code, update, ((Number) rec.get("TrangThaiHoSo")).intValue(), rec));
        FarSide.Reply ok = FarSide.Reply.json(200, "{\"error_code\":0,\"message\":\"Đồng bộ thành công\"}");
        if (answerTooLate.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return ok.after(lateBy);
        }
        if (answerDropped.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return FarSide.Reply.dropConnection();
        }
        return ok;
    }

    /** The keys applied for a dossier, each once, in the order first applied. */
    List<String> keysOf(String code) {
        return applied.stream().filter(a -> a.code().equals(code)).map(Applied::key).distinct().toList();
    }

    /** How many times each key was applied. */
    Map<String, Long> timesApplied() {
        Map<String, Long> out = new LinkedHashMap<>();
        applied.forEach(a -> out.merge(a.key(), 1L, Long::sum));
        return out;
    }

    List<Map<String, Object>> requests(String service) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FarSide.Received r : SIDE.received("/service")) {
            Map<String, Object> b = read(r.text());
            if (service.equals(b.get("service"))) {
                out.add(b);
            }
        }
        return out;
    }

    static Map<String, Object> read(String text) {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    }
}
