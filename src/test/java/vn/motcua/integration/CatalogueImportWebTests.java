package vn.motcua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Samples;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** The import's pages and API: upload, report with links to the drafts, errors in the reader's language, guards. */
class CatalogueImportWebTests extends IntegrationTest {

    @Autowired
    JsonMapper json;
    @Autowired
    CatalogService catalog;

    private StaffPrincipal admin;
    private RequestPostProcessor adminApi;
    private RequestPostProcessor specialistApi;

    @BeforeEach
    void accounts() {
        StaffView a = fixtures.staff(Role.ADMIN, fixtures.province());
        admin = new StaffPrincipal(a.id(), a.username(), a.fullName(), a.roles());
        adminApi = httpBasic(a.username(), Fixtures.PASSWORD);
        StaffView s = fixtures.staff(Role.SPECIALIST, fixtures.province());
        specialistApi = httpBasic(s.username(), Fixtures.PASSWORD);
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "application/json", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theApiTakesAFileAndAnswersTheReportOfEveryRecord() throws Exception {
        String code = Samples.code();
        String body = "[" + CatalogueImportTests.national(code, "Cấp Tỉnh", "Sở Tư pháp", "10", "Ngày", "Lệ phí: 50.000 đồng/hồ sơ")
                + ", 42]";
        String answer = mvc.perform(multipart("/api/v1/integration/catalogue-imports").file(file("a.json", body)).with(adminApi))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.rows[0].outcome").value("CREATED"))
                .andExpect(jsonPath("$.rows[0].status").value("PARSED"))
                .andExpect(jsonPath("$.rows[0].draft").value("/api/v1/procedures/" + code + "/versions/1"))
                .andExpect(jsonPath("$.rows[1].outcome").value("NOT_SAVED"))
                .andExpect(jsonPath("$.rows[1].status").value("NEEDS_PERSON"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode report = json.readTree(answer);
        // the notes come with their text in the caller's language (Vietnamese by default); "Ngày" is the calendar day
        assertThat(report.path("rows").get(0).path("notes").valueStream().map(n -> n.path("text").asString()))
                .contains("Thời hạn “10 Ngày”: 10 ngày.", "Cơ quan thực hiện “Sở Tư pháp”: Sở Tư pháp.");
        long id = report.path("id").asLong();

        mvc.perform(get("/api/v1/integration/catalogue-imports/" + id).with(adminApi))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(2));
        mvc.perform(get("/api/v1/integration/catalogue-imports/999999999").with(adminApi))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/integration/catalogue-imports/" + id).with(specialistApi))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiRefusesAFileOfNoKnownShapeWithAProblemAndSavesNothing() throws Exception {
        mvc.perform(multipart("/api/v1/integration/catalogue-imports").file(file("a.json", "{\"x\":1}")).with(adminApi))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/v1/integration/catalogue-imports").file(file("a.json", "[]")).with(specialistApi))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorUploadsAFileAndReadsTheReportWithLinksToTheDrafts() throws Exception {
        String code = Samples.code();
        String body = "[" + CatalogueImportTests.national(code, "Cấp Xã", "Ủy ban nhân dân cấp xã", "3", "Ngày làm việc", "Miễn phí") + "]";
        String location = mvc.perform(multipart("/admin/catalogue-imports").file(file("xa.json", body)).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/catalogue-imports/\\d+");

        Document page = Jsoup.parse(mvc.perform(get(location).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#catimport-rows tbody tr")).hasSize(1);
        assertThat(page.select("#row-1 a.catimport-draft").attr("href")).isEqualTo("/admin/procedures/" + code);
        assertThat(page.select("#row-1").text()).contains("Tạo dự thảo", "Thời hạn “3 Ngày làm việc”: 3 ngày làm việc.");
        assertThat(page.select("#count-parsed").text()).isEqualTo("1");

        Document list = Jsoup.parse(mvc.perform(get("/admin/catalogue-imports").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(list.select("#catimport-list a[href=" + location + "]")).hasSize(1);
    }

    @Test
    void aBadFileIsExplainedOnThePageInVietnamese() throws Exception {
        Document page = Jsoup.parse(mvc.perform(multipart("/admin/catalogue-imports").file(file("x.csv", "a;b\n1;2"))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#catimport-file-error").text())
                .isEqualTo("Dòng tiêu đề của bảng tính phải có ít nhất cột Mã thủ tục và Tên thủ tục.");
        Document empty = Jsoup.parse(mvc.perform(post("/admin/catalogue-imports").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(empty.select("#catimport-file-error").text()).isEqualTo("Hãy chọn một tệp.");
    }
}
