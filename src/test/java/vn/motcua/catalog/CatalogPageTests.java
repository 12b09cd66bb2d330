package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.IntegrationTest;

/** The catalogue's pages: the administrators' form and step editor, publication, import, and the public pages. */
class CatalogPageTests extends IntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    OrganizationService org;

    StaffPrincipal admin;

    @BeforeEach
    void admin() {
        StaffView s = fixtures.staff(Role.ADMIN, fixtures.province());
        admin = new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
    }

    private long unitId(String code) {
        return org.findUnitByCode(code).orElseThrow().id();
    }

    /** A filled-in form of a province-level procedure with a three-step workflow of 5 working days. */
    private MockHttpServletRequestBuilder form(String url, String code, String name, String share2) {
        return post(url).with(user(admin)).with(csrf())
                .param("code", code).param("name", name).param("field", "Lý lịch tư pháp").param("level", "PROVINCE")
                .param("agency", "u:" + unitId(Samples.JUSTICE)).param("subjects", "Công dân\nNgười nước ngoài")
                .param("methods", "IN_PERSON").param("onlineLevel", "NONE").param("resultType", "Phiếu")
                .param("cases[0].name", "Thông thường").param("cases[0].duration.amount", "5")
                .param("cases[0].duration.unit", "WORKING_DAYS")
                .param("cases[0].steps[0].name", "Tiếp nhận").param("cases[0].steps[0].role", "ONE_STOP_OFFICER")
                .param("cases[0].steps[0].unit", "u:" + unitId(Samples.CENTRE)).param("cases[0].steps[0].share", "0")
                .param("cases[0].steps[1].name", "Thẩm định").param("cases[0].steps[1].role", "SPECIALIST")
                .param("cases[0].steps[1].unit", "u:" + unitId(Samples.JUSTICE_ADMIN)).param("cases[0].steps[1].share", share2)
                .param("cases[0].steps[2].name", "Ký").param("cases[0].steps[2].role", "LEADER")
                .param("cases[0].steps[2].unit", "u:" + unitId(Samples.JUSTICE)).param("cases[0].steps[2].share", "1")
                .param("components[0].name", "Tờ khai").param("components[0].originals", "1").param("components[0].copies", "0")
                .param("components[1].name", "").param("components[1].originals", "1").param("components[1].copies", "0")
                .param("fees[0].name", "Phí").param("fees[0].amountVnd", "200000");
    }

    @Test
    void sharesThatDoNotAddUpAreShownNextToTheWorkflowAndNothingIsSaved() throws Exception {
        String code = Samples.code();
        String html = mvc.perform(form("/admin/procedures/new", code, "Thủ tục trang lệch", "3.5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#form-errors").text()).contains("Vui lòng sửa các lỗi");
        assertThat(page.select("#case-0-steps-error").text())
                .isEqualTo("Trường hợp «Thông thường»: tổng thời gian các bước là 4.5, khác thời hạn giải quyết 5.");
        assertThat(page.select("#share-sum-0").text()).isEqualTo("4.5");
        // what was typed is kept; the empty component row is dropped
        assertThat(page.select("input[name='cases[0].steps[1].name']").val()).isEqualTo("Thẩm định");
        assertThat(page.select("input[name='components[1].name']")).isEmpty();
        assertThat(catalog.exists(code)).isFalse();
    }

    @Test
    void aMissingNameAndABadCodeAreShownNextToTheirFields() throws Exception {
        String html = mvc.perform(form("/admin/procedures/new", "12-34", " ", "4"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#name").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#name-error").text()).isEqualTo("Trường này là bắt buộc.");
        assertThat(page.select("#code-error").text()).contains("1.001193");
    }

    @Test
    void theStepEditorAddsMovesAndRemovesStepsWithoutSaving() throws Exception {
        String code = Samples.code();
        Document added = Jsoup.parse(mvc.perform(form("/admin/procedures/new", code, "Thủ tục soạn bước", "4")
                .param("op", "addStep:0")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(added.select("#case-0 tbody tr")).hasSize(4);
        assertThat(added.select("#form-errors")).isEmpty();
        Document moved = Jsoup.parse(mvc.perform(form("/admin/procedures/new", code, "Thủ tục soạn bước", "4")
                .param("op", "upStep:0:1")).andReturn().getResponse().getContentAsString());
        assertThat(moved.select("input[name='cases[0].steps[0].name']").val()).isEqualTo("Thẩm định");
        Document removed = Jsoup.parse(mvc.perform(form("/admin/procedures/new", code, "Thủ tục soạn bước", "4")
                .param("op", "removeStep:0:2")).andReturn().getResponse().getContentAsString());
        assertThat(removed.select("#case-0 tbody tr")).hasSize(2);
        assertThat(catalog.exists(code)).isFalse();
    }

    @Test
    void aValidProcedureIsSavedPublishedAndEditedIntoANewVersion() throws Exception {
        String code = Samples.code();
        mvc.perform(form("/admin/procedures/new", code, "Thủ tục trang hợp lệ", "4,0"))
                .andExpect(redirectedUrl("/admin/procedures/" + code));
        ProcedureDetail saved = catalog.latest(code);
        assertThat(saved.cases().get(0).steps()).hasSize(3);
        assertThat(saved.subjects()).containsExactly("Công dân", "Người nước ngoài");
        assertThat(saved.components()).hasSize(1);

        // publication without a decision number: the error is next to the field
        Document refused = Jsoup.parse(mvc.perform(post("/admin/procedures/" + code + "/publish").with(user(admin)).with(csrf())
                .param("decision", "").param("decidedOn", "2025-07-01")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#decision").hasClass("is-invalid")).isTrue();
        assertThat(refused.select("#decision-error").text()).isEqualTo("Trường này là bắt buộc.");

        mvc.perform(post("/admin/procedures/" + code + "/publish").with(user(admin)).with(csrf())
                        .param("decision", "55/QĐ-UBND").param("decidedOn", "2025-07-01"))
                .andExpect(redirectedUrl("/admin/procedures/" + code));
        assertThat(catalog.published(code).publication().decidedOn()).isEqualTo(LocalDate.of(2025, 7, 1));

        Document edit = Jsoup.parse(mvc.perform(get("/admin/procedures/" + code + "/edit").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(edit.select("input[name='cases[0].steps[2].name']").val()).isEqualTo("Ký");
        String revision = edit.select("input[name='revision']").val();
        mvc.perform(form("/admin/procedures/" + code + "/edit", code, "Thủ tục trang hợp lệ (sửa)", "4").param("revision", revision))
                .andExpect(redirectedUrl("/admin/procedures/" + code));
        assertThat(catalog.latest(code).version()).isEqualTo(2);
        assertThat(catalog.published(code).name()).isEqualTo("Thủ tục trang hợp lệ");

        Document detail = Jsoup.parse(mvc.perform(get("/admin/procedures/" + code).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(detail.select("#version-history tbody tr")).hasSize(2);
        assertThat(detail.select("#publish-form")).isNotEmpty();
        assertThat(detail.select("#withdraw-form")).isNotEmpty();
        mvc.perform(get("/admin/procedures/" + code + "/versions/1").with(user(admin)))
                .andExpect(status().isOk());
    }

    @Test
    void theListFiltersByStatusAndSearchesWithoutDiacritics() throws Exception {
        String code = Samples.code();
        catalog.create(Samples.commune(code, "Thủ tục danh sách Hưng Nguyên"), "test");
        String fragment = mvc.perform(get("/admin/procedures").param("q", "danh sach hung nguyen").param("status", "DRAFT")
                .with(user(admin)).header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html");
        Document rows = Jsoup.parse(fragment);
        assertThat(rows.select("#procedure-table").text()).contains("Thủ tục danh sách Hưng Nguyên").contains(code);
        Document published = Jsoup.parse(mvc.perform(get("/admin/procedures").param("q", "danh sach hung nguyen")
                .param("status", "PUBLISHED").with(user(admin))).andReturn().getResponse().getContentAsString());
        assertThat(published.select("#procedure-table").text()).doesNotContain(code);
        mvc.perform(get("/admin/procedures").with(user(admin))).andExpect(status().isOk());
    }

    @Test
    void anImportWithABadRowShowsEveryErrorAndChangesNothing() throws Exception {
        String code = Samples.code();
        String body = "[{\"code\":\"" + code + "\",\"name\":\"Thủ tục nhập trang\",\"field\":\"Hộ tịch\",\"level\":\"COMMUNE\","
                + "\"methods\":[\"IN_PERSON\"],\"resultType\":\"Giấy\",\"components\":[],\"cases\":[]}]";
        Document page = Jsoup.parse(mvc.perform(multipart("/admin/procedures/import")
                        .file(new MockMultipartFile("file", "danh-muc.json", "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#import-errors tbody tr")).hasSize(2);
        assertThat(page.select("#import-errors").text()).contains("components").contains("cases")
                .contains("Thủ tục phải có ít nhất một trường hợp.");
        assertThat(catalog.exists(code)).isFalse();
    }

    @Test
    void onlyAdministratorsReachTheCatalogueAdministration() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.province());
        mvc.perform(get("/admin/procedures").with(user(new StaffPrincipal(officer.id(), officer.username(), officer.fullName(),
                officer.roles())))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/procedures")).andExpect(status().is3xxRedirection());
    }

    @Test
    void thePublicCatalogueNeedsNoLoginAndSpeaksVietnameseAndEnglish() throws Exception {
        String vi = mvc.perform(get("/public/procedures").param("q", "dang ky khai sinh"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(vi);
        assertThat(page.select("h1").text()).isEqualTo("Tra cứu thủ tục hành chính");
        assertThat(page.select("#procedure-results").text()).contains("Đăng ký khai sinh");
        assertThat(page.select("#nav-public-procedures").text()).isEqualTo("Tra cứu thủ tục");
        assertThat(page.select("#field option").eachText()).contains("Hộ tịch");

        Document en = Jsoup.parse(mvc.perform(get("/public/procedures").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(en.select("h1").text()).isEqualTo("Find an administrative procedure");
        assertThat(en.select("#search-submit").text()).isEqualTo("Search");

        // htmx asks for the results only
        String fragment = mvc.perform(get("/public/procedures").param("q", "ho kinh doanh").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("Đăng ký thành lập hộ kinh doanh");

        // filters: province-level procedures of the Department of Justice, fully online
        Document filtered = Jsoup.parse(mvc.perform(get("/public/procedures").param("level", "PROVINCE")
                .param("agency", String.valueOf(unitId(Samples.JUSTICE))).param("onlineLevel", "FULL"))
                .andReturn().getResponse().getContentAsString());
        assertThat(filtered.select("#procedure-results").text()).contains("Cấp Phiếu lý lịch tư pháp")
                .doesNotContain("Đăng ký khai sinh");
    }

    @Test
    void thePageLinksKeepTheFiltersAndMarkTheCurrentPage() throws Exception {
        Document first = Jsoup.parse(mvc.perform(get("/public/procedures").param("level", "COMMUNE"))
                .andReturn().getResponse().getContentAsString());
        java.util.List<String> links = first.select(".pagination a.page-link").eachAttr("href");
        assertThat(links).hasSizeGreaterThan(1);
        assertThat(links.get(1)).contains("level=COMMUNE").endsWith("page=1");
        assertThat(first.select(".pagination .page-item.active").text()).isEqualTo("1");
        Document second = Jsoup.parse(mvc.perform(get(links.get(1))).andReturn().getResponse().getContentAsString());
        assertThat(second.select(".pagination .page-item.active").text()).isEqualTo("2");
    }

    @Test
    void thePrintablePageShowsCasesStepsComponentsFeesAndLegalBasis() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/public/procedures/1.009972")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#procedure-name").text()).isEqualTo("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ");
        assertThat(page.select("#case-view-0 tbody tr")).hasSize(7);
        assertThat(page.select("#case-view-0").text()).contains("15 ngày làm việc").contains("Thẩm định hồ sơ, kiểm tra thực địa")
                .contains("Bộ phận Một cửa của xã");
        assertThat(page.select("#procedure-components tbody tr").size()).isGreaterThanOrEqualTo(3);
        assertThat(page.select("#procedure-fees").text()).contains("75.000 đ");
        assertThat(page.select("#procedure-legal").text()).contains("50/2014/QH13");
        assertThat(page.select("link[href*=catalog.css]")).isNotEmpty();
        assertThat(page.select("#print")).isNotEmpty();

        Document en = Jsoup.parse(mvc.perform(get("/public/procedures/1.009972").param("lang", "en"))
                .andReturn().getResponse().getContentAsString());
        assertThat(en.select("#case-view-0").text()).contains("15 working days").contains("Commune one-stop desk");

        // drafts and withdrawn procedures are not public
        mvc.perform(get("/public/procedures/1.001756")).andExpect(status().isNotFound());
        mvc.perform(get("/public/procedures/1.000919")).andExpect(status().isNotFound());
    }
}
