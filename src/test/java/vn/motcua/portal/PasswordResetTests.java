package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.portal.CitizenAccountTests.PASSWORD;
import static vn.motcua.portal.CitizenAccountTests.address;
import static vn.motcua.portal.CitizenAccountTests.from;
import static vn.motcua.portal.CitizenAccountTests.login;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.support.IntegrationTest;

/** A forgotten password is reset through a link sent by e-mail (a real SMTP server), once and within 30 minutes. */
class PasswordResetTests extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("(/portal/password/reset\\?token=[A-Za-z0-9_-]+)");

    @Autowired
    CitizenAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private String person(String id) {
        String mail = "quen." + id + "@example.vn";
        accounts.register(new Registration(ApplicantKind.PERSON, id, "Đặng Thị Quên", "0977111222", mail, null, PASSWORD, PASSWORD));
        return mail;
    }

    private Document page(MvcResult r) throws Exception {
        return Jsoup.parse(r.getResponse().getContentAsString());
    }

    @Test
    void theEmailedLinkSetsANewPasswordOnceAndLiftsTheLockout() throws Exception {
        String id = CitizenAccountTests.citizenId();
        String mail = person(id);
        String from = address();
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(id, "Sai" + i + "matkhau").with(from(from)));
        }
        // locked: the right password is refused too, with the same answer as a wrong one
        mvc.perform(login(id, PASSWORD).with(from(from))).andExpect(redirectedUrl("/portal/login?error=bad"))
                .andExpect(unauthenticated());

        Document sent = page(mvc.perform(post("/portal/password/forgot").with(csrf()).param("login", mail.toUpperCase()))
                .andExpect(status().isOk()).andReturn());
        assertThat(sent.select("#forgot-sent").text()).startsWith("Nếu tài khoản tồn tại, chúng tôi đã gửi");
        MimeMessage message = awaitMail(mail, "");
        assertThat(message.getSubject()).isEqualTo("Đặt lại mật khẩu tài khoản Cổng công dân Một Cửa");
        String body = message.getContent().toString();
        assertThat(body).contains("Kính gửi Đặng Thị Quên").contains("30 phút");
        String link = link(body);
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_password_reset WHERE token_sha256 = ?")
                .param(link.substring(link.indexOf('=') + 1)).query(Long.class).single())
                .as("the raw token is not stored").isZero();

        Document form = page(mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
        assertThat(form.select("#reset-token-error")).isEmpty();
        String token = form.select("input[name=token]").attr("value");
        Document weak = page(mvc.perform(post("/portal/password/reset").with(csrf()).param("token", token)
                .param("password", "12345678").param("passwordConfirmation", "12345678")).andReturn());
        assertThat(weak.select("#password-error").text()).isEqualTo("Mật khẩu phải có ít nhất 8 ký tự, gồm cả chữ và số.");
        Document mismatch = page(mvc.perform(post("/portal/password/reset").with(csrf()).param("token", token)
                .param("password", "MoiMoi2027").param("passwordConfirmation", "MoiMoi2028")).andReturn());
        assertThat(mismatch.select("#passwordConfirmation-error").text()).isEqualTo("Mật khẩu nhập lại không khớp.");

        mvc.perform(post("/portal/password/reset").with(csrf()).param("token", token)
                        .param("password", "MoiMoi2027").param("passwordConfirmation", "MoiMoi2027"))
                .andExpect(redirectedUrl("/portal/login?reset"));
        assertThat(page(mvc.perform(get("/portal/login").param("reset", "")).andReturn()).select("#login-reset").text())
                .startsWith("Đã đặt mật khẩu mới");
        // the lockout is lifted at once; the old password no longer works, the new one does
        mvc.perform(login(id, PASSWORD).with(from(address()))).andExpect(redirectedUrl("/portal/login?error=bad"));
        mvc.perform(login(id, "MoiMoi2027").with(from(address()))).andExpect(redirectedUrl("/portal"));

        // the link works once
        Document again = page(mvc.perform(get(link)).andReturn());
        assertThat(again.select("#reset-token-error").text()).isEqualTo(
                "Đường dẫn đặt lại mật khẩu này đã được sử dụng. Mỗi đường dẫn chỉ dùng được một lần.");
        assertThat(again.select("input[name=password]")).isEmpty();
        Document reused = page(mvc.perform(post("/portal/password/reset").with(csrf()).param("token", token)
                .param("password", "KhacNua2028").param("passwordConfirmation", "KhacNua2028")).andReturn());
        assertThat(reused.select("#reset-token-error").text()).startsWith("Đường dẫn đặt lại mật khẩu này đã được sử dụng");
        mvc.perform(login(id, "KhacNua2028").with(from(address()))).andExpect(redirectedUrl("/portal/login?error=bad"));
    }

    @Test
    void aLinkExpiresAfterThirtyMinutes() throws Exception {
        String id = CitizenAccountTests.citizenId();
        String mail = person(id);
        mvc.perform(post("/portal/password/forgot").with(csrf()).param("login", id)).andExpect(status().isOk());
        String link = link(awaitMail(mail, "").getContent().toString());
        String token = link.substring(link.indexOf('=') + 1);
        try {
            clock.pin(Instant.now().plus(Duration.ofMinutes(31)));
            Document expired = page(mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
            assertThat(expired.select("#reset-token-error").text()).isEqualTo(
                    "Đường dẫn đặt lại mật khẩu đã hết hạn (hiệu lực 30 phút). Vui lòng yêu cầu đường dẫn mới.");
            assertThat(expired.select("#reset-again").attr("href")).isEqualTo("/portal/password/forgot");
            Document refused = page(mvc.perform(post("/portal/password/reset").with(csrf()).param("token", token)
                    .param("password", "MoiMoi2027").param("passwordConfirmation", "MoiMoi2027")).andReturn());
            assertThat(refused.select("#reset-token-error").text()).startsWith("Đường dẫn đặt lại mật khẩu đã hết hạn");
        } finally {
            clock.reset();
        }
        mvc.perform(login(id, PASSWORD).with(from(address()))).andExpect(redirectedUrl("/portal"));
        Document unknown = page(mvc.perform(get("/portal/password/reset").param("token", "khong-co")).andReturn());
        assertThat(unknown.select("#reset-token-error").text()).isEqualTo("Đường dẫn đặt lại mật khẩu không hợp lệ.");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String nobody = "khong.ai." + System.nanoTime() + "@example.vn";
        String id = CitizenAccountTests.citizenId();
        String mail = person(id);
        Document unknown = page(mvc.perform(post("/portal/password/forgot").with(csrf()).param("login", nobody))
                .andExpect(status().isOk()).andReturn());
        Document unknownId = page(mvc.perform(post("/portal/password/forgot").with(csrf()).param("login", "079100000000"))
                .andExpect(status().isOk()).andReturn());
        Document known = page(mvc.perform(post("/portal/password/forgot").with(csrf()).param("login", mail))
                .andExpect(status().isOk()).andReturn());
        assertThat(unknown.select("main").html()).isEqualTo(known.select("main").html()).isEqualTo(unknownId.select("main").html());
        awaitMail(mail, "");
        assertThat(recipients()).contains(mail).doesNotContain(nobody);
        Document empty = page(mvc.perform(post("/portal/password/forgot").with(csrf()).param("login", " ")).andReturn());
        assertThat(empty.select("#login-error").text()).isEqualTo("Trường này là bắt buộc.");
    }

    @Test
    void aResetEndsTheAccountsSessionsEverywhere() throws Exception {
        String id = CitizenAccountTests.citizenId();
        String mail = person(id);
        Cookie phone = CitizenAccountTests.session(mvc.perform(login(id, PASSWORD).with(from(address()))).andReturn());
        Cookie laptop = CitizenAccountTests.session(mvc.perform(login(id, PASSWORD).with(from(address()))).andReturn());
        // someone else's session, and a staff member's, stay
        String other = CitizenAccountTests.citizenId();
        person(other);
        Cookie stranger = CitizenAccountTests.session(mvc.perform(login(other, PASSWORD).with(from(address()))).andReturn());
        mvc.perform(get("/portal").cookie(phone)).andExpect(status().isOk());
        mvc.perform(get("/portal").cookie(laptop)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(id).query(Long.class).single())
                .as("a citizen's session is indexed by the identity number").isEqualTo(2L);

        mvc.perform(post("/portal/password/forgot").with(csrf()).param("login", id)).andExpect(status().isOk());
        String link = link(awaitMail(mail, "").getContent().toString());
        mvc.perform(post("/portal/password/reset").with(csrf()).param("token", link.substring(link.indexOf('=') + 1))
                .param("password", "MoiMoi2027").param("passwordConfirmation", "MoiMoi2027"))
                .andExpect(redirectedUrl("/portal/login?reset"));

        mvc.perform(get("/portal").cookie(phone)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/portal").cookie(laptop)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/portal").cookie(stranger)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        String id = CitizenAccountTests.citizenId();
        person(id);
        Cookie here = CitizenAccountTests.session(mvc.perform(login(id, PASSWORD).with(from(address()))).andReturn());
        Cookie elsewhere = CitizenAccountTests.session(mvc.perform(login(id, PASSWORD).with(from(address()))).andReturn());

        Document wrong = page(mvc.perform(post("/portal/account/password").cookie(here).with(csrf())
                .param("currentPassword", "Sai12345").param("password", "MoiMoi2027").param("passwordConfirmation", "MoiMoi2027"))
                .andExpect(status().isOk()).andReturn());
        assertThat(wrong.select("#currentPassword-error").text()).isEqualTo("Mật khẩu hiện tại không đúng.");
        mvc.perform(get("/portal").cookie(elsewhere)).andExpect(status().isOk());

        mvc.perform(post("/portal/account/password").cookie(here).with(csrf()).param("currentPassword", PASSWORD)
                .param("password", "MoiMoi2027").param("passwordConfirmation", "MoiMoi2027"))
                .andExpect(redirectedUrl("/portal"));
        mvc.perform(get("/portal").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/portal").cookie(elsewhere)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(login(id, "MoiMoi2027").with(from(address()))).andExpect(redirectedUrl("/portal"));
    }

    private static String link(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("a reset link in " + body).isTrue();
        return m.group(1);
    }

    private static List<String> recipients() {
        return Arrays.stream(MAIL.getReceivedMessages()).flatMap(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
