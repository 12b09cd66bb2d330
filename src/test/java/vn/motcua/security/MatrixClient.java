package vn.motcua.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.security.AuthorizationMatrix.Caller;
import vn.motcua.security.AuthorizationMatrix.Column;

/**
 * Calls one cell of the matrix as the caller really would: staff pages and the
 * portal with the session cookie their login form gave (one real login per
 * identity, kept for the whole run), the API with HTTP Basic (the project
 * remembers a checked password for minutes, so no BCrypt per call) or the
 * demo API key, page forms with a CSRF token. Every caller sends its one
 * credential everywhere: the citizen's session cookie on the API, the API key
 * on pages, which shows that neither opens anything there. Then sorts the
 * answer into the matrix's words.
 */
final class MatrixClient {

    static final String PASSWORD = "MotCua@2026";
    static final String API_KEY = "mc_demo_key_local_only_9f3a2c7e";

    /** What came back, in the matrix's word and as seen (for the failure report). */
    record Outcome(String answer, String seen) {
    }

    private final MockMvc mvc;
    private final MessageSource messages;
    private final JsonMapper json;
    private final MatrixFixtures fixtures;
    private final Map<Caller, Cookie> sessions = new EnumMap<>(Caller.class);

    MatrixClient(MockMvc mvc, MessageSource messages, JsonMapper json, MatrixFixtures fixtures) {
        this.mvc = mvc;
        this.messages = messages;
        this.json = json;
        this.fixtures = fixtures;
    }

    /** Signs every identity in once through the real login forms. */
    void signIn() throws Exception {
        for (Caller c : List.of(Caller.ADMIN, Caller.SUPERVISOR, Caller.ONESTOP, Caller.SPECIALIST, Caller.LEADER)) {
            MvcResult r = mvc.perform(post("/login").with(csrf()).param("username", MatrixFixtures.username(c))
                    .param("password", PASSWORD)).andReturn();
            sessions.put(c, session(r, "/"));
        }
        MvcResult r = mvc.perform(post("/portal/login").with(csrf()).param("identityNumber", MatrixFixtures.DEMO_CITIZEN)
                .param("password", PASSWORD)).andReturn();
        sessions.put(Caller.CITIZEN, session(r, "/portal"));
    }

    private static Cookie session(MvcResult r, String expectedTarget) {
        MockHttpServletResponse res = r.getResponse();
        if (!expectedTarget.equals(res.getRedirectedUrl()) || res.getCookie("SESSION") == null) {
            throw new IllegalStateException("login failed: " + res.getStatus() + " → " + res.getRedirectedUrl());
        }
        return res.getCookie("SESSION");
    }

    // --- the request a row describes ----------------------------------------------------------------

    /**
     * The row's {@code request} cell, read once: space-separated
     * {@code name=value} (a path variable), {@code ?name=value} (a request
     * parameter: query string, or form field of a POST), {@code body.a.b=value}
     * (a field of the JSON body; numbers and true/false are typed),
     * {@code body=text} (the raw body, the rest of the cell), {@code multipart},
     * {@code header:Name=value}, {@code url=/path} (the path to call, for a
     * pattern with wildcards), {@code nocsrf} (a page form sent without its
     * CSRF token). A value {@code @name} is a fixture, resolved per caller
     * and scope ({@link MatrixFixtures#NAMES}); {@code @name.own} and
     * {@code @name.other} take that scope whatever the column's.
     */
    record Spec(Map<String, String> vars, List<String[]> params, Map<String, Object> body, String rawBody, boolean multipart,
                List<String[]> headers, boolean noCsrf) {

        static Spec parse(String cell) {
            Map<String, String> vars = new LinkedHashMap<>();
            List<String[]> params = new ArrayList<>();
            Map<String, Object> body = new LinkedHashMap<>();
            List<String[]> headers = new ArrayList<>();
            String raw = null;
            boolean multipart = false;
            boolean noCsrf = false;
            String rest = cell.strip();
            int rawAt = rest.startsWith("body=") ? 0 : rest.indexOf(" body=");
            if (rawAt >= 0) {
                raw = rest.substring(rawAt + (rawAt == 0 ? 5 : 6));
                rest = rest.substring(0, rawAt);
            }
            for (String token : rest.isBlank() ? new String[0] : rest.strip().split("\\s+")) {
                if (token.equals("multipart")) {
                    multipart = true;
                    continue;
                }
                if (token.equals("nocsrf")) {
                    noCsrf = true;
                    continue;
                }
                int eq = token.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("not a name=value: " + token);
                }
                String name = token.substring(0, eq);
                String value = token.substring(eq + 1);
                if (name.startsWith("?")) {
                    params.add(new String[] {name.substring(1), value});
                } else if (name.startsWith("body.")) {
                    put(body, name.substring(5).split("\\."), value);
                } else if (name.startsWith("header:")) {
                    headers.add(new String[] {name.substring(7), value});
                } else {
                    vars.put(name, value);
                }
            }
            return new Spec(vars, params, body, raw, multipart, headers, noCsrf);
        }

