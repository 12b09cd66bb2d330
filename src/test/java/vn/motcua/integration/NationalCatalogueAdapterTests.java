package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import testsupport.farside.FarSide;
import testsupport.farside.FarSides;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Samples;
import vn.motcua.support.IntegrationTest;

/**
 * The adapter to the national procedure database against a real HTTP server
 * on loopback that answers as the provincial gateway does — and misbehaves:
 * a record that times out, one answered with 500, a malformed record among
 * good ones, a list that cannot be had.
 */
class NationalCatalogueAdapterTests extends IntegrationTest {

    private static final FarSide NATIONAL = FarSides.NATIONAL_CATALOGUE;

    @Autowired
    CatalogueImports imports;
    @Autowired
    CatalogService catalog;
    @Autowired
    JsonMapper json;

    /** What LayThuTuc answers per code. */
    private final Map<String, FarSide.Reply> records = new ConcurrentHashMap<>();
    private volatile FarSide.Reply list;
    /** The sessions the far side has issued and still accepts (the adapter keeps its session between tests). */
    private static final java.util.Set<String> SESSIONS = ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicInteger ISSUED = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void farSide() {
        NATIONAL.reset();
        records.clear();
        NATIONAL.on("POST", "/auth", r -> {
            String issued = "phien-" + ISSUED.incrementAndGet();
            SESSIONS.add(issued);
            return FarSide.Reply.json(200, "{\"error_code\":0,\"session\":\"" + issued + "\"}");
        });
        NATIONAL.on("POST", "/service", r -> {
            JsonNode body = json.readTree(r.text());
            if (!SESSIONS.contains(body.path("session").asString(""))) {
                return FarSide.Reply.json(200, "{\"error_code\":-1,\"message\":\"Phiên làm việc không hợp lệ\"}");
            }
            String service = body.path("service").asString("");
            if (service.equals("LayDanhSachTTHC")) {
                return list;
            }
            if (service.equals("LayThuTuc")) {
                return records.getOrDefault(body.path("maTTHC").asString(""),
                        FarSide.Reply.json(200, "{\"error_code\":0,\"result\":[]}"));
            }
            return FarSide.Reply.json(200, "{\"error_code\":1,\"message\":\"Dịch vụ không tồn tại\"}");
        });
    }

    @Test
    void fetchesTheListThenEachRecordAndSurvivesTimeoutsErrorsAndAMalformedRecord() {
        String good1 = Samples.code();
        String good2 = Samples.code();
        String slow = Samples.code();
        String broken = Samples.code();
        String malformed = Samples.code();
        list = FarSide.Reply.json(200, "{\"error_code\":0,\"result\":[" + summary(good1) + "," + summary(slow) + ","
                + summary(broken) + "," + summary(malformed) + "," + summary(good2) + "]}");
        records.put(good1, answer(CatalogueImportTests.national(good1, "Cấp Tỉnh", "Sở Tư pháp", "5", "Ngày làm việc", "Miễn phí")));
        records.put(slow, answer(CatalogueImportTests.national(slow, "Cấp Tỉnh", "Sở Tư pháp", "5", "Ngày làm việc", "Không"))
                .after(Duration.ofSeconds(4)));
        records.put(broken, FarSide.Reply.text(500, "text/html", "<h1>500 Internal Server Error</h1>"));
        records.put(malformed, FarSide.Reply.json(200, "{\"error_code\":0,\"result\":[\"MATTHC=" + malformed + "\"]}"));
        // the answer as some gateways give it: the records as JSON text in "message"
        records.put(good2, FarSide.Reply.json(200, "{\"error_code\":0,\"message\":" + json.writeValueAsString("["
                + CatalogueImportTests.national(good2, "Cấp Xã", "Ủy ban nhân dân cấp xã", "3", "Ngày làm việc", "Không") + "]") + "}"));

        CatalogueImportReport report = imports.importFromNational(List.of(), "admin");

        assertThat(report.source()).isEqualTo("NATIONAL");
        assertThat(report.error()).isNull();
        Map<String, CatalogueImportRow> rows = report.rows().stream()
                .collect(Collectors.toMap(CatalogueImportRow::code, Function.identity()));
        assertThat(report.rows()).extracting(CatalogueImportRow::code).containsExactly(good1, slow, broken, malformed, good2);
        assertThat(rows.get(good1).outcome()).isEqualTo(ImportOutcome.CREATED);
        assertThat(rows.get(good2).outcome()).isEqualTo(ImportOutcome.CREATED);
        assertThat(rows.get(slow).outcome()).isEqualTo(ImportOutcome.NOT_SAVED);
        assertThat(rows.get(slow).notes()).extracting(ImportNote::key).containsExactly("catimport.note.record.notFetched");
        assertThat(rows.get(broken).notes()).extracting(ImportNote::key).containsExactly("catimport.note.record.notFetched");
        assertThat(rows.get(malformed).notes()).extracting(ImportNote::key).containsExactly("catimport.note.record.notObject");
        assertThat(catalog.exists(good1)).isTrue();
        assertThat(catalog.exists(slow)).isFalse();

        // what the far side received: one call per service and record, with the session and the province's code
        List<FarSide.Received> calls = NATIONAL.received("/service");
        assertThat(calls).hasSize(6);
        JsonNode first = json.readTree(calls.get(0).text());
        assertThat(first.path("service").asString()).isEqualTo("LayDanhSachTTHC");
        assertThat(first.path("madonvi").asString()).isEqualTo("000.00.00.H40");
        assertThat(calls.stream().skip(1).map(c -> json.readTree(c.text()).path("maTTHC").asString()))
                .containsExactly(good1, slow, broken, malformed, good2);
        assertThat(calls.get(0).header("Content-Type")).startsWith("application/json");
    }

