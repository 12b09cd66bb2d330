package vn.motcua.platform;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

class SecurityTests extends IntegrationTest {

    @Autowired
    OrganizationService org;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void anonymousPagesRedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/units")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đăng nhập")));
    }

    @Test
    void anonymousApiCallsGet401AsProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Chưa xác thực"))
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void problemDetailsSpeakEnglishWhenAsked() throws Exception {
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en-GB,en;q=0.9"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Unauthenticated"));
    }

    @Test
    void aWrongRoleIsForbidden() throws Exception {
        UnitView unit = fixtures.agency("Sở Quyền");
        StaffView specialist = fixtures.staff(Role.SPECIALIST, unit);
        mvc.perform(get("/admin/units").with(user(principal(specialist)))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/units").with(httpBasic(specialist.username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anotherUnitsRecordIsNotFound() throws Exception {
        UnitView mine = fixtures.agency("Sở Của tôi API");
        UnitView theirs = fixtures.agency("Sở Của họ API");
        StaffView me = fixtures.staff(Role.LEADER, mine);
        StaffView them = fixtures.staff(Role.LEADER, theirs);
        mvc.perform(get("/api/v1/units/" + theirs.id()).with(httpBasic(me.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/staff/" + them.staffId().value()).with(httpBasic(me.username(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/units/" + mine.id()).with(httpBasic(me.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value(mine.code()));
    }

    /**
     * A node keeps accounts for a few seconds (every API call needs one), but
     * drops one as soon as it changes it: deactivation and the lockout apply
     * to the very next call on this node.
     */
    @Test
    void aRememberedApiAccountStillLocksAndDeactivatesAtOnce() throws Exception {
        UnitView unit = fixtures.agency("Sở Nhớ Tài khoản");
        StaffView locked = fixtures.staff(Role.SPECIALIST, unit);
        mvc.perform(get("/api/v1/me").with(httpBasic(locked.username(), Fixtures.PASSWORD))).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(locked.username(), "sai-mat-khau"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(locked.username(), Fixtures.PASSWORD))).andExpect(status().isUnauthorized());

        StaffView leaving = fixtures.staff(Role.SPECIALIST, unit);
        mvc.perform(get("/api/v1/me").with(httpBasic(leaving.username(), Fixtures.PASSWORD))).andExpect(status().isOk());
        org.setStaffActive(leaving.staffId(), false);
        mvc.perform(get("/api/v1/me").with(httpBasic(leaving.username(), Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void aFormPostWithoutCsrfTokenIsForbidden() throws Exception {
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        mvc.perform(post("/admin/units/new").with(user(principal(admin))).param("name", "Xã Không CSRF"))
                .andExpect(status().isForbidden());
        assertThat(org.searchUnits("Khong CSRF", true, vn.motcua.organization.OfficerScope.everything(null))).isEmpty();
    }

    @Test
    void theLoginFormSignsInAndLocksAfterRepeatedFailures() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Đăng nhập"));
        mvc.perform(post("/login").with(csrf()).param("username", officer.username()).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        for (int i = 0; i < OrganizationService.LOCKOUT_THRESHOLD; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", officer.username()).param("password", "wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // locked now: even the right password is refused, with the same answer as a wrong one (the audit trail says why)
        mvc.perform(post("/login").with(csrf()).param("username", officer.username()).param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/me").with(httpBasic(officer.username(), Fixtures.PASSWORD)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anApiKeyActsAsItsAccountAndABadOneIsRefused() throws Exception {
        StaffView service = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        var key = org.issueApiKey(service.staffId(), "test client");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(service.username()))
                .andExpect(jsonPath("$.allUnits").value(true));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key.token() + "x"))
                .andExpect(status().isUnauthorized());
        assertThat(key.token()).startsWith("mc_").hasSizeGreaterThan(40);
    }

    @Test
    void pagesCarrySecurityHeadersAndARequestId() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().exists("X-Request-Id"));
        mvc.perform(get("/login").header("X-Request-Id", "abc-123")).andExpect(header().string("X-Request-Id", "abc-123"));
    }

    @Test
    void healthIsPublicAndMetricsAreNot() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        mvc.perform(get("/actuator/prometheus").with(user(principal(admin)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        StaffView s = fixtures.staff(Role.SPECIALIST, fixtures.agency("Sở Băm"));
        String hash = org.loginAccount(s.username()).orElseThrow().passwordHash();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
        assertThat(encoder.matches(Fixtures.PASSWORD, hash)).isTrue();
    }

    private static StaffPrincipal principal(StaffView s) {
        return new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
    }
}
