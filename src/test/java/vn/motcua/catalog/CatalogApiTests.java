package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** The catalogue's JSON API as partners use it: public reads, administrators' changes, import and export. */
class CatalogApiTests extends IntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JsonMapper json;

    RequestPostProcessor admin;

    @BeforeEach
    void admin() {
        StaffView a = fixtures.staff(Role.ADMIN, fixtures.province());
        admin = httpBasic(a.username(), Fixtures.PASSWORD);
    }

    private String body(ProcedureCommand c) {
        return json.writeValueAsString(c);
    }

    private void createAndPublish(ProcedureCommand c) throws Exception {
        mvc.perform(post("/api/v1/procedures").with(admin).contentType(MediaType.APPLICATION_JSON).content(body(c)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/procedures/" + c.code() + "/publish").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"12/QĐ-UBND\",\"decidedOn\":\"2025-07-01\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
    }

    @Test
    void theWholeLifecycleThroughTheApi() throws Exception {
        String code = Samples.code();
        String created = mvc.perform(post("/api/v1/procedures").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Samples.province(code, "Cấp phiếu thử nghiệm API"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/procedures/" + code + "/versions/1"))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.feeVnd").value(200000))
                .andExpect(jsonPath("$.cases[0].duration.amount").value(10))
                .andExpect(jsonPath("$.cases[0].duration.unit").value("WORKING_DAYS"))
                .andExpect(jsonPath("$.cases[0].steps[1].share").value(8.5))
                .andReturn().getResponse().getContentAsString();

        // a draft is not public
        mvc.perform(get("/api/v1/procedures/" + code)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/procedures/" + code + "/publish").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"77/QĐ-UBND\",\"decidedOn\":\"2025-07-01\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.publication.decision").value("77/QĐ-UBND"));
        // publishing twice is a lifecycle conflict
        mvc.perform(post("/api/v1/procedures/" + code + "/publish").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"78/QĐ-UBND\",\"decidedOn\":\"2025-07-01\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("illegal-transition"));

        // the public reads it without login, whole
        mvc.perform(get("/api/v1/procedures/" + code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Cấp phiếu thử nghiệm API"))
                .andExpect(jsonPath("$.agency.code").value(Samples.JUSTICE))
                .andExpect(jsonPath("$.cases[0].steps[0].name").value("Tiếp nhận hồ sơ"))
                .andExpect(jsonPath("$.cases[0].steps[0].role").value("ONE_STOP_OFFICER"))
                .andExpect(jsonPath("$.cases[0].steps[0].unit.code").value(Samples.CENTRE))
                .andExpect(jsonPath("$.cases[0].steps[0].unit.name").value("Trung tâm Phục vụ hành chính công tỉnh Nghệ An"))
                .andExpect(jsonPath("$.cases[0].steps[0].share").value(0))
                .andExpect(jsonPath("$.cases[0].onlineDuration.amount").value(8))
                .andExpect(jsonPath("$.components[0].originals").value(1))
                .andExpect(jsonPath("$.forms[0].code").value("TK-01"))
                .andExpect(jsonPath("$.fees[0].amountVnd").value(200000))
                .andExpect(jsonPath("$.legalBasis[0].number").value("28/2009/QH12"))
                .andExpect(jsonPath("$.resultType").value("Phiếu kết quả"))
                .andExpect(jsonPath("$.methods").value(hasItem("ONLINE")));

        // replacing it with what GET returned (renamed) makes version 2, a draft; the public keeps version 1
        ObjectNode edited = (ObjectNode) json.readTree(mvc.perform(get("/api/v1/procedures/" + code))
                .andReturn().getResponse().getContentAsString());
        edited.put("name", "Cấp phiếu thử nghiệm API (sửa đổi)");
        mvc.perform(put("/api/v1/procedures/" + code).with(admin).contentType(MediaType.APPLICATION_JSON).content(edited.toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/v1/procedures/" + code)).andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/procedures/" + code + "/versions/2").with(admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Cấp phiếu thử nghiệm API (sửa đổi)"));
        mvc.perform(get("/api/v1/procedures/" + code + "/versions").with(admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].version").value(2)).andExpect(jsonPath("$[1].status").value("PUBLISHED"));

        // the same stale body again: 409 stale-version (its revision is no longer current)
        mvc.perform(put("/api/v1/procedures/" + code).with(admin).contentType(MediaType.APPLICATION_JSON).content(edited.toString()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("stale-version"));

        mvc.perform(post("/api/v1/procedures/" + code + "/withdraw").with(admin))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        mvc.perform(get("/api/v1/procedures/" + code)).andExpect(status().isNotFound());
        assertThat(created).contains("\"code\"");
    }

    @Test
    void sharesThatDoNotAddUpAre422WithTheFieldAndTheCase() throws Exception {
        String code = Samples.code();
        ProcedureCommand c = Samples.province(code, "Thủ tục lệch thời gian");
        ProcedureCase wrong = new ProcedureCase("TH1", "Cấp lần đầu", c.cases().get(0).duration(), null,
                c.cases().get(0).steps().subList(0, 2));
        mvc.perform(post("/api/v1/procedures").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .content(body(Samples.withCases(c, List.of(wrong)))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("cases[0].steps"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Trường hợp «Cấp lần đầu»: tổng thời gian các bước là 8.5, khác thời hạn giải quyết 10."));
        assertThat(catalog.exists(code)).isFalse();
    }

    @Test
    void aDuplicateCodeIs422OnTheCode() throws Exception {
        String code = Samples.code();
        mvc.perform(post("/api/v1/procedures").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content(body(Samples.commune(code, "Thủ tục một")))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/procedures").with(admin).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content(body(Samples.commune(code, "Thủ tục hai"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value("This procedure code is already in the catalogue."));
    }

    @Test
    void searchIsPublicAndIgnoresDiacriticsAndTheNormalizationForm() throws Exception {
        String code = Samples.code();
        createAndPublish(Samples.commune(code, "Đăng ký thành lập hộ kinh doanh Nghĩa Đàn API"));
        String nfd = Normalizer.normalize("hộ kinh doanh nghĩa đàn api", Normalizer.Form.NFD);
        for (String q : List.of("ho kinh doanh nghia dan api", nfd, "HO KINH DOANH NGHIA DAN API")) {
            mvc.perform(get("/api/v1/procedures").param("q", q))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.page").value(0))
                    .andExpect(jsonPath("$.size").value(20))
                    .andExpect(jsonPath("$.items[0].code").value(code))
                    .andExpect(jsonPath("$.items[0].name").value("Đăng ký thành lập hộ kinh doanh Nghĩa Đàn API"))
                    .andExpect(jsonPath("$.items[0].level").value("COMMUNE"))
                    .andExpect(jsonPath("$.items[0].field").value("Hộ tịch"))
                    .andExpect(jsonPath("$.items[0].agency.kind").value("COMMUNE"))
                    .andExpect(jsonPath("$.items[0].agency.name").value("Ủy ban nhân dân cấp xã (nơi tiếp nhận hồ sơ)"))
                    .andExpect(jsonPath("$.items[0].duration.amount").value(3))
                    .andExpect(jsonPath("$.items[0].duration.unit").value("WORKING_DAYS"))
                    .andExpect(jsonPath("$.items[0].onlineLevel").value("NONE"))
                    .andExpect(jsonPath("$.items[0].feeVnd").value(0));
        }
        mvc.perform(get("/api/v1/procedures").param("q", "nghia dan api").param("level", "PROVINCE"))
                .andExpect(jsonPath("$.total").value(0));
        // the demo catalogue answers the example of the requirements
        mvc.perform(get("/api/v1/procedures").param("q", "ho kinh doanh").param("size", "50"))
                .andExpect(jsonPath("$.items[*].name").value(hasItem("Đăng ký thành lập hộ kinh doanh")));
    }

    @Test
    void changesNeedAnAdministrator() throws Exception {
        String body = body(Samples.commune(Samples.code(), "Thủ tục không được phép"));
        mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.province());
        mvc.perform(post("/api/v1/procedures").with(httpBasic(officer.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/procedures/1.001193").with(httpBasic(officer.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/procedures/1.001193/withdraw")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/procedures/export")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/procedures/1.001193/versions/1").with(httpBasic(officer.username(), Fixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/procedures/1.001193")).andExpect(status().isOk());
    }

    @Test
    void anImportWithOneBadRowChangesNothingAndNamesTheRow() throws Exception {
        String good = Samples.code();
        String bad = Samples.code();
        String existing = Samples.code();
        createAndPublish(Samples.commune(existing, "Thủ tục có sẵn trước khi nhập"));
        ProcedureCommand wrong = Samples.commune(bad, "Thủ tục nhập sai");
        ProcedureCase c = wrong.cases().get(0);
        ArrayNode items = json.createArrayNode();
        items.add(json.valueToTree(Samples.commune(good, "Thủ tục nhập đúng")));
        items.add(json.valueToTree(Samples.named(Samples.commune(existing, "x"), "Thủ tục có sẵn đã sửa khi nhập")));
        items.add(json.valueToTree(Samples.withCases(wrong, List.of(new ProcedureCase("TH1", "Một ngày",
                ProcessingTime.of("1", vn.motcua.calendar.DurationUnit.WORKING_DAYS), null, c.steps())))));
        mvc.perform(post("/api/v1/procedures/import").with(admin).contentType(MediaType.APPLICATION_JSON).content(items.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].code").value(bad))
                .andExpect(jsonPath("$.errors[0].field").value("cases[0].steps"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Trường hợp «Một ngày»: tổng thời gian các bước là 3, khác thời hạn giải quyết 1."));
        assertThat(catalog.exists(good)).isFalse();
        assertThat(catalog.exists(bad)).isFalse();
        assertThat(catalog.latest(existing).name()).isEqualTo("Thủ tục có sẵn trước khi nhập");
        assertThat(catalog.latest(existing).version()).isEqualTo(1);

        // without the bad row it goes through, all of it
        items.remove(2);
        ((ObjectNode) items.get(0)).put("status", "PUBLISHED");
        ((ObjectNode) items.get(0)).set("publication", json.readTree("{\"decision\":\"9/QĐ-UBND\",\"decidedOn\":\"2025-07-02\"}"));
        mvc.perform(post("/api/v1/procedures/import").with(admin).contentType(MediaType.APPLICATION_JSON).content(items.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created[0]").value(good))
                .andExpect(jsonPath("$.updated[0]").value(existing))
                .andExpect(jsonPath("$.published[0]").value(good));
        assertThat(catalog.published(good).publication().decision()).isEqualTo("9/QĐ-UBND");
        assertThat(catalog.latest(existing).version()).isEqualTo(2);
    }

    @Test
    void theXlsxExportOpensAndRoundTripsAndABadCellIsNamed() throws Exception {
        String code = Samples.code();
        createAndPublish(Samples.province(code, "Thủ tục xuất Excel"));
        byte[] xlsx = mvc.perform(get("/api/v1/procedures/export").param("format", "xlsx").with(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("thu-tuc-hanh-chinh.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        int stepRow;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet procedures = wb.getSheet("Procedures");
            assertThat(procedures.getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
            assertThat(procedures.getLastRowNum()).isEqualTo((int) catalog.count());
            Row mine = find(procedures, code);
            assertThat(mine.getCell(3).getStringCellValue()).isEqualTo("Thủ tục xuất Excel");
            assertThat(mine.getCell(6).getStringCellValue()).isEqualTo(Samples.JUSTICE);
            Sheet steps = wb.getSheet("Steps");
            assertThat(rows(steps, code)).hasSize(4);
            assertThat(rows(wb.getSheet("Components"), code)).hasSize(2);
            assertThat(rows(wb.getSheet("Fees"), code)).hasSize(1);
            assertThat(rows(wb.getSheet("LegalBasis"), code)).hasSize(1);

            // keep only this procedure, rename it, break one share, and import the file again
            Workbook only = keepOnly(wb, code);
            find(only.getSheet("Procedures"), code).getCell(3).setCellValue("Thủ tục xuất Excel (nhập lại)");
            Row second = rows(only.getSheet("Steps"), code).get(1);
            second.getCell(12).setCellValue("hai");
            stepRow = second.getRowNum() + 1;
            byte[] broken = bytes(only);
            String problem = mvc.perform(multipart("/api/v1/procedures/import")
                            .file(new MockMultipartFile("file", "catalogue.xlsx", null, broken)).with(admin))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].sheet").value("Steps"))
                    .andExpect(jsonPath("$.errors[0].row").value(stepRow))
                    .andExpect(jsonPath("$.errors[0].field").value("share"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(problem).contains("không phải là số");
            assertThat(catalog.latest(code).name()).isEqualTo("Thủ tục xuất Excel");

            second.getCell(12).setCellValue(8.5);
            mvc.perform(post("/api/v1/procedures/import").with(admin).contentType(XLSX)
                            .content(bytes(only)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.updated[0]").value(code));
        }
        ProcedureDetail latest = catalog.latest(code);
        assertThat(latest.name()).isEqualTo("Thủ tục xuất Excel (nhập lại)");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.cases().get(0).steps()).hasSize(4);
        assertThat(latest.agency().code()).isEqualTo(Samples.JUSTICE);
    }

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Test
    void theJsonExportIsAnArrayInTheApiShape() throws Exception {
        String code = Samples.code();
        createAndPublish(Samples.commune(code, "Thủ tục xuất JSON"));
        String body = mvc.perform(get("/api/v1/procedures/export").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode all = json.readTree(body);
        assertThat(all.isArray()).isTrue();
        assertThat(all.size()).isEqualTo((int) catalog.count());
        JsonNode mine = null;
        for (JsonNode n : all) {
            if (code.equals(n.path("code").asString())) {
                mine = n;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("cases").get(0).path("steps").size()).isEqualTo(3);
        assertThat(mine.path("publication").path("decision").asString()).isEqualTo("12/QĐ-UBND");
    }

    @Test
    void theOpenApiDocumentDescribesTheCatalogueEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/procedures'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/procedures'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/procedures/{code}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/procedures/{code}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/v1/procedures/{code}/publish'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/procedures/{code}/withdraw'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/procedures/import'].post").exists())
                .andExpect(jsonPath("$.components.schemas.ProcedureDetail.properties.cases").exists());
    }

    private static Row find(Sheet s, String code) {
        return rows(s, code).get(0);
    }

    private static List<Row> rows(Sheet s, String code) {
        List<Row> out = new java.util.ArrayList<>();
        for (int i = 1; i <= s.getLastRowNum(); i++) {
            Row r = s.getRow(i);
            if (r != null && r.getCell(0) != null && code.equals(r.getCell(0).getStringCellValue())) {
                out.add(r);
            }
        }
        return out;
    }

    /** The same workbook with only the rows of one procedure (rows of others blanked out). */
    private static Workbook keepOnly(Workbook wb, String code) {
        for (Sheet s : wb) {
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                Row r = s.getRow(i);
                if (r != null && (r.getCell(0) == null || !code.equals(r.getCell(0).getStringCellValue()))) {
                    s.removeRow(r);
                }
            }
        }
        return wb;
    }

    private static byte[] bytes(Workbook wb) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
