package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import testsupport.oidc.OidcTestProvider;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * Signing in with the national identity provider, for real: the browser goes
 * from the portal's button to the provider's login form (the tests' own
 * OpenID Connect provider) and back. The portal runs at 127.0.0.1, the
 * loopback address the provider lets the redirect URI's port vary for.
 */
class VneidLoginBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    CitizenAccounts accounts;

    @Autowired
    JdbcClient jdbc;

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
    }

    @Test
    void aRegisteredCitizenIsRecognisedByTheCitizenIdAndWithoutOneTheLoginIsRefused() {
        String id = CitizenAccountTests.citizenId();
        CitizenPrincipal registered = accounts.register(new Registration(ApplicantKind.PERSON, id, "Hồ Thị Đã Có", "0388999000",
                "daco." + id + "@example.vn", null, CitizenAccountTests.PASSWORD, CitizenAccountTests.PASSWORD));
        String username = "vneid.daco." + id;
        OidcTestProvider.addUser(username, new OidcTestProvider.TestUser("vneid-Pass1", id, "Hồ Thị Đã Có", null));
        signInAtProvider(username);
        browser.waitForText(By.id("citizen-menu"), "Hồ Thị Đã Có");
        CitizenAccount linked = accounts.find(id).orElseThrow();
        assertThat(linked.id()).isEqualTo(registered.accountId());
        assertThat(linked.linkedToIdentityProvider()).isTrue();
        assertThat(linked.hasPassword()).isTrue();

        browser.close();
        String anonymous = "vneid.noid." + id;
        OidcTestProvider.addUser(anonymous, new OidcTestProvider.TestUser("vneid-Pass1", null, "Không Số", null));
        signInAtProvider(anonymous);
        browser.waitFor(By.id("login-error"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(portal() + "/portal/login?error=vneid-identity");
        assertThat(browser.driver().findElement(By.id("login-error")).getText())
                .isEqualTo("Không đăng nhập được bằng VNeID: tài khoản VNeID không cung cấp số định danh cá nhân hợp lệ.");
        assertThat(browser.driver().findElements(By.id("citizen-menu"))).isEmpty();
    }
}
