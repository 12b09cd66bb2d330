package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.IntegrationTest;

/** The calendar form: a request that leaves fields out is answered with the form and its errors, not a server error. */
class CalendarAdminPageTests extends IntegrationTest {

    @Test
    void aFormWithFieldsLeftOutIsShownAgainWithTheError() throws Exception {
        StaffView s = fixtures.staff(Role.ADMIN, fixtures.province());
        StaffPrincipal admin = new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
        // only the working hours, and those broken: no holidays, make-up days, cut-off or notes field at all
        String html = mvc.perform(post("/admin/calendar/2026").with(user(admin)).with(csrf()).param("workingHours", "x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#workingHours").hasClass("is-invalid")).isTrue();
        assertThat(page.select("#holidays").text()).isEmpty();
    }
}
