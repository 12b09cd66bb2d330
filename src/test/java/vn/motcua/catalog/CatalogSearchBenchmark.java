package vn.motcua.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotCuaApplication;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;

/**
 * Public catalogue search, measured: starts the application on a random port
 * over its own database ({@code motcua_bench_catalog}, created when missing,
 * demo profile), makes sure it holds at least 2,000 generated published
 * procedures besides the demo ones, then sends search requests without
 * diacritics (a fifth of them with a filter) one after another to
 * {@code GET /api/v1/procedures} and reports the latency percentiles; then the
 * same queries straight on {@link CatalogService#searchPublished}.
 *
 * <p>Not a test (Surefire leaves out {@code *Benchmark*}); run it with the
 * command in {@code docs/benchmarks.md}. System properties: {@code bench.db},
 * {@code bench.procedures} (2000), {@code bench.requests} (3000),
 * {@code bench.warmup} (500).
 */
public final class CatalogSearchBenchmark {

    static final String[] VERBS = {"Cấp", "Cấp lại", "Cấp đổi", "Đăng ký", "Thẩm định", "Công nhận", "Gia hạn",
        "Điều chỉnh", "Thu hồi", "Xác nhận", "Phê duyệt", "Chấp thuận", "Đăng ký thay đổi", "Thông báo", "Hỗ trợ"};
    static final String[] OBJECTS = {"giấy phép kinh doanh", "giấy chứng nhận đủ điều kiện", "chứng chỉ hành nghề",
        "hộ kinh doanh", "giấy phép xây dựng", "quyền sử dụng đất", "giấy phép lái xe", "phiếu lý lịch tư pháp",
        "giấy phép môi trường", "văn phòng đại diện", "cơ sở giáo dục mầm non", "trợ cấp xã hội", "nhà ở riêng lẻ",
        "hợp tác xã", "giấy phép bán lẻ rượu", "dịch vụ karaoke", "cơ sở khám bệnh, chữa bệnh", "nguồn nước",
        "di tích lịch sử - văn hóa", "tàu cá", "giống cây trồng", "thuốc bảo vệ thực vật", "trang trại chăn nuôi",
        "biển hiệu quảng cáo", "hoạt động tôn giáo"};
    static final String[] QUALIFIERS = {"", "đối với hộ gia đình, cá nhân", "cho doanh nghiệp", "có yếu tố nước ngoài",
        "trong khu công nghiệp", "tại khu vực nông thôn", "đối với tổ chức", "lần đầu", "do bị mất, hư hỏng",
        "khi thay đổi thông tin", "trên địa bàn tỉnh Nghệ An", "theo cơ chế liên thông"};
    static final String[] FIELDS = {"Đất đai", "Hoạt động xây dựng", "Hộ tịch", "Chứng thực", "Kinh doanh", "Môi trường",
        "Y tế", "Giáo dục", "Văn hóa", "Nông nghiệp", "Thủy sản", "Giao thông", "Lao động", "Bảo trợ xã hội", "Tôn giáo"};
    static final String[] QUERIES = {"ho kinh doanh", "giay phep", "cap lai chung chi", "dang ky", "xay dung", "khai sinh",
        "dat dai", "ruou", "karaoke", "cong nhan", "nghe an", "1.00", "gia han giay phep", "chung thuc ban sao",
        "tro cap xa hoi", "nha o rieng le", "ly lich tu phap", "moi truong", "hop tac xa", "tau ca", "quang cao",
        "thu hoi giay chung nhan", "co so kham benh", "mam non", "nuoc ngoai", "lien thong", "ton giao", "giong cay trong",
        "phe duyet", "thong bao", "bi mat hu hong", "doanh nghiep", "ket hon", "xac nhan tinh trang hon nhan",
        "khu cong nghiep", "van phong dai dien", "nguon nuoc", "thuoc bao ve thuc vat", "chan nuoi", "di tich"};