        @SuppressWarnings("unchecked")
        private static void put(Map<String, Object> body, String[] path, String value) {
            Map<String, Object> at = body;
            for (int i = 0; i < path.length - 1; i++) {
                at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            }
            at.put(path[path.length - 1], value);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Calls the row's operation as the column's caller. */
    Outcome call(AuthorizationMatrix.Row row, Column column) throws Exception {
        return call(row.method(), row.path(), Spec.parse(row.request()), column);
    }

    Outcome call(String method, String path, Spec spec, Column column) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        if (spec.vars().containsKey("url")) {
            path = spec.vars().get("url");
        }
        Matcher m = VARIABLE.matcher(path);
        while (m.find()) {
            String name = m.group(1);
            String v = spec.vars().get(name);
            if (v == null) {
                throw new IllegalArgumentException("no value for {" + name + "}: add " + name + "=… to the request cell");
            }
            values.put(name, resolve(v, column));
        }
        var uri = UriComponentsBuilder.fromPath(path).buildAndExpand(values).encode().toUri();
        HttpMethod http = method.equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(method);
        AbstractMockHttpServletRequestBuilder<?> b = spec.multipart()
                ? MockMvcRequestBuilders.multipart(http, uri) : MockMvcRequestBuilders.request(http, uri);
        for (String[] p : spec.params()) {
            b.param(p[0], resolve(p[1], column));
        }
        for (String[] h : spec.headers()) {
            b.header(h[0], resolve(h[1], column));
        }
        boolean api = path.startsWith("/api/");
        boolean writes = http != HttpMethod.GET && http != HttpMethod.HEAD;
        if (api && writes && !spec.multipart()) {
            b.contentType(MediaType.APPLICATION_JSON).content(body(spec, column));
        } else if (spec.rawBody() != null) {
            b.content(spec.rawBody());
        }
        if (api) {
            b.accept(MediaType.APPLICATION_JSON);
        }
        if (!api && writes && !spec.noCsrf()) {
            b.with(csrf());
        }
        credentials(b, column.caller(), api);
        long t0 = System.nanoTime();
        MvcResult result = mvc.perform(b).andReturn();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (System.getenv("MATRIX_TIMING") != null) { // MATRIX_TIMING=1 mvn test …: each call's time, to find a slow one
            System.out.println("TIMING " + ms + " " + method + " " + path + " " + column.name());
        }
        return classify(result, api);
    }

    private String body(Spec spec, Column column) {
        if (spec.rawBody() != null) {
            return resolve(spec.rawBody(), column);
        }
        return json.writeValueAsString(typed(spec.body(), column));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> typed(Map<String, Object> in, Column column) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (v instanceof Map) {
                out.put(k, typed((Map<String, Object>) v, column));
            } else {
                String s = resolve((String) v, column);
                out.put(k, s.matches("-?\\d{1,18}") ? (Object) Long.valueOf(s)
                        : s.equals("true") || s.equals("false") ? (Object) Boolean.valueOf(s) : s);
            }
        });
        return out;
    }

    /** A literal, or a fixture: {@code @name} in the column's scope, {@code @name.own} or {@code @name.other} in that one. */
    private String resolve(String value, Column column) {
        if (!value.startsWith("@")) {
            return value;
        }
        String name = value.substring(1);
        AuthorizationMatrix.Scope scope = column.scope();
        if (name.endsWith(".own") || name.endsWith(".other")) {
            scope = name.endsWith(".own") ? AuthorizationMatrix.Scope.OWN : AuthorizationMatrix.Scope.OTHER;
            name = name.substring(0, name.lastIndexOf('.'));
        }
        return fixtures.value(name, column.caller(), scope);
    }

    /** Whether the caller sends a session cookie on this path (the citizen everywhere, the staff on pages). */
    boolean usesSession(String path, Caller caller) {
        return caller == Caller.CITIZEN || sessions.containsKey(caller) && !path.startsWith("/api/");
    }

    private void credentials(AbstractMockHttpServletRequestBuilder<?> b, Caller caller, boolean api) {
        switch (caller) {
            case ANONYMOUS -> { }
            case APIKEY -> b.header("Authorization", "Bearer " + API_KEY);
            case CITIZEN -> b.cookie(sessions.get(caller));
            default -> {
                if (api) {
                    b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (MatrixFixtures.username(caller) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
                } else {
                    b.cookie(sessions.get(caller));
                }
            }
        }
    }

    // --- the answer in the matrix's words ---------------------------------------------------------

    private static final Pattern LOGIN_PAGE = Pattern.compile("(https?://[^/]+)?(/portal)?/login(\\?.*)?");
    private static final Set<Integer> LET_THROUGH = Set.of(400, 409, 422);

    private Outcome classify(MvcResult result, boolean api) {
        MockHttpServletResponse res = result.getResponse();
        int status = res.getStatus();
        String location = res.getRedirectedUrl();
        String seen = status + (location == null ? "" : " → " + location);
        Object flashError = result.getFlashMap() == null ? null : result.getFlashMap().get("flashError");
        if (flashError != null) {
            seen += " (flash: " + flashError + ")";
        }
        boolean refused = result.getFlashMap() != null
                && result.getFlashMap().values().stream().anyMatch(v -> v != null && forbiddenMessage(v.toString()));
        String answer;
        if (status == 401) {
            answer = "login";
        } else if (status == 403) {
            answer = "forbidden";
        } else if (status == 404) {
            answer = "hidden";
        } else if (!api && status >= 300 && status < 400 && location != null && LOGIN_PAGE.matcher(location).matches()) {
            answer = "login";
        } else if (!api && status >= 300 && status < 400 && refused) {
            answer = "forbidden";
        } else if (status >= 200 && status < 400 || LET_THROUGH.contains(status)) {
            answer = "ok";
        } else {
            answer = "error";
        }
        return new Outcome(answer, seen);
    }

    /**
     * The pages' acts and scans catch a refusal and go back to the dossier with
     * the message "not allowed" (alone, or after what failed).
     */
    private boolean forbiddenMessage(String text) {
        for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            if (text.endsWith(messages.getMessage("auth.forbidden", null, l))) {
                return true;
            }
        }
        return false;
    }
}
