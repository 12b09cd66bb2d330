package vn.motcua.dossier;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole dossier lifecycle through the HTTP API with N concurrent clients,
 * then PostgreSQL's own pgbench (TPC-B-like) at the same concurrency as the
 * ceiling. Each client repeats: file an online dossier at a commune desk
 * ({@code POST /api/v1/dossiers}), receive it, forward it to the specialist,
 * forward it to the leader, complete it and return the result: six acts, each
 * by the account whose role the step needs (HTTP Basic; the application
 * remembers a checked password for five minutes, so BCrypt is not in the
 * loop). An act is counted when its answer is 2xx; anything else stops the run.
 *
 * <p>The application must already run (see {@code docs/benchmarks.md}). Not a
 * test. Arguments: {@code --base=} (http://localhost:8095), {@code --clients=}
 * (16), {@code --seconds=} (60, measured), {@code --warmup=} (15 s),
 * {@code --procedure=} (1.004859), {@code --unit=} (64, the desk of xã Diễn
 * Châu), {@code --desk=}, {@code --specialist=}, {@code --leader=} (the demo
 * accounts of that commune), {@code --password=}, {@code --pgbench=} (true),
 * {@code --pgbench-db=} (motcua_pgbench, created and initialised with scale =
 * clients when missing), {@code --pghost=} (127.0.0.1).
 */
public final class LifecycleBenchmark {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            if (s.startsWith("--") && eq > 0) {
                a.put(s.substring(2, eq), s.substring(eq + 1));
            }
        }
        String base = a.getOrDefault("base", "http://localhost:8095") + "/api/v1/dossiers";
        int clients = Integer.parseInt(a.getOrDefault("clients", "16"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "15"));
        String procedure = a.getOrDefault("procedure", "1.004859");
        String unit = a.getOrDefault("unit", "64");
        String password = a.getOrDefault("password", "MotCua@2026");
        String desk = basic(a.getOrDefault("desk", "motcua.dienchau"), password);
        String specialist = basic(a.getOrDefault("specialist", "chuyenvien.dienchau"), password);
        String leader = basic(a.getOrDefault("leader", "lanhdao.dienchau"), password);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long startAt = System.nanoTime();
        long measureFrom = startAt + warmup * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        AtomicLong acts = new AtomicLong();
        AtomicLong lifecycles = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[2_000_000];
            int[] n = {0};
            perThread.add(lat);
            int client = c;
            Thread t = new Thread(() -> {
                int i = 0;
                try {
                    while (System.nanoTime() < measureTo && failure[0] == null) {
                        String body = "{\"procedureCode\":\"" + procedure + "\",\"channel\":\"ONLINE\",\"receivingUnitId\":" + unit
                                + ",\"applicant\":{\"kind\":\"PERSON\",\"fullName\":\"Nguyễn Thị Thử " + client + "\",\"idNumber\":\"0403"
                                + String.format("%08d", (client * 1_000_000 + i++) % 100_000_000) + "\",\"phone\":\"0912345678\","
                                + "\"address\":\"xã Diễn Châu, tỉnh Nghệ An\"},\"components\":[{\"name\":\"Tờ khai\",\"originals\":1,\"copies\":0}]}";
                        String[] code = {null};
                        String[][] steps = {{desk, ""}, {desk, "/receive"}, {desk, "/forward"}, {specialist, "/forward"},
                            {leader, "/complete"}, {desk, "/return"}};
                        for (String[] s : steps) {
                            String uri = s[1].isEmpty() ? base : base + "/" + code[0] + s[1];
                            String payload = s[1].isEmpty() ? body : s[1].equals("/complete") ? "{\"resultNumber\":\"KQ-" + code[0].substring(code[0].length() - 4) + "\"}" : "{}";
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", s[0])
                                    .header("Content-Type", "application/json").header("Accept", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
                            long t1 = System.nanoTime();
                            if (r.statusCode() / 100 != 2) {
                                throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
                            }
                            if (code[0] == null) {
                                Matcher m = CODE.matcher(r.body());
                                if (!m.find()) {
                                    throw new IllegalStateException("no code in " + r.body());
                                }
                                code[0] = m.group(1);
                            }
                            if (t0 >= measureFrom && t1 <= measureTo) {
                                lat[n[0]++] = t1 - t0;
                                acts.incrementAndGet();
                            }
                        }
                        if (System.nanoTime() <= measureTo) {
                            lifecycles.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                }
                perThread.set(client, Arrays.copyOf(lat, n[0]));
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("run stopped", failure[0]);
        }
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double actsPerSec = acts.get() / (double) seconds;
        System.out.printf(Locale.ROOT, "HTTP lifecycle, %d clients, %d s measured after %d s warm-up: %,d acts (%,d lifecycles of 6 acts), %.1f acts/s;"
                        + " act latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                clients, seconds, warmup, acts.get(), lifecycles.get(), actsPerSec, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);

        if (Boolean.parseBoolean(a.getOrDefault("pgbench", "true"))) {
            String db = a.getOrDefault("pgbench-db", "motcua_pgbench");
            String host = a.getOrDefault("pghost", "127.0.0.1");
            String user = a.getOrDefault("pguser", "postgres");
            if (!run(List.of("psql", "-h", host, "-U", user, "-Atc", "SELECT 1 FROM pg_database WHERE datname = '" + db + "'")).contains("1")) {
                run(List.of("createdb", "-h", host, "-U", user, db));
                run(List.of("pgbench", "-h", host, "-U", user, "-i", "-q", "-s", Integer.toString(Math.max(1, clients)), db));
            }
            String out = run(List.of("pgbench", "-h", host, "-U", user, "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 4)),
                    "-T", Integer.toString(seconds), db));
            Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
            Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
            if (m.find()) {
                double tps = Double.parseDouble(m.group(1));
                System.out.printf(Locale.ROOT, "pgbench TPC-B-like, %d clients, %d s: %.1f tps (latency average %s ms); lifecycle acts/s = %.1f %% of pgbench tps%n",
                        clients, seconds, tps, lat.find() ? lat.group(1) : "?", 100.0 * actsPerSec / tps);
            } else {
                System.out.println(out);
            }
        }
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                sb.append(line).append('\n');
            }
        }
        p.waitFor();
        return sb.toString();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