    private CatalogSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "motcua_bench_catalog");
        int procedures = Integer.getInteger("bench.procedures", 2000);
        int requests = Integer.getInteger("bench.requests", 3000);
        int warmup = Integer.getInteger("bench.warmup", 500);

        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MotCuaApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://" + env("MOTCUA_DB_HOST", "localhost") + ":"
                                + env("MOTCUA_DB_PORT", "5432") + "/" + db,
                        "--logging.level.root=WARN", "--logging.level.vn.motcua=WARN", "--spring.thymeleaf.cache=true");
        int status = 0;
        try {
            CatalogService catalog = ctx.getBean(CatalogService.class);
            load(catalog, procedures);
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            report(catalog, port, requests, warmup);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            ctx.close();
        }
        System.exit(status);
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    /** Adds generated published procedures until the bench database holds the wanted number (kept between runs). */
    static void load(CatalogService catalog, int wanted) {
        Random random = new Random(42);
        long start = System.nanoTime();
        int made = 0;
        for (int i = 0; i < wanted; i++) {
            String code = String.format("8.%06d", i);
            ProcedureCommand c = generated(code, random);
            if (catalog.exists(code)) {
                continue;
            }
            catalog.create(c, "benchmark");
            catalog.publish(code, (100 + i % 900) + "/QĐ-UBND", LocalDate.of(2025, 7, 1), "benchmark");
            made++;
        }
        System.out.printf(Locale.ROOT, "catalogue: %d procedures (%d generated now in %.1f s), %d published%n",
                catalog.count(), made, (System.nanoTime() - start) / 1e9,
                catalog.countByStatus().getOrDefault(ProcedureStatus.PUBLISHED, 0L));
    }

    static ProcedureCommand generated(String code, Random r) {
        String name = (pick(r, VERBS) + " " + pick(r, OBJECTS) + " " + pick(r, QUALIFIERS)).strip();
        boolean commune = r.nextBoolean();
        int days = 1 + r.nextInt(30);
        OnlineLevel online = OnlineLevel.values()[r.nextInt(3)];
        EnumSet<FilingMethod> methods = online == OnlineLevel.NONE ? EnumSet.of(FilingMethod.IN_PERSON, FilingMethod.POST)
                : EnumSet.allOf(FilingMethod.class);
        List<Step> steps = new ArrayList<>();
        BigDecimal total = BigDecimal.valueOf(days);
        BigDecimal sign = days >= 3 ? BigDecimal.ONE : new BigDecimal("0.5");
        if (commune) {
            steps.add(new Step("Tiếp nhận", Role.ONE_STOP_OFFICER, UnitRef.kind(UnitKind.ONE_STOP_DESK), BigDecimal.ZERO));
            steps.add(new Step("Thẩm định", Role.SPECIALIST, UnitRef.kind(UnitKind.DIVISION), total.subtract(sign)));
            steps.add(new Step("Ký", Role.LEADER, UnitRef.kind(UnitKind.COMMUNE), sign));
        } else {
            String agency = String.format("000.00.%02d.H40", 2 + r.nextInt(11));
            steps.add(new Step("Tiếp nhận", Role.ONE_STOP_OFFICER, UnitRef.unitCode("000.00.20.H40"), BigDecimal.ZERO));
            steps.add(new Step("Thẩm định", Role.SPECIALIST, UnitRef.unitCode(agency.replace("000.00.", "000.01.")),
                    total.subtract(sign)));
            steps.add(new Step("Ký", Role.LEADER, UnitRef.unitCode(agency), sign));
        }
        String agency = commune ? null : steps.get(2).unit().code();
        long fee = r.nextInt(4) == 0 ? 0 : 10_000L * (1 + r.nextInt(50));
        return new ProcedureCommand(code, name + " (" + code + ")", pick(r, FIELDS),
                commune ? UnitLevel.COMMUNE : UnitLevel.PROVINCE, agency == null ? null : UnitRef.unitCode(agency),
                List.of("Cá nhân, tổ chức"), methods, online, r.nextInt(5) == 0, r.nextBoolean(),
                List.of(new ProcedureCase("TH1", "Thông thường", new ProcessingTime(total, DurationUnit.WORKING_DAYS), null, steps)),
                List.of(new ProcedureComponent("Đơn đề nghị", 1, 0, null), new ProcedureComponent("Giấy tờ kèm theo", 0, 1, null)),
                List.of(), fee == 0 ? List.of() : List.of(new Fee("Phí, lệ phí", fee, null)), null, "Văn bản kết quả",
                List.of(), null);
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    /** The i-th query of the mix: a fifth carry a level or online-level filter. */
    static String query(Random r) {
        String q = "q=" + URLEncoder.encode(pick(r, QUERIES), StandardCharsets.UTF_8);
        return switch (r.nextInt(10)) {
            case 0 -> q + "&level=" + (r.nextBoolean() ? "COMMUNE" : "PROVINCE");
            case 1 -> q + "&onlineLevel=FULL";
            default -> q;
        };
    }

    static void report(CatalogService catalog, int port, int requests, int warmup) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + port + "/api/v1/procedures?";
        Random r = new Random(7);
        for (int i = 0; i < warmup; i++) {
            send(http, base + query(r));
        }
        long[] nanos = new long[requests];
        long hits = 0;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            String url = base + query(r);
            long t0 = System.nanoTime();
            String body = send(http, url);
            nanos[i] = System.nanoTime() - t0;
            if (!body.contains("\"total\":0")) {
                hits++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        print("HTTP GET /api/v1/procedures", nanos, requests / seconds);
        System.out.printf(Locale.ROOT, "  queries with at least one result: %d of %d%n", hits, requests);

        // the same mix straight on the service (no HTTP, no JSON)
        Random s = new Random(7);
        for (int i = 0; i < warmup; i++) {
            catalog.searchPublished(serviceQuery(s));
        }
        long[] direct = new long[requests];
        start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            ProcedureQuery q = serviceQuery(s);
            long t0 = System.nanoTime();
            catalog.searchPublished(q);
            direct[i] = System.nanoTime() - t0;
        }
        print("CatalogService.searchPublished", direct, requests / ((System.nanoTime() - start) / 1e9));
    }

    static ProcedureQuery serviceQuery(Random r) {
        String q = pick(r, QUERIES);
        return switch (r.nextInt(10)) {
            case 0 -> new ProcedureQuery(q, r.nextBoolean() ? UnitLevel.COMMUNE : UnitLevel.PROVINCE, null, null, null, 0, 20);
            case 1 -> new ProcedureQuery(q, null, null, null, OnlineLevel.FULL, 0, 20);
            default -> new ProcedureQuery(q, null, null, null, null, 0, 20);
        };
    }

    private static String send(HttpClient http, String url) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + res.statusCode());
        }
        return res.body();
    }

    private static void print(String what, long[] nanos, double perSecond) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %d requests, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms,"
                        + " %.0f requests/s (one client)%n", what, sorted.length, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted[sorted.length - 1] / 1e6, Arrays.stream(sorted).average().orElse(0) / 1e6, perSecond);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
