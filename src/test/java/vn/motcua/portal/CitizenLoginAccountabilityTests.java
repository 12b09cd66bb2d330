package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.CitizenFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The portal's login answers every refusal alike (unknown number, wrong
 * password, locked, disabled, frozen, throttled address) and puts the reason,
 * and every success, into the audit trail with the client's address as
 * resolved behind the trusted reverse proxy (192.0.2.0/24 in the tests). The
 * per-address throttle is the staff login's, counted across both forms.
 */
class CitizenLoginAccountabilityTests extends IntegrationTest {

    private static final String PROXY = "192.0.2.10";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    CitizenFixtures citizens;

    @Autowired
    IdentityProofs proofs;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    /** Through the reverse proxy: the proxy is the peer, the client is in X-Forwarded-For. */
    static RequestPostProcessor viaProxy(String client) {
        return r -> {
            r.setRemoteAddr(PROXY);
            r.addHeader("X-Forwarded-For", client);
            return r;
        };
    }

    /** A client address no other test uses (TEST-NET-3, by this class only). */
    static String client() {
        int n = SEQ.incrementAndGet();
        return "203.0.113." + (100 + n);
    }

    private static MockHttpServletRequestBuilder citizenLogin(String identity, String password) {
        return post("/portal/login").with(csrf()).param("identityNumber", identity).param("password", password);
    }

    @Test
    void everyRefusalGetsOneAnswerAndTheAuditTrailTheReasonAndTheClientsAddress() throws Exception {
        String unknown = CitizenFixtures.citizenId();
        CitizenPrincipal wrong = citizens.unproven("Công dân Sai Mật khẩu");
        CitizenPrincipal locked = citizens.unproven("Công dân Bị Khóa");
        CitizenPrincipal disabled = citizens.unproven("Công dân Ngừng");
        CitizenPrincipal frozen = citizens.unproven("Công dân Mạo danh");
        for (int i = 0; i < 5; i++) {
            mvc.perform(citizenLogin(locked.identityNumber(), "Sai" + i + "matkhau").with(viaProxy(client())));
        }
        jdbc.sql("UPDATE citizen_account SET active = FALSE WHERE id = ?").param(disabled.accountId()).update();
        proofs.freezeAtDesk(frozen.identityNumber(), "không phải chủ số định danh", citizens.deskOfficer());

        String[][] attempts = {
            {unknown, CitizenFixtures.PASSWORD, client(), "UNKNOWN"},
            {wrong.identityNumber(), "SaiMatKhau9", client(), "BAD_PASSWORD"},
            {locked.identityNumber(), CitizenFixtures.PASSWORD, client(), "LOCKED"},
            {disabled.identityNumber(), CitizenFixtures.PASSWORD, client(), "DISABLED"},
            {frozen.identityNumber(), CitizenFixtures.PASSWORD, client(), "FROZEN"},
        };
        List<String> answers = new ArrayList<>();
        for (String[] a : attempts) {
            MvcResult r = mvc.perform(citizenLogin(a[0], a[1]).with(viaProxy(a[2]))).andExpect(unauthenticated()).andReturn();
            answers.add(r.getResponse().getStatus() + " " + r.getResponse().getRedirectedUrl()
                    + " " + r.getResponse().getContentAsString());
        }
        assertThat(answers).hasSize(5).allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
        assertThat(answers.get(0)).isEqualTo("302 /portal/login?error=bad ");
        // the page says nothing of which it was
        String page = mvc.perform(get("/portal/login").param("error", "bad")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Đăng nhập không thành công").doesNotContain("vô hiệu hóa").doesNotContain("đóng băng");

        List<AuditEntry> failed = audit.ofKind("citizen.login.failed", 2000);
        for (String[] a : attempts) {
            assertThat(failed).filteredOn(e -> e.actor().equals("citizen:" + a[0]) && a[2].equals(e.address()))
                    .as(a[3]).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(a[3]));
        }
    }

    @Test
    void aSuccessfulLoginIsAuditedWithTheClientsAddress() throws Exception {
        CitizenPrincipal citizen = citizens.unproven("Công dân Ghi vết");
        String from = client();
        mvc.perform(citizenLogin(citizen.identityNumber(), CitizenFixtures.PASSWORD).with(viaProxy(from)))
                .andExpect(redirectedUrl("/portal"));
        assertThat(audit.about("citizen", citizen.identityNumber(), 20)).filteredOn(e -> e.kind().equals("citizen.login.succeeded"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("citizen:" + citizen.identityNumber());
                    assertThat(e.address()).isEqualTo(from);
                });
    }

    @Test
    void theThrottleCountsStaffAndCitizenFailuresOfAnyKindFromOneAddressAndNotOthers() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Chung Giới hạn"));
        CitizenPrincipal citizen = citizens.unproven("Công dân Chung Địa chỉ");
        CitizenPrincipal disabled = citizens.unproven("Công dân Đã Ngừng");
        jdbc.sql("UPDATE citizen_account SET active = FALSE WHERE id = ?").param(disabled.accountId()).update();
        String guesser = client();
        // ten staff guesses and ten at a disabled citizen account: twenty failures from one address
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/login").with(csrf()).with(viaProxy(guesser))
                    .param("username", Fixtures.username("doan")).param("password", "doan-mo"));
            mvc.perform(citizenLogin(disabled.identityNumber(), CitizenFixtures.PASSWORD).with(viaProxy(guesser)))
                    .andExpect(redirectedUrl("/portal/login?error=bad"));
        }
        // the right password from that address is refused, with the same answer, on both forms
        mvc.perform(citizenLogin(citizen.identityNumber(), CitizenFixtures.PASSWORD).with(viaProxy(guesser)))
                .andExpect(redirectedUrl("/portal/login?error=bad")).andExpect(unauthenticated());
        mvc.perform(post("/login").with(csrf()).with(viaProxy(guesser))
                        .param("username", officer.username()).param("password", Fixtures.PASSWORD))
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).startsWith("/login?error"));
        assertThat(audit.ofKind("citizen.login.failed", 2000))
                .filteredOn(e -> guesser.equals(e.address()) && "THROTTLED".equals(e.reason()))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("citizen:" + citizen.identityNumber()));
        // another client behind the same proxy is not held back
        mvc.perform(citizenLogin(citizen.identityNumber(), CitizenFixtures.PASSWORD).with(viaProxy(client())))
                .andExpect(redirectedUrl("/portal"));
    }
}
