package vn.motcua.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of the failure drills ({@code bin/drill}): N clients run whole
 * dossier lifecycles (file online, receive, forward twice, complete, return)
 * through the reverse proxy while the drill kills a node or restarts the
 * database. Every act carries its own {@code Idempotency-Key}; a call that
 * fails (connection lost, 502/503/504, 409 while the first try still runs) is
 * sent again with the same key until it is answered, so an act is either
 * acknowledged once or not at all. Afterwards every acknowledged dossier's
 * history is read back through the API: each acknowledged act must be there
 * exactly once (none lost, none doubled). Prints the counts and a last line
 * {@code PASS} or {@code FAIL: ...}; exits 1 on FAIL. Not a test.
 *
 * <p>Arguments: {@code --base=} (http://localhost:8090), {@code --clients=} (8),
 * {@code --seconds=} (60), {@code --procedure=} (1.004859), {@code --unit=}
 * (64), {@code --desk=}, {@code --specialist=}, {@code --leader=} (the demo
 * accounts of that commune), {@code --password=}, {@code --codes-file=} (where
 * the acknowledged codes are written, one per line, for the drill's own checks).
 */
public final class FailoverDrill {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("\"action\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicLong retries = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (s.startsWith("--") && eq > 0) {
                a.put(s.substring(2, eq), s.substring(eq + 1));
            }
        }
        System.exit(new FailoverDrill().run(a) ? 0 : 1);
    }

    private boolean run(Map<String, String> a) throws Exception {
        String base = a.getOrDefault("base", "http://localhost:8090") + "/api/v1/dossiers";
        int clients = Integer.parseInt(a.getOrDefault("clients", "8"));
        long until = System.nanoTime() + Long.parseLong(a.getOrDefault("seconds", "60")) * 1_000_000_000L;
        String procedure = a.getOrDefault("procedure", "1.004859");
        String unit = a.getOrDefault("unit", "64");
        String password = a.getOrDefault("password", "MotCua@2026");
        String desk = basic(a.getOrDefault("desk", "motcua.dienchau"), password);
        String specialist = basic(a.getOrDefault("specialist", "chuyenvien.dienchau"), password);
        String leader = basic(a.getOrDefault("leader", "lanhdao.dienchau"), password);
        // what the clients were told succeeded: per dossier code, the acts in order
        Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L);
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                int i = 0;
                try {
                    while (System.nanoTime() < until && failure[0] == null) {
                        String body = "{\"procedureCode\":\"" + procedure + "\",\"channel\":\"ONLINE\",\"receivingUnitId\":" + unit
                                + ",\"applicant\":{\"kind\":\"PERSON\",\"fullName\":\"Nguyễn Thị Diễn Tập " + client + "\",\"idNumber\":\"04"
                                + String.format("%010d", (Long.parseLong(run) * 100 + client * 1_000_000L + i++) % 10_000_000_000L)
                                + "\"},\"components\":[{\"name\":\"Tờ khai\",\"originals\":1,\"copies\":0}]}";
                        String filed = send(base, desk, body);
                        Matcher m = CODE.matcher(filed);
                        if (!m.find()) {
                            throw new IllegalStateException("no code in " + filed);
                        }
                        String code = m.group(1);
                        List<String> acts = java.util.Collections.synchronizedList(new ArrayList<>());
                        acts.add("file");
                        acknowledged.put(code, acts);
                        String[][] steps = {{desk, "receive", "{}"}, {desk, "forward", "{}"}, {specialist, "forward", "{}"},
                            {leader, "complete", "{\"resultNumber\":\"KQ-" + code.substring(code.length() - 4) + "\"}"},
                            {desk, "return", "{}"}};
                        for (String[] s : steps) {
                            send(base + "/" + code + "/" + s[1], s[0], s[2]);
                            acts.add(s[1]);
                        }
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                }
            }, "drill-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long acts = acknowledged.values().stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "load: %d clients, %,d dossiers, %,d acts acknowledged; %,d tries failed and were sent again%n",
                clients, acknowledged.size(), acts, retries.get());
        if (failure[0] != null) {
            System.out.println("FAIL: the load stopped: " + failure[0]);
            return false;
        }
        // read every acknowledged dossier's history back: each acknowledged act exactly once
        int lost = 0;
        int doubled = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : acknowledged.entrySet()) {
            String history = send(base + "/" + e.getKey() + "/history", desk, null);
            Map<String, Integer> seen = new HashMap<>();
            Matcher m = ACTION.matcher(history);
            while (m.find()) {
                seen.merge(m.group(1), 1, Integer::sum);
            }
            Map<String, Integer> told = new HashMap<>();
            for (String act : e.getValue()) {
                told.merge(act, 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> t : told.entrySet()) {
                int n = seen.getOrDefault(t.getKey(), 0);
                if (n < t.getValue()) {
                    lost += t.getValue() - n;
                    problems.add(e.getKey() + " " + t.getKey() + ": acknowledged " + t.getValue() + ", recorded " + n);
                } else if (n > t.getValue()) {
                    doubled += n - t.getValue();
                    problems.add(e.getKey() + " " + t.getKey() + ": acknowledged " + t.getValue() + ", recorded " + n);
                }
            }
        }
        String codesFile = a.get("codes-file");
        if (codesFile != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(codesFile), acknowledged.keySet(), StandardCharsets.UTF_8);
        }
        System.out.printf(Locale.ROOT, "check: %,d acknowledged acts lost, %,d recorded twice%n", lost, doubled);
        problems.stream().limit(10).forEach(p -> System.out.println("  " + p));
        if (lost > 0 || doubled > 0 || acknowledged.isEmpty()) {
            System.out.println("FAIL: " + (acknowledged.isEmpty() ? "no act was acknowledged" : lost + " lost, " + doubled + " doubled"));
            return false;
        }
        System.out.println("PASS");
        return true;
    }

    /** Sends until answered: the same Idempotency-Key on every try, so the act happens at most once. */
    private String send(String uri, String auth, String body) throws Exception {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", auth).header("Accept", "application/json");
                if (body != null) {
                    b.header("Content-Type", "application/json").header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(body));
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s / 100 == 2) {
                    return r.body();
                }
                if (s != 409 && s != 502 && s != 503 && s != 504) {
                    throw new IllegalStateException(uri + " answered " + s + ": " + r.body());
                }
            } catch (java.io.IOException e) {
                // the connection broke: the node died or the proxy gave up; send it again
            }
            retries.incrementAndGet();
            if (attempt >= 300) {
                throw new IllegalStateException(uri + " still not answered after " + attempt + " tries");
            }
            Thread.sleep(Math.min(1000, 50L * attempt));
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
