package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import testsupport.oidc.OidcTestProvider;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.support.Browser;
import vn.motcua.support.CitizenFixtures;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Signing in with the national identity provider, for real: the browser goes
 * from the portal's button to the provider's login form (the tests' own
 * OpenID Connect provider) and back. The portal runs at 127.0.0.1, the
 * loopback address the provider lets the redirect URI's port vary for. The
 * login proves the identity number: it links a proven account, never an
 * unproven one (anyone could have opened it with the number).
 */
class VneidLoginBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    CitizenAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CitizenFixtures citizens;

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    AuditTrail audit;

    private String portal() {
        return "http://127.0.0.1:" + port;
    }

    private void signInAtProvider(String username) {
        browser.driver().get(portal() + "/portal/login");
        browser.click(By.id("login-vneid"));
        browser.waitFor(By.name("username")).sendKeys(username);
        browser.driver().findElement(By.name("password")).sendKeys("vneid-Pass1");
        browser.click(By.cssSelector("button[type=submit]"));
    }

    @Test
    void aCitizenSignsInWithVneidAndTheAccountIsMadeOnceThenReused() {
        String id = CitizenAccountTests.citizenId();
        String username = "vneid." + id;
        OidcTestProvider.addUser(username, new OidcTestProvider.TestUser("vneid-Pass1", id, "Lê Văn Định",
                "dinh." + id + "@example.vn"));
        assertThat(accounts.find(id)).isEmpty();

        signInAtProvider(username);
        browser.waitForText(By.id("citizen-menu"), "Lê Văn Định");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(portal() + "/portal");
        assertThat(browser.driver().findElement(By.id("portal-greeting")).getText()).isEqualTo("Xin chào, Lê Văn Định");
        CitizenAccount made = accounts.find(id).orElseThrow();
        assertThat(made.kind()).isEqualTo(ApplicantKind.PERSON);
        assertThat(made.email()).isEqualTo("dinh." + id + "@example.vn");
        assertThat(made.linkedToIdentityProvider()).isTrue();
        assertThat(made.hasPassword()).isFalse();

        // out, and in again: the provider remembers the browser, the portal the account
        browser.click(By.id("citizen-menu"));
        browser.click(By.id("citizen-logout"));
        browser.waitFor(By.id("login-vneid"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(portal() + "/portal/login?logout");
        browser.click(By.id("login-vneid"));
        browser.waitForText(By.id("citizen-menu"), "Lê Văn Định");
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_account WHERE identity_number = ?").param(id)
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(accounts.find(id).orElseThrow().id()).isEqualTo(made.id());
        // both logins are in the audit trail, with the browser's address
        assertThat(audit.about("citizen", id, 20)).filteredOn(e -> e.kind().equals("citizen.login.vneid"))
                .hasSize(2).allSatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("citizen:" + id);
                    assertThat(e.address()).isEqualTo("127.0.0.1");
                    assertThat(e.detail()).contains("account " + made.id());
                });
    }

    @Test
    void aProvenAccountIsLinkedOnItsFirstVneidLoginAndWithoutANumberTheLoginIsRefused() {
        String id = CitizenAccountTests.citizenId();
        CitizenPrincipal registered = citizens.registered(id, "Hồ Thị Đã Có");
        citizens.prove(id); // at a desk: the number is hers
        String username = "vneid.daco." + id;
        OidcTestProvider.addUser(username, new OidcTestProvider.TestUser("vneid-Pass1", id, "Hồ Thị Đã Có", null));
        signInAtProvider(username);
        browser.waitForText(By.id("citizen-menu"), "Hồ Thị Đã Có");
        CitizenAccount linked = accounts.find(id).orElseThrow();
        assertThat(linked.id()).isEqualTo(registered.accountId());
        assertThat(linked.linkedToIdentityProvider()).isTrue();
        assertThat(linked.hasPassword()).isTrue();
        assertThat(linked.proof().method()).isEqualTo(ProofMethod.DESK);

        browser.close();
        String anonymous = "vneid.noid." + id;
        OidcTestProvider.addUser(anonymous, new OidcTestProvider.TestUser("vneid-Pass1", null, "Không Số", null));
        signInAtProvider(anonymous);
        browser.waitFor(By.id("login-error"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(portal() + "/portal/login?error=vneid-identity");
        assertThat(browser.driver().findElement(By.id("login-error")).getText())
                .isEqualTo("Không đăng nhập được bằng VNeID: tài khoản VNeID không cung cấp số định danh cá nhân hợp lệ.");
        assertThat(browser.driver().findElements(By.id("citizen-menu"))).isEmpty();
        assertThat(audit.ofKind("citizen.login.failed", 1000)).filteredOn(e -> "VNEID".equals(e.reason()))
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("vneid");
                    assertThat(e.detail()).isEqualTo("vneid; vneid-identity");
                    assertThat(e.address()).isEqualTo("127.0.0.1");
                });
    }

    @Test
    void theHolderSigningInWithVneidFreezesTheImpostorsAccountEndsItsSessionsAndTellsItByEmail() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String id = CitizenAccountTests.citizenId();
        DossierView desk = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Trần Thị Chủ Thật", id, null, "0912000111", null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null, null), w.deskPrincipal());

        // the impostor registers with the holder's number, and is signed in on two devices
        String impostorMail = "mao.danh.vneid." + id + "@example.vn";
        Cookie first = CitizenAccountTests.session(mvc.perform(post("/portal/register").with(csrf()).param("kind", "PERSON")
                        .param("identityNumber", id).param("fullName", "Kẻ Mạo Danh").param("phone", "0388000111")
                        .param("email", impostorMail).param("password", CitizenAccountTests.PASSWORD)
                        .param("passwordConfirmation", CitizenAccountTests.PASSWORD))
                .andExpect(redirectedUrl("/portal")).andReturn());
        Cookie second = CitizenAccountTests.session(mvc.perform(CitizenAccountTests.login(id, CitizenAccountTests.PASSWORD)
                .with(CitizenAccountTests.from(CitizenAccountTests.address()))).andExpect(redirectedUrl("/portal")).andReturn());
        mvc.perform(get("/portal").cookie(first)).andExpect(status().isOk());
        mvc.perform(get("/portal").cookie(second)).andExpect(status().isOk());
        // a citizen's session carries the identity number as its principal name
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(id).query(Long.class).single())
                .isEqualTo(2L);
        CitizenAccount impostor = accounts.find(id).orElseThrow();
        assertThat(impostor.proven()).isFalse();

        // the holder signs in with VNeID: a new, proven account, never the impostor's
        String username = "vneid.chu.that." + id;
        OidcTestProvider.addUser(username, new OidcTestProvider.TestUser("vneid-Pass1", id, "Trần Thị Chủ Thật",
                impostorMail));
        signInAtProvider(username);
        browser.waitForText(By.id("citizen-menu"), "Trần Thị Chủ Thật");
        CitizenAccount holder = accounts.find(id).orElseThrow();
        assertThat(holder.id()).isNotEqualTo(impostor.id());
        assertThat(holder.proof().method()).isEqualTo(ProofMethod.VNEID);
        assertThat(holder.linkedToIdentityProvider()).isTrue();
        assertThat(holder.email()).as("the address the impostor gave is released for its owner").isEqualTo(impostorMail);

        // the impostor's account is frozen, gave up the number, and its sessions are gone on every node
        assertThat(jdbc.sql("SELECT frozen_identity_number || '/' || coalesce(identity_number, '-') || '/' || active || '/' || frozen_reason"
                + " FROM citizen_account WHERE id = ?").param(impostor.id()).query(String.class).single())
                .isEqualTo(id + "/-/false/VNEID_OWNER");
        mvc.perform(get("/portal").cookie(first)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/portal").cookie(second)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(CitizenAccountTests.login(id, CitizenAccountTests.PASSWORD)
                .with(CitizenAccountTests.from(CitizenAccountTests.address()))).andExpect(redirectedUrl("/portal/login?error=bad"));
        String mail = awaitMail(impostorMail, "đã bị khóa").getContent().toString();
        assertThat(mail).contains("Kính gửi Kẻ Mạo Danh").contains(id).contains("VNeID");
        assertThat(audit.about("citizen", id, 10)).extracting(AuditEntry::kind)
                .contains("citizen.account.frozen", "citizen.identity.proven");

        // the holder's own session goes on, and sees the dossier filed at the desk
        browser.driver().get(portal() + "/portal/dossiers");
        assertThat(browser.waitFor(By.id("my-dossier-list")).getText()).contains(desk.code());
        assertThat(browser.driver().findElements(By.id("identity-notice"))).isEmpty();
    }
}
