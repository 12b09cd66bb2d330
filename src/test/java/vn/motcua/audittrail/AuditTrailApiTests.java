package vn.motcua.audittrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.audittrail.internal.AuditWorkbook;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The supervisors' trail through the API and the pages: a dossier act made
 * through the API reaches the trail (after its commit, from the event) with
 * its officer, unit and dossier; refused attempts too; the search filters
 * and pages; the export opens as a workbook with the Vietnamese header; the
 * verification answers; and searching and exporting are themselves recorded.
 */
class AuditTrailApiTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    AuditTrail audit;

    DossierFixtures.World w;
    StaffView supervisor;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        clock.pin(Instant.parse("2026-03-02T02:00:00Z")); // Monday 2 March 2026, 09:00 in Vietnam
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder b, StaffView who) {
        return b.with(httpBasic(who.username(), Fixtures.PASSWORD));
    }

    private String search(String query) throws Exception {
        return mvc.perform(as(get("/api/v1/audit" + query), supervisor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aDossierActThroughTheApiReachesTheTrailWithItsOfficerUnitAndDossier() throws Exception {
        String body = mvc.perform(as(post("/api/v1/dossiers"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"procedureCode":"%s","channel":"IN_PERSON",
                                 "applicant":{"kind":"PERSON","fullName":"Nguyễn Thị Hoà","idNumber":"040123456789"},
                                 "components":[{"name":"Tờ khai đề nghị","originals":1,"copies":0}]}"""
                                .formatted(w.procedure().code())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(body, "$.code");
        mvc.perform(as(post("/api/v1/dossiers/" + code + "/forward"), w.deskOfficer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"Chuyển thẩm định\"}")).andExpect(status().isOk());
        // a refused attempt: a second supplement request (the rule allows one)
        mvc.perform(as(post("/api/v1/dossiers/" + code + "/request-supplement"), w.specialist())
                .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[\"Bản sao\"],\"reason\":\"Thiếu\"}"))
                .andExpect(status().isOk());
        mvc.perform(as(post("/api/v1/dossiers/" + code + "/supplement-received"), w.deskOfficer())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        mvc.perform(as(post("/api/v1/dossiers/" + code + "/request-supplement"), w.specialist())
                .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[\"Ảnh\"],\"reason\":\"Lần hai\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("supplement-once"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                JsonPath.<List<String>>read(search("?dossier=" + code + "&size=50"), "$.items[*].kind"))
                .contains("dossier.file", "dossier.receive", "dossier.forward", "dossier.request-supplement",
                        "dossier.supplement-received", "dossier.act-refused"));

        String found = search("?dossier=" + code + "&kind=dossier.forward");
        assertThat(JsonPath.<Integer>read(found, "$.total")).isEqualTo(1);
        Map<String, Object> forward = JsonPath.read(found, "$.items[0]");
        assertThat(forward).containsEntry("actor", w.deskOfficer().username())
                .containsEntry("dossierCode", code)
                .containsEntry("subjectType", "dossier-act")
                .containsEntry("at", "2026-03-02T09:00:00+07:00");
        assertThat(((Number) forward.get("unitId")).longValue()).isEqualTo(w.desk().id());
        assertThat(forward.get("unitName")).isEqualTo(w.desk().name());
        assertThat(JsonPath.<List<Object>>read(found, "$.items[0].changes[?(@.field == 'status')].oldValue")).containsExactly("2");
        assertThat(JsonPath.<List<Object>>read(found, "$.items[0].changes[?(@.field == 'status')].newValue")).containsExactly("4");

        String refused = search("?dossier=" + code + "&kind=dossier.act-refused");
        assertThat(JsonPath.<List<String>>read(refused, "$.items[*].reason")).containsExactly("supplement-once");
        assertThat(JsonPath.<List<String>>read(refused, "$.items[*].actor")).containsExactly(w.specialist().username());
        assertThat(JsonPath.<List<Object>>read(refused, "$.items[*].unitId")).containsExactly((Object) (int) w.division().id());

        // each act once, however often the event is delivered
        List<String> keys = JsonPath.read(search("?dossier=" + code + "&size=50"), "$.items[*].subjectId");
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void theSearchFiltersAndPages() throws Exception {
        String actor = "tester-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            audit.recordAlone(AuditEntry.of(i < 3 ? "test.search.a" : "test.search.b", actor, "test-subject", "s" + i)
                    .unit(w.division().id()).dossier(i == 4 ? "DOSSIER-" + actor : null));
        }
        String page0 = search("?actor=" + actor + "&size=2&page=0");
        assertThat(JsonPath.<Integer>read(page0, "$.total")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(page0, "$.size")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(page0, "$.items[*].subjectId")).containsExactly("s4", "s3");
        assertThat(JsonPath.<List<String>>read(search("?actor=" + actor + "&size=2&page=2"), "$.items[*].subjectId"))
                .containsExactly("s0");
        assertThat(JsonPath.<Integer>read(search("?actor=" + actor + "&kind=test.search.b"), "$.total")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(search("?actor=" + actor + "&unit=" + w.division().id()), "$.total")).isEqualTo(5);
        assertThat(JsonPath.<List<String>>read(search("?dossier=DOSSIER-" + actor), "$.items[*].subjectId")).containsExactly("s4");
        assertThat(JsonPath.<List<String>>read(search("?subjectType=test-subject&subjectId=s2&actor=" + actor),
                "$.items[*].kind")).containsExactly("test.search.a");
        // the entries were made at the pinned clock's instant: that day in Vietnam finds them, the day before does not
        String today = "2026-03-02";
        String yesterday = "2026-03-01";
        assertThat(JsonPath.<Integer>read(search("?actor=" + actor + "&from=" + today + "&to=" + today), "$.total")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(search("?actor=" + actor + "&to=" + yesterday), "$.total")).isZero();
        mvc.perform(as(get("/api/v1/audit?from=yesterday"), supervisor)).andExpect(status().isBadRequest());
        mvc.perform(as(get("/api/v1/audit?size=1000"), supervisor)).andExpect(status().isBadRequest());

        // the searches themselves are in the trail
        assertThat(JsonPath.<List<String>>read(search("?actor=" + supervisor.username() + "&kind=audit.searched&size=200"),
                "$.items[*].detail")).anySatisfy(d -> assertThat(d).contains("actor=" + actor, "kind=test.search.b"));
    }

    @Test
    void theExportOpensAsAWorkbookWithTheVietnameseHeaderAndTheRows() throws Exception {
        String actor = "export-" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAlone(AuditEntry.of("test.export", actor, "staff", "7").reason("Lý do có dấu")
                .change("roles", "SPECIALIST", "LEADER"));
        audit.recordAlone(AuditEntry.of("test.export", actor, "staff", "8"));
        byte[] xlsx = mvc.perform(as(get("/api/v1/audit/export?actor=" + actor), supervisor))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sh = wb.getSheetAt(0);
            Row head = sh.getRow(3);
            List<String> headers = new ArrayList<>();
            head.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(AuditWorkbook.HEADERS);
            assertThat(headers).contains("Người thực hiện", "Thay đổi (cũ → mới)");
            assertThat(sh.getRow(4).getCell(4).getStringCellValue()).isEqualTo(actor);
            assertThat(sh.getRow(4).getCell(7).getStringCellValue()).isEqualTo("8"); // newest first
            assertThat(sh.getRow(5).getCell(7).getStringCellValue()).isEqualTo("7");
            assertThat(sh.getRow(5).getCell(9).getStringCellValue()).isEqualTo("roles: SPECIALIST → LEADER");
            assertThat(sh.getRow(5).getCell(10).getStringCellValue()).isEqualTo("Lý do có dấu");
            assertThat(sh.getRow(6)).isNull();
        }
        String csv = new String(mvc.perform(as(get("/api/v1/audit/export?format=csv&actor=" + actor), supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSTT,Số thứ tự trong chuỗi,").contains("\"Lý do có dấu\"");
        assertThat(csv.split("\r\n")).hasSize(3);
        mvc.perform(as(get("/api/v1/audit/export?format=pdf"), supervisor)).andExpect(status().isBadRequest());

        assertThat(audit.about("audit", null, 10)).isEmpty(); // (the subject of searches has no id)
        assertThat(JsonPath.<List<String>>read(search("?actor=" + supervisor.username() + "&kind=audit.exported"),
                "$.items[*].detail")).anySatisfy(d -> assertThat(d).contains("actor=" + actor, "xlsx", "2 entries"))
                .anySatisfy(d -> assertThat(d).contains("csv"));
    }

    @Test
    void theVerificationAnswersAndIsRecorded() throws Exception {
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        mvc.perform(as(get("/api/v1/audit/verify"), admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.firstBroken").doesNotExist())
                .andExpect(jsonPath("$.entries").isNumber())
                .andExpect(jsonPath("$.elapsedMs").isNumber());
        mvc.perform(as(get("/api/v1/audit"), admin)).andExpect(status().isForbidden());
        assertThat(audit.ofKind("audit.verified", 50)).anySatisfy(e -> assertThat(e.actor()).isEqualTo(admin.username()));
    }

    @Test
    void thePagesSearchExportAndVerify() throws Exception {
        var me = DossierFixtures.World.principal(supervisor);
        String actor = "page-" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAlone(AuditEntry.of("test.page", actor, "staff", "9").change("fullName", "Cũ", "Mới"));
        mvc.perform(get("/audit").param("actor", actor).with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("test.page")))
                .andExpect(content().string(containsString("Mới")))
                .andExpect(content().string(containsString("audit-export-xlsx")));
        mvc.perform(get("/audit/export").param("actor", actor).with(user(me))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
        mvc.perform(post("/audit/verify").with(user(me)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("audit-verify-ok")));
    }
}
