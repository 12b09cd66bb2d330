package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * A lockout slows a guesser without keeping people out for long: it expires
 * and takes the failure count with it, and lasts longer only for repeated
 * locks (staff and citizens, one rule). The per-address throttle counts the
 * real client behind the configured reverse proxy (192.0.2.0/24 in the tests),
 * so strangers failing through it do not lock everybody out, and a header an
 * untrusted client makes up changes nothing. Every refusal of a staff login
 * answers the same; the reason is in the audit trail.
 */
class LoginAbuseTests extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private static final String PROXY = "192.0.2.10";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    OrganizationService org;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    static String address() {
        int n = SEQ.incrementAndGet();
        return "10.99." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** Through the reverse proxy: the proxy is the peer, the client is in X-Forwarded-For. */
    static RequestPostProcessor viaProxy(String client) {
        return r -> {
            r.setRemoteAddr(PROXY);
            r.addHeader("X-Forwarded-For", client);
            return r;
        };
    }

    private static MockHttpServletRequestBuilder staffLogin(String username, String password) {
        return post("/login").with(csrf()).param("username", username).param("password", password);
    }

    private static MockHttpServletRequestBuilder citizenLogin(String identity, String password) {
        return post("/portal/login").with(csrf()).param("identityNumber", identity).param("password", password);
    }

    /** The staff login form refused (whatever its answer says; the exact answer is tested below). */
    private static org.springframework.test.web.servlet.ResultMatcher refused() {
        return r -> assertThat(r.getResponse().getRedirectedUrl()).startsWith("/login?error");
    }

    private Instant lockedUntil(String username) {
        OffsetDateTime t = jdbc.sql("SELECT locked_until FROM staff WHERE username = ?").param(username)
                .query(OffsetDateTime.class).single();
        return t == null ? null : t.toInstant();
    }

    // --- the lockout -----------------------------------------------------------------------------

    @Test
    void aStaffLockExpiresWithItsCountAndRepeatedLocksGrowLonger() throws Exception {
        StaffView officer = fixtures.staff(Role.SPECIALIST, fixtures.agency("Sở Khóa Tạm"));
        String from = address();
        clock.pin(T0);
        for (int i = 0; i < 5; i++) {
            mvc.perform(staffLogin(officer.username(), "sai-" + i).with(from(from))).andExpect(refused());
        }
        assertThat(lockedUntil(officer.username())).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        clock.pin(T0.plusSeconds(30));
        mvc.perform(staffLogin(officer.username(), Fixtures.PASSWORD).with(from(from))).andExpect(refused());

        // the lock is over: one more mistake does not lock again, the right password then works
        clock.pin(T0.plusSeconds(61));
        mvc.perform(staffLogin(officer.username(), "sai-nua").with(from(from))).andExpect(refused());
        mvc.perform(staffLogin(officer.username(), Fixtures.PASSWORD).with(from(from))).andExpect(redirectedUrl("/"));

        // five in a row lock for a minute again (the success ended the run); five more after it, two minutes
        Instant t = T0.plusSeconds(120);
        clock.pin(t);
        for (int i = 0; i < 5; i++) {
            mvc.perform(staffLogin(officer.username(), "sai-" + i).with(from(address())));
        }
        assertThat(lockedUntil(officer.username())).isEqualTo(t.plus(Duration.ofMinutes(1)));
        t = t.plusSeconds(61);
        clock.pin(t);
        for (int i = 0; i < 5; i++) {
            mvc.perform(staffLogin(officer.username(), "sai-" + i).with(from(address())));
        }
        assertThat(lockedUntil(officer.username())).isEqualTo(t.plus(Duration.ofMinutes(2)));
        clock.pin(t.plusSeconds(90));
        mvc.perform(get("/api/v1/me").with(httpBasic(officer.username(), Fixtures.PASSWORD)).with(from(address())))
                .andExpect(status().isUnauthorized());
        clock.pin(t.plusSeconds(121));
        mvc.perform(get("/api/v1/me").with(httpBasic(officer.username(), Fixtures.PASSWORD)).with(from(address())))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT failed_logins + lockouts FROM staff WHERE username = ?").param(officer.username())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCitizenLockExpiresWithItsCountByTheSameRule() throws Exception {
        String id = Fixtures.identityNumber("0408", 12);
        mvc.perform(post("/portal/register").with(csrf()).with(from(address()))
                        .param("kind", "PERSON").param("identityNumber", id).param("fullName", "Công dân Khóa Tạm")
                        .param("phone", "0987654321").param("email", id + "@example.vn")
                        .param("password", "CongDan@2026").param("passwordConfirmation", "CongDan@2026"))
                .andExpect(status().is3xxRedirection());
        String from = address();
        clock.pin(T0);
        for (int i = 0; i < 5; i++) {
            mvc.perform(citizenLogin(id, "Sai" + i + "matkhau").with(from(from))).andExpect(redirectedUrl("/portal/login?error=bad"));
        }
        OffsetDateTime until = jdbc.sql("SELECT locked_until FROM citizen_account WHERE identity_number = ?").param(id)
                .query(OffsetDateTime.class).single();
        assertThat(until.toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        clock.pin(T0.plusSeconds(61));
        mvc.perform(citizenLogin(id, "SaiNua1matkhau").with(from(from))).andExpect(redirectedUrl("/portal/login?error=bad"));
        mvc.perform(citizenLogin(id, "CongDan@2026").with(from(from))).andExpect(redirectedUrl("/portal"));
    }

    // --- the per-address throttle behind a reverse proxy -----------------------------------------

    @Test
    void strangersFailingThroughTheProxyDoNotLockOutEveryoneBehindIt() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Sau Proxy"));
        for (int i = 0; i < 25; i++) {
            String stranger = "198.51.100." + (SEQ.incrementAndGet() % 200 + 1);
            mvc.perform(staffLogin("nguoi.la." + i, "doan-mo").with(viaProxy(stranger)))
                    .andExpect(refused());
        }
        mvc.perform(staffLogin(officer.username(), Fixtures.PASSWORD).with(viaProxy("203.0.113.77")))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/me").with(httpBasic(officer.username(), Fixtures.PASSWORD)).with(viaProxy("203.0.113.78")))
                .andExpect(status().isOk());
    }

