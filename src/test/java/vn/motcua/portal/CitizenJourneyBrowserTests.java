package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierService;
import vn.motcua.support.Browser;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/**
 * The citizen's whole journey in real headless Chromium, on a phone-sized
 * window: find the procedure, register, keep a paper in the personal
 * warehouse, file online with one paper uploaded and one reused, follow the
 * dossier while a desk officer (in a desktop-sized browser of their own)
 * receives it, get the result into the warehouse, and rate the handling.
 * Every citizen page is checked for horizontal overflow at phone width.
 */
class CitizenJourneyBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser citizen = new Browser();

    @RegisterExtension
    final Browser desk = new Browser();

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    FileService files;

    static Path pdf(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "browser-uploads"));
        Path file = dir.resolve(name);
        Files.write(file, vn.motcua.support.TestFiles.pdf());
        return file.toAbsolutePath();
    }

    /** Nothing on the page is wider than the phone's screen (tables scroll inside their own box). */
    private void fitsThePhone(WebDriver page) {
        Number overflow = (Number) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow of " + page.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    @Test
    void aCitizenRegistersFilesOnlineFollowsTheDossierAndRatesIt() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String idNumber = String.format("04%010d", System.nanoTime() % 10_000_000_000L);
        WebDriver phone = citizen.driver();
        phone.manage().window().setSize(new Dimension(390, 844));

        // finds the procedure without diacritics and asks to file it online: sign-in first, then registration
        phone.get(baseUrl() + "/public/procedures");
        citizen.waitFor(By.id("q")).sendKeys("cap giay phep thu nghiem so " + w.procedure().code());
        citizen.click(By.id("search-submit"));
        citizen.click(By.cssSelector("#procedure-results a[href$='/" + w.procedure().code() + "']"));
        fitsThePhone(phone);
        citizen.click(By.id("file-online"));
        citizen.waitFor(By.id("identityNumber"));
        fitsThePhone(phone);
        citizen.click(By.id("link-register"));
        citizen.waitFor(By.id("identityNumber")).sendKeys(idNumber);
        phone.findElement(By.id("fullName")).sendKeys("Nguyễn Thị Thu Hà");
        phone.findElement(By.id("phone")).sendKeys("0987654321");
        phone.findElement(By.id("email")).sendKeys("thuha" + idNumber + "@example.vn");
        phone.findElement(By.id("address")).sendKeys("Số 5 Quang Trung, Vinh");
        phone.findElement(By.id("password")).sendKeys("Mat-khau-2026");
        phone.findElement(By.id("passwordConfirmation")).sendKeys("Mat-khau-2026");
        fitsThePhone(phone);
        citizen.click(By.id("register-submit"));
        citizen.waitFor(By.id("portal-greeting"));
        // a new account is not proven: the page says what it sees and how to prove the number is hers
        assertThat(phone.findElement(By.id("identity-notice")).getText()).contains("chưa được xác thực");
        fitsThePhone(phone);

        // keeps a certified copy in the personal warehouse
        phone.get(baseUrl() + "/portal/warehouse");
        citizen.waitFor(By.id("title")).sendKeys("Bản sao căn cước công dân");
        new Select(phone.findElement(By.id("kind"))).selectByValue("CERTIFIED_COPY");
        phone.findElement(By.id("file")).sendKeys(pdf("can-cuoc.pdf").toString());
        citizen.click(By.id("add-document"));
        assertThat(citizen.waitFor(By.cssSelector("#documents .document-title")).getText()).isEqualTo("Bản sao căn cước công dân");
        fitsThePhone(phone);

        // files online: details prefilled, one paper uploaded, one reused from the warehouse, review, submit
        phone.get(baseUrl() + "/public/procedures/" + w.procedure().code());
        citizen.click(By.id("file-online"));
        citizen.click(By.id("start-filing"));
        assertThat(citizen.waitFor(By.id("prefilled-name")).getText()).isEqualTo("Nguyễn Thị Thu Hà");
        assertThat(phone.findElement(By.id("phone")).getAttribute("value")).isEqualTo("0987654321");
        fitsThePhone(phone);
        citizen.click(By.id("details-next"));
        // a file over the limit is refused in the page, before it is sent
        Path big = pdf("qua-lon.pdf");
        Files.write(big, new byte[2 * 1024 * 1024], java.nio.file.StandardOpenOption.APPEND);
        citizen.waitFor(By.id("file-1")).sendKeys(big.toString());
        assertThat(phone.findElement(By.id("file-1")).getAttribute("validationMessage")).startsWith("Tệp quá lớn");
        String papersUrl = phone.getCurrentUrl();
        citizen.click(By.id("upload-1"));
        assertThat(phone.getCurrentUrl()).isEqualTo(papersUrl);
        phone.findElement(By.id("file-1")).clear();
        citizen.waitFor(By.id("file-1")).sendKeys(pdf("to-khai.pdf").toString());
        citizen.click(By.id("upload-1"));
        assertThat(citizen.waitFor(By.id("attached-1")).getText()).contains("to-khai.pdf");
        new Select(phone.findElement(By.id("doc-2"))).selectByVisibleText("Bản sao căn cước công dân");
        citizen.click(By.id("reuse-2"));
        assertThat(citizen.waitFor(By.id("attached-2")).getText()).contains("Dùng lại kết quả đã có");
        fitsThePhone(phone);
        citizen.screenshot("citizen-journey-1-papers"); // kept for people reviewing the pages at phone size
        citizen.click(By.id("components-next"));
        assertThat(citizen.waitFor(By.id("review-components")).getText()).contains("Đã số hóa");
        fitsThePhone(phone);
        citizen.click(By.id("submit-filing"));
        String code = citizen.waitFor(By.id("dossier-code")).getText();
        assertThat(phone.findElement(By.id("dossier-status")).getText()).isEqualTo("Mới đăng ký");
        assertThat(phone.findElement(By.id("waiting-desk")).isDisplayed()).isTrue();
        fitsThePhone(phone);

        // the desk officer, on a desktop, receives it from the queue of online filings
        desk.login(baseUrl(), w.deskOfficer().username(), Fixtures.PASSWORD);
        desk.driver().get(baseUrl() + "/dossiers/" + code);
        desk.click(By.id("act-receive"));
        desk.waitForText(By.id("dossier-status"), "Được tiếp nhận");
        // she is at the desk with her ID card: the officer confirms the account is hers
        desk.click(By.id("nav-citizen-accounts"));
        desk.waitFor(By.id("q")).sendKeys(idNumber);
        desk.click(By.id("desk-search"));
        assertThat(desk.waitFor(By.id("account-name")).getText()).isEqualTo("Nguyễn Thị Thu Hà");
        new Select(desk.driver().findElement(By.id("document"))).selectByValue("ID_CARD");
        desk.driver().findElement(By.id("note")).sendKeys("Thẻ căn cước gắn chip");
        desk.click(By.id("desk-prove"));
        desk.waitFor(By.id("account-proven"));

        // the citizen follows it: public tracking without personal data, and their own page with the receipt
        phone.get(baseUrl() + "/public/tracking?code=" + code);
        assertThat(citizen.waitFor(By.id("tracking-status")).getText()).isEqualTo("Được tiếp nhận");
        assertThat(phone.findElement(By.id("tracking-result")).getText()).doesNotContain("Nguyễn Thị Thu Hà");
        fitsThePhone(phone);
        phone.get(baseUrl() + "/portal/dossiers");
        citizen.click(By.partialLinkText(code));
        assertThat(citizen.waitFor(By.id("receipt-pdf")).isDisplayed()).isTrue();
        fitsThePhone(phone);

        // handled and returned with an electronic result
        dossiers.act(code, Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(code, Action.FORWARD, Act.empty(), w.specialistPrincipal());
        StoredFile result = files.upload("giay-phep.pdf", new ByteArrayInputStream(Files.readAllBytes(pdf("giay-phep.pdf"))),
                "staff:" + w.leader().username());
        dossiers.act(code, Action.COMPLETE, new Act(null, null, null, null, null, null, null, "27/GP", result.id().toString(),
                null, null), w.leaderPrincipal());
        dossiers.act(code, Action.RETURN, Act.empty(), w.deskPrincipal());

        phone.get(baseUrl() + "/portal/dossiers/" + code);
        assertThat(citizen.waitFor(By.id("dossier-status")).getText()).isEqualTo("Đã trả kết quả");
        assertThat(phone.findElement(By.id("result-file")).getAttribute("href")).endsWith("/portal/files/" + result.id());
        citizen.click(By.cssSelector("label[for='rating-VERY_SATISFIED']"));
        phone.findElement(By.id("comment")).sendKeys("Nộp trực tuyến nhanh, không phải đi lại.");
        citizen.click(By.id("rating-submit"));
        assertThat(citizen.waitFor(By.id("already-rated")).getText()).contains("Cảm ơn");
        fitsThePhone(phone);
        citizen.screenshot("citizen-journey-2-returned");

        // the result is in the personal warehouse, ready for the next dossier
        phone.get(baseUrl() + "/portal/warehouse");
        assertThat(citizen.waitFor(By.id("documents")).getText()).contains("Kết quả").contains(code);
        fitsThePhone(phone);
        citizen.screenshot("citizen-journey-3-warehouse");
    }
}
