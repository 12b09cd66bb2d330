package vn.motcua.integration.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to the National Public Service Portal's adapter (docs/integration.md
 * §2): a session token from the auth endpoint ({@code {username, password}}
 * → {@code {error_code: 0, session}}), kept for {@code session-ttl} and asked
 * for again when it runs out or the far side refuses it; then JSON POSTs to
 * the service endpoint, {@code {session, madonvi, service, …}}. Every
 * exchange, failed ones included, goes to the signed log (the password
 * never does).
 */
@Component
public class NationalPortalClient {

    /** The far side's answer: the HTTP status and JSON body, or why there was none. */
    public record Reply(Integer httpStatus, JsonNode body, String error) {

        /** Answered 2xx with {@code error_code} 0. */
        public boolean ok() {
            return error == null && httpStatus != null && httpStatus / 100 == 2 && body != null
                    && "0".equals(code());
        }

        public String code() {
            return body == null ? null : body.path("error_code").asString("");
        }

        public String message() {
            return body == null ? "" : body.path("message").asString("");
        }

        /** The create was refused because the record is already there ("đã tồn tại"). */
        public boolean alreadyExists() {
            return error == null && body != null && vn.motcua.shared.Texts.fold(message()).contains("da ton tai");
        }

        /** The session token was refused: ask for a new one. */
        public boolean sessionRefused() {
            return error == null && (Integer.valueOf(401).equals(httpStatus) || "401".equals(code()));
        }

        public String describe() {
            if (error != null) {
                return error;
            }
            return "HTTP " + httpStatus + (body == null ? "" : " error_code=" + code() + " " + message());
        }
    }

    private final NationalPortalProperties props;
    private final SyncMessageLog log;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile String session;
    private volatile Instant sessionUntil = Instant.MIN;
    private volatile String authProblem = "";

    public NationalPortalClient(NationalPortalProperties props, SyncMessageLog log, JsonMapper json, Clock clock) {
        this.props = props;
        this.log = log;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(props.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Calls a service with the current session; if the far side refuses the
     * session, once more with a new one. {@code fields} are the body's
     * fields after {@code session}, {@code madonvi} and {@code service}.
     */
    public Reply call(String service, Map<String, Object> fields, Long outboxId, String code, String key) {
        String token = session(false);
        if (token == null) {
            return new Reply(null, null, "no session: auth " + authProblem);
        }
        Reply r = post(service, token, fields, outboxId, code, key);
        if (r.sessionRefused()) {
            token = session(true);
            if (token == null) {
                return new Reply(null, null, "no session: auth " + authProblem);
            }
            r = post(service, token, fields, outboxId, code, key);
        }
        return r;
    }

    /** Forgets the session (tests; an operator changing credentials). */
    public void forgetSession() {
        session = null;
        sessionUntil = Instant.MIN;
    }

    private synchronized String session(boolean renew) {
        Instant now = clock.instant();
        if (!renew && session != null && now.isBefore(sessionUntil)) {
            return session;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", props.getUsername());
        body.put("password", props.getPassword());
        Map<String, Object> logged = new LinkedHashMap<>(body);
        logged.put("password", "***");
        Reply r = exchange("auth", props.baseUrl() + props.getAuthPath(), json.writeValueAsString(body),
                json.writeValueAsString(logged), null, null, null);
        String token = r.ok() ? r.body().path("session").asString("") : "";
        if (token.isBlank()) {
            authProblem = r.describe();
            session = null;
            return null;
        }
        session = token;
        sessionUntil = now.plus(props.getSessionTtl());
        return token;
    }

    private Reply post(String service, String token, Map<String, Object> fields, Long outboxId, String code, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", token);
        body.put("madonvi", props.getUnitCode());
        body.put("service", service);
        body.putAll(fields);
        Map<String, Object> logged = new LinkedHashMap<>(body);
        logged.put("session", "***");
        return exchange(service, props.baseUrl() + props.getServicePath(), json.writeValueAsString(body),
                json.writeValueAsString(logged), outboxId, code, key);
    }

    private Reply exchange(String service, String url, String body, String logged, Long outboxId, String code,
                           String key) {
        long started = System.nanoTime();
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url))
                .timeout(props.getRequestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        Reply reply;
        String text = null;
        try {
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            text = res.body();
            JsonNode node = null;
            try {
                node = text == null || text.isBlank() ? null : json.readTree(text);
            } catch (RuntimeException notJson) {
                node = null;
            }
            reply = new Reply(res.statusCode(), node, null);
        } catch (java.net.http.HttpTimeoutException e) {
            reply = new Reply(null, null, "timeout after " + props.getRequestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            reply = new Reply(null, null, "I/O error: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = new Reply(null, null, "interrupted");
        } catch (RuntimeException e) {
            reply = new Reply(null, null, e.toString());
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.record(new SyncMessageLog.Exchange(outboxId, code, key, service, url, logged, reply.httpStatus(), text,
                reply.error(), ms, reply.ok()));
        return reply;
    }
}