    @Test
    void oneClientThroughTheProxyIsStillThrottledAndMadeUpHeadersChangeNothing() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Giả Header"));
        // a guesser behind the proxy: its own address is throttled after twenty failures
        String guesser = "198.51.100.250";
        for (int i = 0; i < 20; i++) {
            mvc.perform(staffLogin("doan." + i, "doan-mo").with(viaProxy(guesser)));
        }
        mvc.perform(staffLogin(officer.username(), Fixtures.PASSWORD).with(viaProxy(guesser)))
                .andExpect(refused());
        // a client that is no proxy cannot escape its throttle by writing X-Forwarded-For itself
        String direct = address();
        for (int i = 0; i < 20; i++) {
            mvc.perform(staffLogin("doan." + i, "doan-mo").with(from(direct)).header("X-Forwarded-For", "203.0.113." + i));
        }
        mvc.perform(staffLogin(officer.username(), Fixtures.PASSWORD).with(from(direct)).header("X-Forwarded-For", "203.0.113.99"))
                .andExpect(refused());
        mvc.perform(staffLogin(officer.username(), Fixtures.PASSWORD).with(from(address()))).andExpect(redirectedUrl("/"));
    }

    // --- one answer for every refusal ------------------------------------------------------------

    @Test
    void unknownWrongLockedAndDisabledGetOneAnswerAndTheAuditTrailTheReason() throws Exception {
        var unit = fixtures.agency("Sở Một Câu trả lời");
        StaffView wrong = fixtures.staff(Role.SPECIALIST, unit);
        StaffView locked = fixtures.staff(Role.SPECIALIST, unit);
        StaffView disabled = fixtures.staff(Role.SPECIALIST, unit);
        String unknown = Fixtures.username("khong.ton.tai");
        for (int i = 0; i < 5; i++) {
            mvc.perform(staffLogin(locked.username(), "sai-" + i).with(from(address())));
        }
        org.setStaffActive(disabled.staffId(), false);

        String[][] attempts = {
            {unknown, Fixtures.PASSWORD, "198.51.100.31"},
            {wrong.username(), "sai-mat-khau", "198.51.100.32"},
            {locked.username(), Fixtures.PASSWORD, "198.51.100.33"},
            {disabled.username(), Fixtures.PASSWORD, "198.51.100.34"},
        };
        List<String> pages = new ArrayList<>();
        List<String> apis = new ArrayList<>();
        for (String[] a : attempts) {
            MvcResult form = mvc.perform(staffLogin(a[0], a[1]).with(viaProxy(a[2]))).andReturn();
            pages.add(form.getResponse().getRedirectedUrl());
            MvcResult api = mvc.perform(get("/api/v1/me").with(httpBasic(a[0], a[1])).with(viaProxy(a[2]))
                    .header("Accept-Language", "en")).andExpect(status().isUnauthorized()).andReturn();
            apis.add(api.getResponse().getContentType() + " " + api.getResponse().getContentAsString()
                    .replaceAll("\"instance\":\"[^\"]*\",?", ""));
        }
        assertThat(pages).containsOnly("/login?error");
        assertThat(apis).hasSize(4).allSatisfy(a -> assertThat(a).isEqualTo(apis.get(0)));
        assertThat(apis.get(0)).startsWith("application/problem+json").contains("Authentication failed.");

        String page = mvc.perform(get("/login").param("error", "")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Đăng nhập không thành công").doesNotContain("vô hiệu hóa");

        List<AuditEntry> failed = audit.ofKind("staff.login.failed", 1000);
        String[] reasons = {"UNKNOWN_USER", "BAD_PASSWORD", "LOCKED", "DISABLED"};
        for (int i = 0; i < attempts.length; i++) {
            String[] a = attempts[i];
            String reason = reasons[i];
            assertThat(failed).filteredOn(e -> e.actor().equals(a[0]) && reason.equals(e.reason()))
                    .as(a[0] + " " + reason).hasSize(2)
                    .allSatisfy(e -> assertThat(e.address()).isEqualTo(a[2]))
                    .extracting(AuditEntry::detail).containsExactlyInAnyOrder("form", "basic");
        }
    }

    @Test
    void successfulLoginsAreAuditedWithTheClientsAddress() throws Exception {
        StaffView officer = fixtures.staff(Role.LEADER, fixtures.agency("Sở Đăng nhập Ghi vết"));
        mvc.perform(staffLogin(officer.username(), Fixtures.PASSWORD).with(viaProxy("203.0.113.41"))).andExpect(redirectedUrl("/"));
        assertThat(audit.about("staff", String.valueOf(officer.id()), 10)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("staff.login.succeeded");
            assertThat(e.actor()).isEqualTo(officer.username());
            assertThat(e.address()).isEqualTo("203.0.113.41");
            assertThat(e.detail()).isEqualTo("form");
        });
    }
}
