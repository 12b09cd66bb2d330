package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import vn.motcua.organization.internal.DemoOrganizationData;
import vn.motcua.support.Browser;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** The administrator's first steps in a real headless Chromium. */
class AdminBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void theDemoAdminCreatesACommuneSeesItInTheTreeAndSwitchesToEnglish() {
        WebDriver page = browser.driver();
        browser.login(baseUrl(), "admin", DemoOrganizationData.DEMO_PASSWORD);
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Xin chào, Nguyễn Văn Quản");

        page.get(baseUrl() + "/admin/units");
        browser.click(By.id("new-unit"));

        // first a mistake: no name; the page says so next to the field and keeps the rest
        String code = Fixtures.unitCode();
        browser.waitFor(By.id("code")).sendKeys(code);
        new Select(page.findElement(By.id("kind"))).selectByValue("COMMUNE");
        new Select(page.findElement(By.id("level"))).selectByValue("COMMUNE");
        new Select(page.findElement(By.id("parentId"))).selectByVisibleText("000.00.00.H40 — Ủy ban nhân dân tỉnh Nghệ An");
        browser.click(By.id("save-unit"));
        assertThat(browser.waitFor(By.id("name-error")).getText()).isEqualTo("Trường này là bắt buộc.");
        assertThat(page.findElement(By.id("code")).getAttribute("value")).isEqualTo(code);

        page.findElement(By.id("name")).sendKeys("Xã Hưng Nguyên Thử");
        browser.click(By.id("save-unit"));

        browser.waitFor(By.id("unit-tree"));
        assertThat(page.findElement(By.cssSelector(".alert-success")).getText()).contains("Xã Hưng Nguyên Thử");
        assertThat(page.findElement(By.id("unit-tree")).getText()).contains("Xã Hưng Nguyên Thử").contains(code);

        // search without diacritics, answered by htmx in place
        page.findElement(By.id("unit-search")).sendKeys("hung nguyen thu");
        browser.waitFor(By.id("unit-results"));
        assertThat(page.findElement(By.id("unit-results")).getText()).contains("Xã Hưng Nguyên Thử");

        browser.click(By.id("lang-en"));
        browser.waitForText(By.tagName("h1"), "Units");
        assertThat(page.findElement(By.id("new-unit")).getText()).isEqualTo("New unit");
        assertThat(page.findElement(By.id("unit-tree")).getText()).contains("Xã Hưng Nguyên Thử");
    }
}
