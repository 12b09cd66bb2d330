package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Browser;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The main journey in a real browser, as three people: the desk receives, the
 * specialist examines and asks for a supplement, the desk records it, the
 * specialist passes it on, the leader approves, the desk returns the result.
 */
class DossierJourneyBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    DossierFixtures dossierFixtures;

    @Test
    void threeOfficersTakeADossierFromReceiptToReturn() {
        DossierFixtures.World w = dossierFixtures.world();
        WebDriver page = browser.driver();

        as(w.deskOfficer());
        page.get(baseUrl() + "/dossiers/new");
        // typed without diacritics
        browser.waitFor(By.id("procedure-search")).sendKeys("giay phep thu nghiem so " + w.procedure().code());
        browser.click(By.id("pick-" + w.procedure().code()));
        assertThat(browser.waitFor(By.id("chosen-procedure")).getText()).isEqualTo(w.procedure().name());
        assertThat(page.findElement(By.id("appointment-preview")).getText()).contains("Hẹn trả");
        page.findElement(By.id("fullName")).sendKeys("Trần Văn Đức");
        page.findElement(By.id("idNumber")).sendKeys("0401");
        browser.click(By.id("confirm-intake"));
        // a wrong ID number: the page says so next to the field and keeps what was typed
        assertThat(browser.waitFor(By.id("idNumber-error")).getText()).contains("12 chữ số");
        assertThat(page.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Trần Văn Đức");
        page.findElement(By.id("idNumber")).clear();
        page.findElement(By.id("idNumber")).sendKeys("040212345678");
        browser.click(By.id("confirm-intake"));
        String code = browser.waitFor(By.id("dossier-code")).getText();
        assertThat(code).startsWith(w.desk().code() + "-");
        assertThat(page.findElement(By.id("dossier-status")).getText()).isEqualTo("Được tiếp nhận");
        assertThat(page.findElement(By.id("slip-receipt")).isDisplayed()).isTrue();
        browser.click(By.id("act-forward"));
        browser.waitForText(By.id("dossier-status"), "Đang xử lý");

        as(w.specialist());
        page.get(baseUrl() + "/dossiers/" + code);
        browser.waitFor(By.id("items")).sendKeys("Bản sao giấy khai sinh");
        page.findElement(By.id("reason-supplement")).sendKeys("Thiếu giấy tờ");
        browser.click(By.id("act-request-supplement"));
        browser.waitForText(By.id("dossier-status"), "Yêu cầu bổ sung giấy tờ");

        as(w.deskOfficer());
        page.get(baseUrl() + "/dossiers?inbox=WAITING_SUPPLEMENT");
        browser.click(By.linkText(code));
        browser.click(By.id("act-supplement-received"));
        browser.waitForText(By.id("dossier-status"), "Đang xử lý");

        as(w.specialist());
        page.get(baseUrl() + "/dossiers/" + code);
        browser.click(By.id("act-forward"));
        browser.waitForText(By.id("history"), "Chuyển xử lý");

        as(w.leader());
        page.get(baseUrl() + "/dossiers/" + code);
        browser.waitFor(By.id("resultNumber")).sendKeys("15/GP-STN");
        browser.click(By.id("act-complete"));
        browser.waitForText(By.id("dossier-status"), "Đã xử lý xong");

        as(w.deskOfficer());
        page.get(baseUrl() + "/dossiers?inbox=READY_TO_RETURN");
        browser.click(By.linkText(code));
        browser.click(By.id("act-return"));
        browser.waitForText(By.id("dossier-status"), "Đã trả kết quả");
        assertThat(page.findElement(By.id("history")).getText())
                .contains("Tiếp nhận", "Yêu cầu bổ sung", "Đã nhận bổ sung", "Phê duyệt, có kết quả", "Trả kết quả");
    }

    private void as(StaffView who) {
        browser.driver().manage().deleteAllCookies();
        browser.login(baseUrl(), who.username(), Fixtures.PASSWORD);
    }
}
