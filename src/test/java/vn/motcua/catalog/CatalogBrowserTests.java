package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.internal.DemoOrganizationData;
import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/** The catalogue's main journey in a real headless Chromium: an administrator publishes, a citizen finds it. */
class CatalogBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    OrganizationService org;

    private String unit(String code) {
        return "u:" + org.findUnitByCode(code).orElseThrow().id();
    }

    private WebElement byName(String name) {
        return browser.waitFor(By.name(name));
    }

    private void type(String name, String text) {
        WebElement e = byName(name);
        e.clear();
        e.sendKeys(text);
    }

    /**
     * Clicks after scrolling the element to the middle at once: the page is long and Bootstrap
     * scrolls smoothly, so a click during the scroll animation would land on something else.
     */
    private void click(By by) {
        WebElement e = browser.waitFor(by);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        browser.click(by);
    }

    private void choose(String name, String value) {
        new Select(byName(name)).selectByValue(value);
    }

    @Test
    void anAdministratorPublishesAThreeStepProcedureAndAnyoneFindsItWithoutDiacritics() {
        WebDriver page = browser.driver();
        String code = Samples.code();
        String name = "Cấp giấy xác nhận thử nghiệm Quế Phong " + code.substring(2);
        browser.login(baseUrl(), "admin", DemoOrganizationData.DEMO_PASSWORD);

        page.get(baseUrl() + "/admin/procedures");
        click(By.id("new-procedure"));
        type("code", code);
        type("name", name);
        type("field", "Lý lịch tư pháp");
        choose("level", "PROVINCE");
        choose("agency", unit(Samples.JUSTICE));
        type("resultType", "Giấy xác nhận");
        type("cases[0].name", "Thông thường");
        type("cases[0].duration.amount", "3");
        type("cases[0].steps[0].name", "Tiếp nhận hồ sơ");
        choose("cases[0].steps[0].role", "ONE_STOP_OFFICER");
        choose("cases[0].steps[0].unit", unit(Samples.CENTRE));
        type("cases[0].steps[0].share", "0");
        type("components[0].name", "Tờ khai đề nghị");

        // the step editor: two more steps, each added by re-rendering the form with what was typed
        click(By.id("add-step-0"));
        type("cases[0].steps[1].name", "Thẩm định");
        choose("cases[0].steps[1].role", "SPECIALIST");
        choose("cases[0].steps[1].unit", unit(Samples.JUSTICE_ADMIN));
        type("cases[0].steps[1].share", "2");
        click(By.id("add-step-0"));
        assertThat(byName("cases[0].steps[1].name").getAttribute("value")).isEqualTo("Thẩm định");
        type("cases[0].steps[2].name", "Ký kết quả");
        choose("cases[0].steps[2].role", "LEADER");
        choose("cases[0].steps[2].unit", unit(Samples.JUSTICE));
        type("cases[0].steps[2].share", "0.5");
        // the running sum says the shares do not match the 3 days yet; fixing one share makes it match
        browser.waitForText(By.id("share-sum-0"), "2.5");
        assertThat(page.findElement(By.cssSelector("#case-0 .mc-share-status")).getText()).isEqualTo("Chưa khớp thời hạn");
        type("cases[0].steps[2].share", "1");
        browser.waitForText(By.id("share-sum-0"), "3");
        assertThat(page.findElement(By.cssSelector("#case-0 .mc-share-status")).getText()).isEqualTo("Khớp thời hạn");

        click(By.id("save-procedure"));
        browser.waitForText(By.id("version-status"), "Dự thảo");
        assertThat(page.findElement(By.id("procedure-name")).getText()).isEqualTo(name);

        browser.waitFor(By.id("decision")).sendKeys("321/QĐ-UBND");
        click(By.id("publish"));
        browser.waitForText(By.id("version-status"), "Đang công bố");
        assertThat(page.findElement(By.cssSelector(".alert-success")).getText()).contains(code);

        click(By.id("user-menu"));
        click(By.id("logout"));
        browser.waitFor(By.id("login-submit"));

        // logged out: the public catalogue, searched as one types, without diacritics
        click(By.id("nav-public-procedures"));
        browser.waitFor(By.id("q")).sendKeys("xac nhan thu nghiem que phong " + code.substring(2));
        browser.waitForText(By.id("result-count"), "Tìm thấy 1 thủ tục");
        assertThat(page.findElement(By.id("procedure-results")).getText()).contains(name);
        click(By.cssSelector("#procedure-results a"));
        browser.waitForText(By.id("procedure-name"), name);
        assertThat(page.findElements(By.cssSelector("#case-view-0 tbody tr"))).hasSize(3);
        assertThat(page.findElement(By.id("procedure-publication")).getText()).contains("321/QĐ-UBND");
    }
}
