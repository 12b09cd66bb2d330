package vn.motcua.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.indicators.internal.ReportExporter;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Browser;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * In a real browser: a department's leader opens the unit's index, drills
 * down into the late dossiers and opens one; then generates, signs and
 * submits the quarter's report; a supervisor of the Department of Home
 * Affairs consolidates the province's report and downloads the XLSX, which
 * the test opens and checks cell by cell.
 */
class IndicatorBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    IndicatorFixtures data;

    @Test
    void aLeaderDrillsIntoLateDossiersAndTheSupervisorConsolidatesTheQuarter() throws Exception {
        testsupport.farside.FarSides.NATIONAL_PORTAL.reset(); // acknowledges nothing: the total stays as worked out
        IndicatorFixtures.Quarter q = data.quarter();
        WebDriver page = browser.driver();
        long unit = q.w().agency().id();

        as(q.w().leader());
        page.get(baseUrl() + "/indicators?unit=" + unit + "&from=2026-01-01&to=2026-03-31");
        assertThat(browser.waitFor(By.id("index-total")).getText()).isEqualTo("52,44"); // IndicatorIndexTests works it out
        assertThat(page.findElement(By.id("index-band")).getText()).isEqualTo("Trung bình");
        assertThat(page.findElement(By.id("den-ON_TIME")).getText()).isEqualTo("6");
        assertThat(page.findElement(By.id("where-to-act")).getText()).startsWith("Hồ sơ giải quyết trước hạn");
        browser.screenshot("indicators-dashboard");
        browser.click(By.id("den-ON_TIME"));
        browser.click(By.id("drill-out"));
        browser.waitForText(By.id("drill-denominator"), "6");
        List<String> late = page.findElements(By.cssSelector("#drill-lines tbody tr td:first-child a")).stream()
                .map(WebElement::getText).collect(Collectors.toList());
        assertThat(late).containsExactlyInAnyOrder(q.codes().get("D2"), q.codes().get("D3"), q.codes().get("D8"));
        browser.click(By.linkText(q.codes().get("D3")));
        assertThat(browser.waitFor(By.id("dossier-code")).getText()).isEqualTo(q.codes().get("D3"));

        // the leader reports the quarter
        page.get(baseUrl() + "/indicators/reports?from=2026-01-01&to=2026-03-31");
        browser.click(By.cssSelector("#report-overview tr[data-unit='" + unit + "'] button[type=submit]"));
        browser.waitForText(By.id("report-status"), "Dự thảo");
        browser.click(By.id("sign"));
        browser.waitForText(By.id("report-status"), "Đã ký duyệt");
        browser.click(By.id("submit"));
        browser.waitForText(By.id("report-status"), "Đã gửi");

        // the Department of Home Affairs consolidates and downloads
        StaffView supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        as(supervisor);
        page.get(baseUrl() + "/indicators/reports?from=2026-01-01&to=2026-03-31");
        assertThat(browser.waitFor(By.cssSelector("#report-overview tr[data-unit='" + unit + "']")).getText()).contains("Đã gửi");
        browser.click(By.id("consolidate"));
        browser.waitFor(By.id("report-table"));
        assertThat(page.findElement(By.id("report-table")).getText()).contains(q.w().agency().name());
        String href = page.findElement(By.id("download-xlsx")).getAttribute("href");
        byte[] xlsx = download(href);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).startsWith("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).contains("Ủy ban nhân dân tỉnh Nghệ An");
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).contains("01/01/2026", "31/03/2026");
            assertThat(s.getRow(ReportExporter.FIRST_DATA_ROW).getCell(1).getStringCellValue()).isEqualTo("Sở, ban, ngành");
            Row mine = null;
            Row total = null;
            for (int r = ReportExporter.FIRST_DATA_ROW; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                if (row == null || row.getCell(1) == null) {
                    continue;
                }
                String label = row.getCell(1).getStringCellValue();
                if (label.equals(q.w().agency().name())) {
                    mine = row;
                } else if (label.equals("Tổng cộng")) {
                    total = row;
                }
            }
            assertThat(mine).as("the department's row").isNotNull();
            long[] expected = IndicatorReportTests.Q1;
            for (int c = 0; c < expected.length; c++) {
                assertThat(mine.getCell(c + 2).getNumericCellValue()).as("column %d", c + 3).isEqualTo(expected[c]);
            }
            assertThat(total).isNotNull();
            assertThat(total.getCell(2).getNumericCellValue()).isGreaterThanOrEqualTo(expected[0]);
            // the form's checks hold on the total: 3 = 4 + 5 + 6, 7 = 8 + 9 + 10, 11 = 12 + 13, received = handled + pending
            double[] t = new double[11];
            for (int c = 0; c < 11; c++) {
                t[c] = total.getCell(c + 2).getNumericCellValue();
            }
            assertThat(t[0]).isEqualTo(t[1] + t[2] + t[3]);
            assertThat(t[4]).isEqualTo(t[5] + t[6] + t[7]);
            assertThat(t[8]).isEqualTo(t[9] + t[10]);
            assertThat(t[0]).isEqualTo(t[4] + t[8]);
        }
    }

    /** Fetches a link with the browser's session, as the browser's download would. */
    private byte[] download(String href) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        return res.body();
    }

    private void as(StaffView who) {
        browser.driver().manage().deleteAllCookies();
        browser.login(baseUrl(), who.username(), Fixtures.PASSWORD);
    }
}
