package vn.motcua.integration.internal.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP SMS gateway: {@code POST {url}/sms/send} with a JSON body
 * {@code {from, to, text, reference}}, HTTP Basic credentials and the
 * message's key as {@code Idempotency-Key} (a gateway that dedups by it
 * sends a message once however often it is asked), answered with
 * {@code {messageId, status}}; {@code GET {url}/sms/status/{messageId}}
 * answers {@code {messageId, status}} with status DELIVERED, UNDELIVERED,
 * FAILED or still pending. Configuration: {@code motcua.integration.sms.url},
 * {@code .username}, {@code .password}, {@code .sender}; no url = no gateway.
 */
@Component
public class SmsGateway {

    /** The gateway refused the message: {@code retryable} unless it said the request itself is wrong (4xx). */
    public static class Refused extends RuntimeException {
        private final boolean retryable;

        Refused(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final String url;
    private final String authorization;
    private final String sender;
    private final Duration timeout;
    private final HttpClient client;
    private final JsonMapper json;

    public SmsGateway(@Value("${motcua.integration.sms.url:}") String url,
                      @Value("${motcua.integration.sms.username:}") String username,
                      @Value("${motcua.integration.sms.password:}") String password,
                      @Value("${motcua.integration.sms.sender:MOTCUA-NA}") String sender,
                      @Value("${motcua.integration.sms.timeout:PT10S}") Duration timeout, JsonMapper json) {
        this.url = url == null ? "" : url.strip().replaceAll("/+$", "");
        this.authorization = username == null || username.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.sender = sender;
        this.timeout = timeout;
        this.json = json;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean enabled() {
        return !url.isEmpty();
    }

    /** Sends one message; answers the gateway's message id; throws {@link Refused} or an I/O error. */
    public String send(String phone, String text, String key) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", sender);
        body.put("to", phone);
        body.put("text", text);
        body.put("reference", key);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/sms/send")).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = r.statusCode();
        if (status >= 200 && status <= 299) {
            String id = field(r.body(), "messageId");
            if (id == null || id.isBlank()) {
                throw new Refused("HTTP " + status + " without a messageId", true);
            }
            return id;
        }
        boolean retryable = status >= 500 || status == 408 || status == 429;
        throw new Refused("HTTP " + status + (r.body() == null || r.body().isBlank() ? ""
                : ": " + r.body().substring(0, Math.min(300, r.body().length()))), retryable);
    }

    /** The gateway's status of a message it took (upper case), or null when it cannot say now. */
    public String status(String messageId) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/sms/status/"
                        + URLEncoder.encode(messageId, StandardCharsets.UTF_8))).timeout(timeout)
                .header("Accept", "application/json").GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            return null;
        }
        String s = field(r.body(), "status");
        return s == null ? null : s.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
