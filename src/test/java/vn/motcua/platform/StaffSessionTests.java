package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * A staff member's sessions end at once, on every node (they live in
 * PostgreSQL), when the account is deactivated, loses a role or a unit, is
 * renamed, or gets a new password; people changing their own password keep the
 * session they did it in. HTTP Basic and API keys read the account's state
 * afresh on every call, so what another node changed applies to the next call
 * here. Each of these changes is in the audit trail with its actor, old → new.
 */
class StaffSessionTests extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    OrganizationService org;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    PasswordEncoder encoder;

    static String address() {
        int n = SEQ.incrementAndGet();
        return "10.88." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** Signs in on the login form and returns the session cookie. */
    private Cookie signIn(String username, String password) throws Exception {
        MvcResult r = mvc.perform(post("/login").with(csrf()).with(from(address()))
                        .param("username", username).param("password", password))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie session = r.getResponse().getCookie("SESSION");
        assertThat(session).as("session cookie").isNotNull();
        return session;
    }

    private boolean signedIn(Cookie session) throws Exception {
        int status = mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus();
        assertThat(status).isIn(200, 302);
        return status == 200;
    }

    private long sessionRows(String username) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(username)
                .query(Long.class).single();
    }

    private static StaffPrincipal principal(StaffView s) {
        return new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
    }

    /** The admin page's edit of an account, as the form posts it. */
    private MockHttpServletRequestBuilder edit(StaffView s, Set<Role> roles, Collection<UnitView> units, String password) {
        MockHttpServletRequestBuilder b = post("/admin/staff/" + s.id()).with(csrf()).with(from(address()))
                .param("username", s.username()).param("fullName", s.fullName())
                .param("version", String.valueOf(org.findStaffByUsername(s.username()).orElseThrow().version()))
                .param("roles", roles.stream().map(Enum::name).toArray(String[]::new))
                .param("unitIds", units.stream().map(u -> String.valueOf(u.id())).toArray(String[]::new));
        if (password != null) {
            b.param("password", password);
        }
        return b;
    }

    private List<AuditEntry> auditOf(StaffView s) {
        return audit.about("staff", String.valueOf(s.id()), 100);
    }

    @Test
    void deactivationEndsEverySessionOfThePersonAndNoOneElses() throws Exception {
        UnitView unit = fixtures.agency("Sở Phiên Vô hiệu");
        StaffView leaving = fixtures.staff(Role.SPECIALIST, unit);
        StaffView staying = fixtures.staff(Role.SPECIALIST, unit);
        Cookie first = signIn(leaving.username(), Fixtures.PASSWORD);
        Cookie second = signIn(leaving.username(), Fixtures.PASSWORD);
        Cookie other = signIn(staying.username(), Fixtures.PASSWORD);
        assertThat(signedIn(first)).isTrue();
        assertThat(signedIn(second)).isTrue();
        assertThat(sessionRows(leaving.username())).isEqualTo(2);

        org.setStaffActive(leaving.staffId(), false);

        // the rows are gone from the shared database: no node can serve these sessions any more
        assertThat(sessionRows(leaving.username())).isZero();
        assertThat(signedIn(first)).isFalse();
        assertThat(signedIn(second)).isFalse();
        assertThat(signedIn(other)).isTrue();
        assertThat(auditOf(leaving)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("staff.account.deactivated");
            assertThat(e.detail()).isEqualTo("active: true → false");
        });
    }

    @Test
    void losingARoleOrAUnitOnTheAdminPageEndsTheSessionsAndIsAudited() throws Exception {
        UnitView home = fixtures.agency("Sở Phiên Vai trò");
        UnitView second = fixtures.agency("Sở Phiên Đơn vị");
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        StaffView person = fixtures.staff(Role.LEADER, home);

        // gaining a unit takes nothing away: the session stays
        Cookie session = signIn(person.username(), Fixtures.PASSWORD);
        mvc.perform(edit(person, Set.of(Role.LEADER), List.of(home, second), null).with(user(principal(admin))))
                .andExpect(redirectedUrl("/admin/staff"));
        assertThat(signedIn(session)).isTrue();

        // losing a unit ends it
        mvc.perform(edit(person, Set.of(Role.LEADER), List.of(home), null).with(user(principal(admin))))
                .andExpect(redirectedUrl("/admin/staff"));
        assertThat(signedIn(session)).isFalse();

        // losing a role ends the new one
        session = signIn(person.username(), Fixtures.PASSWORD);
        mvc.perform(edit(person, Set.of(Role.SPECIALIST), List.of(home), null).with(user(principal(admin))))
                .andExpect(redirectedUrl("/admin/staff"));
        assertThat(signedIn(session)).isFalse();

        List<AuditEntry> trail = auditOf(person);
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("staff.roles.changed");
            assertThat(e.actor()).isEqualTo(admin.username());
            assertThat(e.detail()).isEqualTo("LEADER → SPECIALIST");
        });
        assertThat(trail).filteredOn(e -> e.kind().equals("staff.units.changed")).extracting(AuditEntry::detail)
                .contains(home.code() + " → " + List.of(home, second).stream().sorted(java.util.Comparator.comparing(UnitView::id))
                                .map(UnitView::code).collect(Collectors.joining(", ")),
                        List.of(home, second).stream().sorted(java.util.Comparator.comparing(UnitView::id))
                                .map(UnitView::code).collect(Collectors.joining(", ")) + " → " + home.code());
    }

    @Test
    void aPasswordResetByAnAdministratorEndsEverySessionOfThePerson() throws Exception {
        UnitView unit = fixtures.agency("Sở Phiên Đặt lại");
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        StaffView person = fixtures.staff(Role.SPECIALIST, unit);
        Cookie session = signIn(person.username(), Fixtures.PASSWORD);
        Cookie adminSession = signIn(admin.username(), Fixtures.PASSWORD);

        mvc.perform(edit(person, person.roles(), List.of(unit), "DatLai@2026").cookie(adminSession))
                .andExpect(redirectedUrl("/admin/staff"));

        assertThat(signedIn(session)).isFalse();
        assertThat(signedIn(adminSession)).as("the administrator's own session").isTrue();
        assertThat(auditOf(person)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("staff.password.reset");
            assertThat(e.actor()).isEqualTo(admin.username());
        });
        signIn(person.username(), "DatLai@2026");
    }

    @Test
    void anAdministratorWhoDropsTheirOwnAdminRoleLosesThisSessionToo() throws Exception {
        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        Cookie here = signIn(admin.username(), Fixtures.PASSWORD);
        Cookie elsewhere = signIn(admin.username(), Fixtures.PASSWORD);
        // the page answers normally (the session is ended through the request, not under it)
        mvc.perform(edit(admin, Set.of(Role.SUPERVISOR), List.of(fixtures.province()), null).cookie(here))
                .andExpect(redirectedUrl("/admin/staff"));
        assertThat(signedIn(here)).isFalse();
        assertThat(signedIn(elsewhere)).isFalse();
        assertThat(sessionRows(admin.username())).isZero();
    }

    @Test
    void aNewPasswordLongerThanBcryptReadsIsRefusedNextToTheFieldAndChangesNothing() throws Exception {
        StaffView person = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Mật khẩu Dài"));
        Cookie here = signIn(person.username(), Fixtures.PASSWORD);
        String tooLong = "MatKhau@" + "x".repeat(70);
        String page = mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", tooLong).param("confirmation", tooLong))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Mật khẩu dài quá 72 byte");
        // a current password BCrypt cannot read is a wrong one, not a server error
        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", tooLong)
                        .param("newPassword", "MatKhauMoi@1").param("confirmation", "MatKhauMoi@1"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), Fixtures.PASSWORD)).with(from(address())))
                .andExpect(status().isOk());
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
        StaffView person = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Phiên Tự đổi"));
        Cookie here = signIn(person.username(), Fixtures.PASSWORD);
        Cookie elsewhere = signIn(person.username(), Fixtures.PASSWORD);

        mvc.perform(get("/account/password").cookie(here)).andExpect(status().isOk());
        // the current password is required
        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", "khong-dung")
                        .param("newPassword", "MatKhauMoi@1").param("confirmation", "MatKhauMoi@1"))
                .andExpect(status().isOk());
        assertThat(signedIn(elsewhere)).isTrue();

        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", Fixtures.PASSWORD)
                        .param("newPassword", "MatKhauMoi@1").param("confirmation", "MatKhauMoi@1"))
                .andExpect(redirectedUrl("/"));

        assertThat(signedIn(here)).isTrue();
        assertThat(signedIn(elsewhere)).isFalse();
        assertThat(sessionRows(person.username())).isEqualTo(1);
        mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), Fixtures.PASSWORD)).with(from(address())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), "MatKhauMoi@1")).with(from(address())))
                .andExpect(status().isOk());
        assertThat(auditOf(person)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("staff.password.changed");
            assertThat(e.actor()).isEqualTo(person.username());
        });
    }

    @Test
    void aCitizenSessionUnderTheSameNameIsNotAStaffSession() throws Exception {
        // a staff username may be twelve digits, like a citizen's identity number (the sessions' index)
        String number = Fixtures.identityNumber("0409", 12);
        mvc.perform(post("/portal/register").with(csrf()).with(from(address()))
                        .param("kind", "PERSON").param("identityNumber", number).param("fullName", "Công dân Trùng tên")
                        .param("phone", "0912345678").param("email", number + "@example.vn")
                        .param("password", "CongDan@2026").param("passwordConfirmation", "CongDan@2026"))
                .andExpect(status().is3xxRedirection());
        MvcResult citizenLogin = mvc.perform(post("/portal/login").with(csrf()).with(from(address()))
                        .param("identityNumber", number).param("password", "CongDan@2026"))
                .andExpect(redirectedUrl("/portal")).andReturn();
        Cookie citizen = citizenLogin.getResponse().getCookie("SESSION");
        StaffView namesake = org.createStaff(new vn.motcua.organization.StaffCommand(number, "Cán bộ Trùng tên",
                Fixtures.PASSWORD, null, null, null, Set.of(Role.SPECIALIST), Set.of(fixtures.agency("Sở Trùng tên").id())));
        Cookie staff = signIn(number, Fixtures.PASSWORD);

        org.setStaffActive(namesake.staffId(), false);

        assertThat(signedIn(staff)).isFalse();
        assertThat(mvc.perform(get("/portal").cookie(citizen)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    // --- what another node changed applies to the next call here ------------------------------

    @Test
    void anotherNodesPasswordChangeOrDeactivationStopsBasicAtOnce() throws Exception {
        StaffView person = fixtures.staff(Role.SPECIALIST, fixtures.agency("Sở Nút Khác"));
        String address = address();
        // checked once, then remembered (BCrypt skipped) for the following calls
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), Fixtures.PASSWORD)).with(from(address)))
                    .andExpect(status().isOk());
        }
        // another node changes the password: this node's service never hears of it
        jdbc.sql("UPDATE staff SET password_hash = ? WHERE id = ?").params(encoder.encode("DoiNutKhac@1"), person.id()).update();
        mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), Fixtures.PASSWORD)).with(from(address)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), "DoiNutKhac@1")).with(from(address)))
                .andExpect(status().isOk());
        // another node deactivates the account
        jdbc.sql("UPDATE staff SET active = FALSE WHERE id = ?").param(person.id()).update();
        mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), "DoiNutKhac@1")).with(from(address)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anotherNodesDeactivationStopsTheAccountsApiKeyAtOnce() throws Exception {
        StaffView service = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        String token = org.issueApiKey(service.staffId(), "khóa nút khác").token();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        jdbc.sql("UPDATE staff SET active = FALSE WHERE id = ?").param(service.id()).update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void anotherNodesRoleChangeNarrowsTheScopeAtOnce() throws Exception {
        StaffView person = fixtures.staff(Role.SUPERVISOR, fixtures.agency("Sở Phạm vi Nút khác"));
        String address = address();
        mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), Fixtures.PASSWORD)).with(from(address)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.allUnits").value(true));
        jdbc.sql("UPDATE staff_role SET role = 'SPECIALIST' WHERE staff_id = ?").param(person.id()).update();
        mvc.perform(get("/api/v1/me").with(httpBasic(person.username(), Fixtures.PASSWORD)).with(from(address)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("SPECIALIST"))
                .andExpect(jsonPath("$.allUnits").value(false));
    }
}