    @Test
    void fetchesOnlyTheCodesAskedFor() {
        String code = Samples.code();
        records.put(code, answer(CatalogueImportTests.national(code, "Cấp Xã", "UBND cấp xã", "2", "Ngày làm việc", "Không")));

        CatalogueImportReport report = imports.importFromNational(List.of(code, " " + code + " "), "admin");

        assertThat(report.rows()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(ImportOutcome.CREATED));
        assertThat(NATIONAL.received("/service")).singleElement()
                .satisfies(c -> assertThat(json.readTree(c.text()).path("service").asString()).isEqualTo("LayThuTuc"));
    }

    @Test
    void aListThatCannotBeHadIsRecordedAsAnImportWithItsError() {
        list = FarSide.Reply.json(500, "{\"error\":\"down\"}");
        CatalogueImportReport failed = imports.importFromNational(List.of(), "admin");
        assertThat(failed.rows()).isEmpty();
        assertThat(failed.error()).contains("HTTP 500");

        list = FarSide.Reply.dropConnection();
        assertThat(imports.importFromNational(List.of(), "admin").error()).contains("LayDanhSachTTHC");

        list = FarSide.Reply.json(200, "{\"error_code\":0,\"result\":[]}").after(Duration.ofSeconds(4));
        assertThat(imports.importFromNational(List.of(), "admin").error()).contains("no answer within 2000 ms");

        list = FarSide.Reply.json(200, "{\"error_code\":2,\"message\":\"Không có quyền truy cập\"}");
        assertThat(imports.importFromNational(List.of(), "admin").error()).contains("error_code 2");
    }

    @Test
    void signsInAgainAfterTheFarSideRefusesItsSession() {
        String first = Samples.code();
        String second = Samples.code();
        records.put(first, answer(CatalogueImportTests.national(first, "Cấp Xã", "UBND cấp xã", "2", "Ngày làm việc", "Không")));
        records.put(second, answer(CatalogueImportTests.national(second, "Cấp Xã", "UBND cấp xã", "2", "Ngày làm việc", "Không")));
        assertThat(imports.importFromNational(List.of(first), "admin").rows().get(0).outcome()).isEqualTo(ImportOutcome.CREATED);
        // the far side forgets the session the adapter holds (its own ten minutes are not over)
        SESSIONS.clear();

        CatalogueImportRow refused = imports.importFromNational(List.of(second), "admin").rows().get(0);
        CatalogueImportRow again = imports.importFromNational(List.of(second), "admin").rows().get(0);

        assertThat(refused.notes()).extracting(ImportNote::key).containsExactly("catimport.note.record.notFetched");
        assertThat(again.outcome()).isEqualTo(ImportOutcome.CREATED);
        assertThat(NATIONAL.received("/auth")).isNotEmpty().allSatisfy(a -> {
            JsonNode body = json.readTree(a.text());
            assertThat(body.path("username").asString()).isEqualTo("motcua-test");
            assertThat(body.path("password").asString()).isEqualTo("test-only-password");
        });
    }

    private static String summary(String code) {
        return "{\"MATTHC\":\"" + code + "\",\"TENTTHC\":\"Thủ tục " + code + "\",\"TRANGTHAI\":\"1\"}";
    }

    private static FarSide.Reply answer(String record) {
        return FarSide.Reply.json(200, "{\"error_code\":0,\"message\":\"Thành công\",\"result\":[" + record + "]}");
    }
}
