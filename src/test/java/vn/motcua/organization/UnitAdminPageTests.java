package vn.motcua.organization;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** The unit admin pages: errors next to the fields, nothing saved on bad input, htmx search. */
class UnitAdminPageTests extends IntegrationTest {

    @Autowired
    OrganizationService org;

    StaffPrincipal admin;

    @BeforeEach
    void admin() {
        StaffView s = fixtures.staff(Role.ADMIN, fixtures.province());
        admin = new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
    }

    @Test
    void anEmptyNameIsShownNextToTheField() throws Exception {
        String html = mvc.perform(post("/admin/units/new").with(user(admin)).with(csrf())
                        .param("name", " ").param("code", Fixtures.unitCode()).param("kind", "COMMUNE")
                        .param("level", "COMMUNE").param("parentId", String.valueOf(fixtures.province().id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#name").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#name-error").text()).isEqualTo("Trường này là bắt buộc.");
    }

    @Test
    void aDuplicateIdentifierIsShownNextToTheCodeAndNothingIsSaved() throws Exception {
        UnitView existing = fixtures.commune("Xã Trùng Mã");
        long before = org.unitCount();
        String html = mvc.perform(post("/admin/units/new").with(user(admin)).with(csrf())
                        .param("name", "Xã Khác").param("code", existing.code()).param("kind", "COMMUNE")
                        .param("level", "COMMUNE").param("parentId", String.valueOf(fixtures.province().id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#code-error").text()).isEqualTo("Mã định danh này đã được dùng cho đơn vị khác.");
        assertThat(org.unitCount()).isEqualTo(before);
    }

    @Test
    void aUnitMadeItsOwnParentIsRefusedOnThePage() throws Exception {
        UnitView unit = fixtures.commune("Xã Tự Làm Cha");
        String html = mvc.perform(post("/admin/units/" + unit.id()).with(user(admin)).with(csrf())
                        .param("name", unit.name()).param("code", unit.code()).param("kind", "COMMUNE")
                        .param("level", "COMMUNE").param("parentId", String.valueOf(unit.id()))
                        .param("version", String.valueOf(unit.version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("#parent-error").text()).contains("không thể là cấp trên của chính nó");
    }

    @Test
    void aValidUnitIsSavedAndTheListSaysSo() throws Exception {
        String code = Fixtures.unitCode();
        mvc.perform(post("/admin/units/new").with(user(admin)).with(csrf())
                        .param("name", "Xã Hợp Lệ").param("code", code).param("kind", "COMMUNE")
                        .param("level", "COMMUNE").param("parentId", String.valueOf(fixtures.province().id())))
                .andExpect(redirectedUrl("/admin/units"));
        assertThat(org.findUnitByCode(code)).get().extracting(UnitView::name).isEqualTo("Xã Hợp Lệ");
    }

    @Test
    void theHtmxSearchReturnsOnlyTheMatchingFragment() throws Exception {
        fixtures.commune("Xã Quỳnh Tìm Được");
        String html = mvc.perform(get("/admin/units/search").param("q", "quynh tim duoc").with(user(admin)).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<html").contains("Xã Quỳnh Tìm Được");
    }

    @Test
    void theTreeShowsTheDemoProvinceInVietnameseAndEnglish() throws Exception {
        mvc.perform(get("/admin/units").with(user(admin)))
                .andExpect(content().string(containsString("Ủy ban nhân dân tỉnh Nghệ An")))
                .andExpect(content().string(containsString("Thêm đơn vị")));
        mvc.perform(get("/admin/units").param("lang", "en").with(user(admin)))
                .andExpect(content().string(containsString("New unit")));
    }
}
