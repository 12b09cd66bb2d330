package testsupport.farside;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that stands for one national system or
 * partner (the national portal, the payment platform, the population
 * database, an SMS gateway, a partner's webhook endpoint) in the tests.
 * Tests program what it answers per method and path — including the ways the
 * far side misbehaves: a delay past the caller's timeout, a 500, a closed
 * connection — and read back every request it received.
 *
 * <p>One server per far side lives for the whole test run (started with the
 * shared Spring context, see {@code IntegrationTest}); a test calls
 * {@link #reset()} first, then {@link #on}/{@link #script}.
 */
public final class FarSide {

    /** One request as the far side received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers,
                           byte[] body, Instant at) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What the far side answers: a status, a body, optionally after a delay, or a dropped connection. */
    public record Reply(int status, String contentType, byte[] body, Duration delay, boolean drop) {
        public static Reply json(int status, String json) {
            return new Reply(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        public static Reply text(int status, String contentType, String body) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
        }

        /** Closes the connection without an answer (the caller sees an I/O error). */
        public static Reply dropConnection() {
            return new Reply(0, null, new byte[0], Duration.ZERO, true);
        }

        /** The same answer, sent only after {@code delay} (longer than the caller's timeout = a timeout). */
        public Reply after(Duration delay) {
            return new Reply(status, contentType, body, delay, drop);
        }
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

    private FarSide(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "far-side-" + name);
            t.setDaemon(true);
            return t;
        }));
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /** Starts a far side on a free loopback port. */
    public static FarSide start(String name) {
        try {
            return new FarSide(name);
        } catch (IOException e) {
            throw new IllegalStateException("far side " + name + " did not start", e);
        }
    }

    public String name() {
        return name;
    }

    /** http://127.0.0.1:port (no trailing slash). */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Forgets every route, script and received request. */
    public void reset() {
        routes.clear();
        scripts.clear();
        received.clear();
    }

    /** Answers every request to METHOD path with what {@code responder} returns. */
    public FarSide on(String method, String path, Function<Received, Reply> responder) {
        routes.put(key(method, path), responder);
        return this;
    }

    /**
     * Answers the next requests to METHOD path with these replies in turn,
     * before falling back to the route set by {@link #on} (or 404).
     */
    public FarSide script(String method, String path, Reply... replies) {
        scripts.computeIfAbsent(key(method, path), k -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    public void stop() {
        server.stop(0);
    }

    private static String key(String method, String path) {
        return method.toUpperCase() + " " + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            URI uri = exchange.getRequestURI();
            Received request = new Received(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    new LinkedHashMap<>(exchange.getRequestHeaders()), in.readAllBytes(), Instant.now());
            received.add(request);
            String key = key(request.method(), request.path());
            Reply reply = null;
            Deque<Reply> script = scripts.get(key);
            if (script != null) {
                synchronized (script) {
                    reply = script.poll();
                }
            }
            if (reply == null) {
                Function<Received, Reply> route = routes.get(key);
                reply = route == null ? Reply.json(404, "{\"error\":\"no route " + key + "\"}") : route.apply(request);
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.drop()) {
                exchange.close();
                return;
            }
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                exchange.getResponseBody().write(reply.body());
            }
        }
    }
}
