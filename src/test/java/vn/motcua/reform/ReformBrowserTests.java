package vn.motcua.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.support.Browser;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/**
 * The Department of Home Affairs creates the year's plan with a task for a
 * commune and approves it; the commune's officer reports the task done with
 * an evidence file; an inspection's fix is closed.
 */
class ReformBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InspectionService inspections;

    @Test
    void theYearsPlanIsMadeACommuneReportsWithEvidenceAndAnInspectionsFixIsClosed() throws Exception {
        long n = System.nanoTime() % 1_000_000;
        StaffView supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        UnitView commune = fixtures.commune("Xã Thử Cải Cách " + n);
        UnitView division = fixtures.child(commune, "Phòng Văn hóa - Xã hội", UnitKind.DIVISION);
        StaffView officer = fixtures.staff(Role.SPECIALIST, division);
        int year = LocalDate.now(clock).getYear();
        String planTitle = "Kế hoạch cải cách hành chính năm " + year + " (" + n + ")";
        String taskTitle = "Niêm yết công khai thủ tục tại xã " + n;

        WebDriver page = browser.driver();
        browser.login(baseUrl(), supervisor.username(), Fixtures.PASSWORD);
        page.get(baseUrl() + "/reform/plans?year=" + year);
        browser.waitFor(By.id("plan-title")).sendKeys(planTitle);
        new Select(page.findElement(By.id("plan-unit"))).selectByValue(""); // the province's plan
        browser.click(By.id("plan-create"));
        browser.waitForText(By.id("plan-title"), planTitle);
        assertThat(page.findElement(By.id("plan-status")).getText()).isEqualTo("Dự thảo");

        page.findElement(By.id("task-title")).sendKeys(taskTitle);
        new Select(page.findElement(By.id("task-owner"))).selectByValue(String.valueOf(division.id()));
        new Select(page.findElement(By.id("task-rule"))).selectByValue("FIXED_DATE");
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", page.findElement(By.id("task-date")),
                year + "-12-31");
        page.findElement(By.id("task-output")).sendKeys("Bảng niêm yết và mã QR tra cứu");
        browser.click(By.id("task-add"));
        browser.waitForText(By.id("tasks-table"), taskTitle);
        page.findElement(By.id("decision")).sendKeys("01/KH-UBND");
        browser.click(By.id("plan-approve"));
        browser.waitForText(By.id("plan-status"), "Đã ban hành");
        browser.waitFor(By.cssSelector("#chart-units svg")); // progress by unit is drawn
        long task = jdbc.sql("SELECT id FROM rf_task WHERE title = ?").param(taskTitle).query(Long.class).single();

        // the commune's officer reports the task done, with the evidence
        page.manage().deleteAllCookies();
        browser.login(baseUrl(), officer.username(), Fixtures.PASSWORD);
        page.get(baseUrl() + "/reform/tasks/" + task);
        WebDriverHelper.clearAndType(page, By.id("percent"), "100");
        page.findElement(By.id("note")).sendKeys("Đã niêm yết đủ 45 thủ tục cấp xã");
        browser.click(By.id("progress-save")); // no evidence: refused, nothing changes
        assertThat(browser.waitFor(By.cssSelector(".alert-danger")).getText()).contains("tài liệu kiểm chứng");
        assertThat(page.findElement(By.id("task-percent")).getDomProperty("textContent")).isEqualTo("0%");
        Path pdf = Files.createTempFile("minh-chung", ".pdf");
        Files.write(pdf, TestFiles.pdf());
        WebDriverHelper.clearAndType(page, By.id("percent"), "100");
        page.findElement(By.id("note")).sendKeys("Đã niêm yết đủ 45 thủ tục cấp xã");
        page.findElement(By.id("evidence")).sendKeys(pdf.toAbsolutePath().toString());
        browser.click(By.id("progress-save"));
        browser.waitForText(By.id("task-state"), "Hoàn thành");
        assertThat(page.findElement(By.id("reports")).getText()).contains("Đã niêm yết đủ 45 thủ tục cấp xã", officer.username());
        assertThat(page.findElements(By.cssSelector("#reports a.evidence-link"))).hasSize(1);
        Files.deleteIfExists(pdf);

        // an inspection of the commune, its finding and fix recorded; the Department closes the fix
        StaffPrincipal sup = DossierFixtures.World.principal(supervisor);
        InspectionView i = inspections.schedule(new InspectionCommand(commune.id(), "Kiểm tra CCHC tại xã " + n,
                LocalDate.now(clock).plusDays(1)), sup);
        InspectionFindingView f = inspections.addFinding(i.id(), new InspectionFindingCommand("Chưa công khai số điện thoại đường dây nóng",
                InspectionTargetKind.NONE, null), sup);
        InspectionFixView fix = inspections.requireFix(f.id(), new InspectionFixCommand("Công khai đường dây nóng",
                LocalDate.now(clock).plusDays(10)), sup);
        page.manage().deleteAllCookies();
        browser.login(baseUrl(), supervisor.username(), Fixtures.PASSWORD);
        page.get(baseUrl() + "/reform/inspections/" + i.id());
        browser.waitFor(By.id("close-note-" + fix.id())).sendKeys("Đã kiểm tra lại, đạt yêu cầu");
        browser.click(By.id("close-" + fix.id()));
        browser.waitForText(By.id("inspection-status"), "Đã kết thúc");
        assertThat(page.findElement(By.id("fix-" + fix.id())).getText()).contains("Đã khắc phục xong", "Đã kiểm tra lại, đạt yêu cầu");
    }

    /** Small helpers over Selenium's element calls. */
    static final class WebDriverHelper {
        private WebDriverHelper() {
        }

        static void clearAndType(WebDriver page, By by, String text) {
            var e = page.findElement(by);
            e.clear();
            e.sendKeys(text);
        }
    }
}
