package vn.motcua.integration.internal.catalogue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.shared.Texts;

/**
 * The adapter to the national procedure database (CSDL TTHC), reached through
 * the province's integration gateway as provincial systems call it today: sign
 * in with {@code POST authPath {username, password}} → {@code {error_code: 0,
 * session}} (kept ten minutes), then {@code POST servicePath {session, madonvi,
 * service, …}} for the services {@code LayDanhSachTTHC} (the list) and
 * {@code LayThuTuc} (one record, {@code maTTHC}). Answers carry
 * {@code error_code} and the records in {@code result} (an array, or the same
 * as JSON text in {@code result} or {@code message}).
 *
 * <p>Every failure (time-out, refused connection, HTTP status other than 200,
 * {@code error_code} other than 0, an answer that is not JSON) is a
 * {@link Unavailable} naming what happened; nothing is retried here: the import
 * marks the record and goes on.
 */
@Component
public class NationalCatalogueClient {

    /** The national database did not answer usefully. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    private static final long SESSION_MILLIS = 10 * 60 * 1000;

    private final NationalCatalogueProperties settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private String session;
    private Instant sessionUntil = Instant.EPOCH;

    public NationalCatalogueClient(NationalCatalogueProperties settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** True when an address is configured. */
    public boolean configured() {
        return !Texts.isBlank(settings.url());
    }

    /** The codes of the procedures the list service gives (LayDanhSachTTHC), in its order, without repeats. */
    public List<String> listCodes() {
        JsonNode answer = call("LayDanhSachTTHC", Map.of());
        List<String> codes = new ArrayList<>();
        for (JsonNode r : records(answer)) {
            String code = NationalRecords.text(r, "MATTHC");
            if (!Texts.isBlank(code) && !codes.contains(code.strip())) {
                codes.add(code.strip());
            }
        }
        return codes;
    }

    /** One procedure's whole record (LayThuTuc); the first record of the answer. */
    public JsonNode record(String code) {
        JsonNode answer = call("LayThuTuc", Map.of("maTTHC", code));
        List<JsonNode> records = records(answer);
        if (records.isEmpty()) {
            throw new Unavailable("LayThuTuc " + code + ": no record in the answer");
        }
        return records.get(0);
    }

    private synchronized String session() {
        if (session != null && clock.instant().isBefore(sessionUntil)) {
            return session;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", settings.username() == null ? "" : settings.username());
        body.put("password", settings.password() == null ? "" : settings.password());
        JsonNode answer = post(settings.authPath(), body, "sign-in");
        JsonNode s = answer.get("session");
        if (s == null || !s.isValueNode() || Texts.isBlank(s.asString())) {
            throw new Unavailable("sign-in: no session in the answer");
        }
        session = s.asString();
        sessionUntil = clock.instant().plusMillis(SESSION_MILLIS);
        return session;
    }

    private JsonNode call(String service, Map<String, Object> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", session());
        body.put("madonvi", settings.unitCode() == null ? "" : settings.unitCode());
        body.put("service", service);
        body.putAll(params);
        try {
            return post(settings.servicePath(), body, service);
        } catch (Unavailable e) {
            // the session may have expired on the far side before ours: sign in again next time
            synchronized (this) {
                session = null;
            }
            throw e;
        }
    }

    private JsonNode post(String path, Map<String, Object> body, String what) {
        if (!configured()) {
            throw new Unavailable(what + ": no address configured (motcua.integration.national-catalogue.url)");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + path))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new Unavailable(what + ": no answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new Unavailable(what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(what + ": interrupted");
        }
        if (response.statusCode() != 200) {
            throw new Unavailable(what + ": HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JacksonException e) {
            throw new Unavailable(what + ": the answer is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw new Unavailable(what + ": the answer is not a JSON object");
        }
        JsonNode code = answer.get("error_code");
        if (code != null && !"0".equals(code.asString())) {
            JsonNode message = answer.get("message");
            throw new Unavailable(what + ": error_code " + code.asString()
                    + (message != null && message.isValueNode() ? " " + cut(message.asString()) : ""));
        }
        return answer;
    }

    private List<JsonNode> records(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        for (String key : List.of("result", "message", "data")) {
            JsonNode n = answer.get(key);
            if (n == null) {
                continue;
            }
            if (n.isString()) {
                try {
                    n = json.readTree(n.asString());
                } catch (JacksonException e) {
                    continue;
                }
            }
            if (n.isArray()) {
                n.forEach(out::add);
                return out;
            }
            if (n.isObject()) {
                out.add(n);
                return out;
            }
        }
        return out;
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
