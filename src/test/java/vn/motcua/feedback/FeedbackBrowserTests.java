package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.Browser;
import vn.motcua.support.IntegrationTest;

/**
 * Someone without an account, on a phone: files a PAKN on the public site,
 * follows it by its code, and once the desk and the unit have answered and
 * published, reads the published answer and rates it with the secret key.
 * Every page is checked for horizontal overflow at phone width.
 */
class FeedbackBrowserTests extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    FeedbackWorld worlds;

    @Autowired
    FeedbackService feedback;

    private void fitsThePhone(WebDriver page) {
        Number overflow = (Number) ((JavascriptExecutor) page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow of " + page.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    @Test
    void anAnonymousSenderFilesFollowsReadsThePublishedAnswerAndRatesIt() {
        FeedbackWorld.World w = worlds.world();
        WebDriver phone = browser.driver();
        phone.manage().window().setSize(new Dimension(390, 844));

        phone.get(baseUrl() + "/public/feedback");
        fitsThePhone(phone);
        browser.click(By.id("kind-RECOMMENDATION"));
        browser.waitFor(By.id("senderName")).sendKeys("Đào Thị Điện Thoại");
        phone.findElement(By.id("email")).sendKeys("dien.thoai." + System.nanoTime() + "@example.vn");
        new Select(phone.findElement(By.id("subject"))).selectByValue("UNIT");
        // only the chosen subject's fields are shown
        assertThat(phone.findElement(By.id("procedureCode")).isDisplayed()).isFalse();
        new Select(browser.waitFor(By.id("unitId"))).selectByValue(String.valueOf(w.agency().id()));
        phone.findElement(By.id("title")).sendKeys("Đề nghị nhắn tin khi có kết quả");
        phone.findElement(By.id("content")).sendKeys("Đề nghị cơ quan nhắn tin báo cho người dân khi hồ sơ đã có kết quả để khỏi đi lại hỏi.");
        browser.click(By.id("feedback-submit"));

        String code = browser.waitFor(By.id("filed-code")).getText();
        String key = phone.findElement(By.id("filed-key")).getText();
        assertThat(code).matches("PAKN-\\d{6}-\\d{4}");
        assertThat(key).hasSize(12);
        fitsThePhone(phone);

        // later, from the form on the public page, by the code alone: the status, not the text
        phone.get(baseUrl() + "/public/feedback");
        browser.waitFor(By.id("follow-code")).sendKeys(code);
        browser.click(By.id("follow-submit"));
        browser.waitForText(By.id("feedback-status"), "Chờ tiếp nhận");
        assertThat(phone.findElement(By.tagName("main")).getText()).doesNotContain("nhắn tin báo");
        fitsThePhone(phone);

        // the desk routes it, the unit answers, the desk publishes
        feedback.act(code, FeedbackAction.RECEIVE, FeedbackAct.route(w.division().id()), w.deskPrincipal());
        feedback.act(code, FeedbackAction.ANSWER, FeedbackAct.text("Từ tháng sau, hệ thống gửi tin nhắn khi hồ sơ có kết quả. "
                + "Cảm ơn bà Đào Thị Điện Thoại đã kiến nghị."), w.specialistPrincipal());
        feedback.act(code, FeedbackAction.PUBLISH, FeedbackAct.empty(), w.deskPrincipal());

        // with the code and the key: the published answer, then the rating
        phone.get(baseUrl() + "/public/feedback");
        browser.waitFor(By.id("follow-code")).sendKeys(code);
        phone.findElement(By.id("follow-key")).sendKeys(key);
        browser.click(By.id("follow-submit"));
        browser.waitForText(By.id("feedback-status"), "Đã công khai");
        String published = browser.waitFor(By.id("published-answer-text")).getText();
        assertThat(published).startsWith("Từ tháng sau").doesNotContain("Đào Thị Điện Thoại");
        fitsThePhone(phone);
        browser.click(By.cssSelector("label[for='feedback-rating-VERY_SATISFIED']"));
        phone.findElement(By.id("feedback-rating-comment")).sendKeys("Rất thiết thực");
        browser.click(By.id("feedback-rating-submit"));
        browser.waitFor(By.id("feedback-sent"));
        assertThat(phone.findElement(By.id("feedback-rated")).getText()).contains("Rất hài lòng");
        fitsThePhone(phone);

        // and the answer is in the public list, found without diacritics
        phone.get(baseUrl() + "/public/feedback/answers?q=nhan+tin+khi+co+ket+qua");
        assertThat(browser.waitFor(By.id("answers-list")).getText()).contains(code);
        fitsThePhone(phone);
    }
}
