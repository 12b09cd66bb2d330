package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.text.Normalizer;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** Citizens and organisations register, sign in by identity number, get locked out, and who may see what. */
class CitizenAccountTests extends IntegrationTest {

    static final String PASSWORD = "MatKhau2026";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    CitizenAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    /** A 12-digit citizen ID no other test uses. */
    static String citizenId() {
        return String.format("0791%08d", SEQ.incrementAndGet() + (int) (ProcessHandle.current().pid() % 1000) * 10000);
    }

    static String taxCode() {
        return String.format("48%08d", SEQ.incrementAndGet());
    }

    static String email(String id) {
        return "cd." + id + "@example.vn";
    }

    CitizenPrincipal person(String id) {
        return accounts.register(new Registration(ApplicantKind.PERSON, id, "Nguyễn Văn An", "0912345678", email(id), null,
                PASSWORD, PASSWORD));
    }

    /** Each login test from its own address, so the per-address throttle of other tests never meets it. */
    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    static String address() {
        return "10.11." + (SEQ.incrementAndGet() % 250) + "." + (SEQ.incrementAndGet() % 250 + 1);
    }

    static MockHttpServletRequestBuilder login(String identity, String password) {
        return post("/portal/login").param("identityNumber", identity).param("password", password).with(csrf());
    }

    /** Sessions live in the database (Spring Session): a request continues one by its cookie. */
    static Cookie session(MvcResult r) {
        Cookie c = r.getResponse().getCookie("SESSION");
        assertThat(c).as("session cookie").isNotNull();
        return c;
    }

    private Document page(MvcResult r) throws Exception {
        return Jsoup.parse(r.getResponse().getContentAsString());
    }

    @Test
    void registrationNamesEveryBadFieldInVietnamese() throws Exception {
        Document d = page(mvc.perform(post("/portal/register").with(csrf()).param("kind", "PERSON")
                        .param("identityNumber", "12345").param("fullName", "  ").param("phone", "0212345678")
                        .param("email", "khong-phai-thu").param("password", "chiconchu").param("passwordConfirmation", "khac"))
                .andExpect(status().isOk()).andReturn());
        assertThat(d.select("#identityNumber-error").text()).isEqualTo("Số định danh cá nhân phải gồm đúng 12 chữ số.");
        assertThat(d.select("#fullName-error").text()).isEqualTo("Trường này là bắt buộc.");
        assertThat(d.select("#phone-error").text()).startsWith("Số điện thoại di động không hợp lệ");
        assertThat(d.select("#email-error").text()).isEqualTo("Địa chỉ thư điện tử không hợp lệ.");
        assertThat(d.select("#password-error").text()).isEqualTo("Mật khẩu phải có ít nhất 8 ký tự, gồm cả chữ và số.");
        assertThat(d.select("#passwordConfirmation-error").text()).isEqualTo("Mật khẩu nhập lại không khớp.");
        assertThat(d.select("#address-error").text()).isEmpty();
        assertThat(d.select("#password").attr("value")).as("the password is not sent back").isEmpty();

        Document org = page(mvc.perform(post("/portal/register").with(csrf()).param("kind", "ORGANIZATION")
                        .param("identityNumber", "040090001234").param("fullName", "Công ty TNHH Sen Vàng")
                        .param("phone", "0912 345 678").param("email", "").param("password", "MatKhau2026")
                        .param("passwordConfirmation", "MatKhau2026"))
                .andReturn());
        assertThat(org.select("#identityNumber-error").text()).startsWith("Mã số thuế phải gồm 10 chữ số");
        assertThat(org.select("#email-error").text()).isEqualTo("Trường này là bắt buộc.");
        assertThat(org.select("#phone-error").text()).isEmpty();

        Document english = page(mvc.perform(post("/portal/register").with(csrf()).param("lang", "en").param("kind", "PERSON")
                        .param("identityNumber", "1").param("fullName", "A").param("phone", "0912345678")
                        .param("email", "a@example.vn").param("password", "MatKhau2026").param("passwordConfirmation", "MatKhau2026"))
                .andReturn());
        assertThat(english.select("#identityNumber-error").text()).isEqualTo("The personal identification number has exactly 12 digits.");
    }

    @Test
    void aTakenIdentityNumberOrEmailIsAFieldError() throws Exception {
        String id = citizenId();
        person(id);
        Document sameId = page(mvc.perform(post("/portal/register").with(csrf()).param("kind", "PERSON")
                        .param("identityNumber", id).param("fullName", "Người Khác").param("phone", "0987654321")
                        .param("email", "khac." + id + "@example.vn").param("password", PASSWORD).param("passwordConfirmation", PASSWORD))
                .andReturn());
        // the number's holder is told what to do to get it back (kept on purpose: see docs/security/citizen-login.md)
        assertThat(sameId.select("#identityNumber-error").text()).isEqualTo("Số định danh/mã số thuế này đã có tài khoản. "
                + "Nếu đây là số của bạn: đăng nhập bằng VNeID (tài khoản chưa xác thực đang mang số này sẽ bị khóa), "
                + "dùng “Quên mật khẩu?”, hoặc mang giấy tờ đến bộ phận một cửa.");
        assertThat(sameId.select("#email-error").text()).isEmpty();
        Document english = page(mvc.perform(post("/portal/register").with(csrf()).param("lang", "en").param("kind", "PERSON")
                        .param("identityNumber", id).param("fullName", "Someone Else").param("phone", "0987654321")
                        .param("email", "other." + id + "@example.vn").param("password", PASSWORD).param("passwordConfirmation", PASSWORD))
                .andReturn());
        assertThat(english.select("#identityNumber-error").text())
                .startsWith("This identification number/tax code already has an account. If the number is yours: sign in with VNeID");

        String other = citizenId();
        Document sameEmail = page(mvc.perform(post("/portal/register").with(csrf()).param("kind", "PERSON")
                        .param("identityNumber", other).param("fullName", "Người Khác").param("phone", "0987654321")
                        .param("email", email(id).toUpperCase()).param("password", PASSWORD).param("passwordConfirmation", PASSWORD))
                .andReturn());
        assertThat(sameEmail.select("#email-error").text()).isEqualTo("Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.");
        assertThat(accounts.find(other)).isEmpty();
    }

    @Test
    void registeringStoresNfcTextAndSignsTheCitizenIn() throws Exception {
        String id = citizenId();
        String decomposed = Normalizer.normalize("  Hoàng   Thị Thúy  Hằng ", Normalizer.Form.NFD);
        MvcResult r = mvc.perform(post("/portal/register").with(csrf()).param("kind", "PERSON").param("identityNumber", id)
                        .param("fullName", decomposed).param("phone", "+84 912 000 111").param("email", email(id))
                        .param("address", Normalizer.normalize("Xã Diễn Châu", Normalizer.Form.NFD))
                        .param("password", PASSWORD).param("passwordConfirmation", PASSWORD))
                .andExpect(redirectedUrl("/portal"))
                .andExpect(authenticated().withAuthentication(a -> {
                    assertThat(a.getPrincipal()).isInstanceOfSatisfying(CitizenPrincipal.class,
                            p -> assertThat(p.identityNumber()).isEqualTo(id));
                    assertThat(a.getAuthorities()).extracting(Object::toString).containsExactly(CitizenPrincipal.ROLE);
                }))
                .andReturn();
        assertThat(jdbc.sql("SELECT full_name FROM citizen_account WHERE identity_number = ?").param(id)
                .query(String.class).single()).isEqualTo("Hoàng Thị Thúy Hằng")
                .isEqualTo(Normalizer.normalize("Hoàng Thị Thúy Hằng", Normalizer.Form.NFC));
        CitizenAccount stored = accounts.find(id).orElseThrow();
        assertThat(stored.phone()).isEqualTo("0912000111");
        assertThat(stored.address()).isEqualTo(Normalizer.normalize("Xã Diễn Châu", Normalizer.Form.NFC));
        assertThat(stored.hasPassword()).isTrue();

        Document home = page(mvc.perform(get("/portal").cookie(session(r))).andExpect(status().isOk()).andReturn());
        assertThat(home.select("#portal-greeting").text()).isEqualTo("Xin chào, Hoàng Thị Thúy Hằng");
        assertThat(home.select("#citizen-menu").text()).isEqualTo("Hoàng Thị Thúy Hằng");
        assertThat(home.select("#nav-portal").attr("href")).isEqualTo("/portal");
        assertThat(home.select("#nav-my-dossiers").attr("href")).isEqualTo("/portal/dossiers");
        assertThat(home.select("#nav-my-warehouse").attr("href")).isEqualTo("/portal/warehouse");
        assertThat(home.select("#citizen-logout")).hasSize(1);
        assertThat(home.select("#nav-login, #nav-citizen-login")).isEmpty();
        assertThat(home.select("#card-online-filing").attr("href")).isEqualTo("/public/procedures?onlineLevel=FULL");
    }

    @Test
    void citizensSignInWithTheirCitizenIdAndOrganisationsWithTheirTaxCode() throws Exception {
        String id = citizenId();
        person(id);
        mvc.perform(login(id, PASSWORD).with(from(address())))
                .andExpect(redirectedUrl("/portal"))
                .andExpect(authenticated().withAuthentication(a -> assertThat(a.getPrincipal())
                        .isInstanceOfSatisfying(CitizenPrincipal.class, p -> assertThat(p.kind()).isEqualTo(ApplicantKind.PERSON))));

        String tax = taxCode() + "-002";
        accounts.register(new Registration(ApplicantKind.ORGANIZATION, tax, "Chi nhánh Công ty CP Lam Hồng", "0383111222",
                "cn." + tax + "@example.vn", "Vinh, Nghệ An", PASSWORD, PASSWORD));
        mvc.perform(login(tax, PASSWORD).with(from(address())))
                .andExpect(redirectedUrl("/portal"))
                .andExpect(authenticated().withAuthentication(a -> assertThat(a.getPrincipal())
                        .isInstanceOfSatisfying(CitizenPrincipal.class, p -> {
                            assertThat(p.kind()).isEqualTo(ApplicantKind.ORGANIZATION);
                            assertThat(p.applicant().taxCode()).isEqualTo(tax);
                        })));
    }

    @Test
    void theDemoCitizenSignsInWithTheDemoPassword() throws Exception {
        mvc.perform(login("040090001234", "MotCua@2026").with(from(address())))
                .andExpect(redirectedUrl("/portal"))
                .andExpect(authenticated().withAuthentication(a -> assertThat(a.getPrincipal())
                        .isInstanceOfSatisfying(CitizenPrincipal.class, p -> assertThat(p.fullName()).isEqualTo("Trần Thị Mai"))));
    }

    @Test
    void aWrongPasswordIsRefusedAndFiveInARowLockTheAccountForAWhile() throws Exception {
        String id = citizenId();
        person(id);
        String from = address();
        for (int i = 0; i < 4; i++) {
            mvc.perform(login(id, "Sai" + i + "matkhau").with(from(from)))
                    .andExpect(redirectedUrl("/portal/login?error=bad")).andExpect(unauthenticated());
        }
        // a success before the fifth failure clears the count
        mvc.perform(login(id, PASSWORD).with(from(from))).andExpect(redirectedUrl("/portal"));
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(id, "Sai" + i + "matkhau").with(from(from))).andExpect(redirectedUrl("/portal/login?error=bad"));
        }
        // locked: the right password is refused too, with the same answer as a wrong one (the reason is audited)
        mvc.perform(login(id, PASSWORD).with(from(from))).andExpect(redirectedUrl("/portal/login?error=bad"))
                .andExpect(unauthenticated());
        Document page = page(mvc.perform(get("/portal/login").param("error", "bad")).andReturn());
        assertThat(page.select("#login-error").text()).startsWith("Đăng nhập không thành công")
                .contains("tạm khóa trong vài phút");
        try {
            clock.pin(java.time.Instant.now().plus(java.time.Duration.ofMinutes(16)));
            mvc.perform(login(id, PASSWORD).with(from(from))).andExpect(redirectedUrl("/portal"));
        } finally {
            clock.reset();
        }
        assertThat(jdbc.sql("SELECT failed_logins FROM citizen_account WHERE identity_number = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void staffPasswordsDoNotOpenThePortalNorCitizenPasswordsTheStaffPages() throws Exception {
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Cổng"));
        mvc.perform(login(officer.username(), Fixtures.PASSWORD).with(from(address())))
                .andExpect(redirectedUrl("/portal/login?error=bad")).andExpect(unauthenticated());
        String id = citizenId();
        person(id);
        mvc.perform(post("/login").with(csrf()).with(from(address())).param("username", id).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void citizensAndStaffEachStayOnTheirSide() throws Exception {
        String id = citizenId();
        CitizenPrincipal citizen = person(id);
        StaffView officer = fixtures.staff(Role.ADMIN, fixtures.agency("Sở Hai Phía"));
        StaffPrincipal staff = new StaffPrincipal(officer.id(), officer.username(), officer.fullName(), officer.roles());

        mvc.perform(get("/portal")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/portal/dossiers")).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/portal").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/portal").with(authentication(citizen.authentication()))).andExpect(status().isOk());
        for (String staffPage : new String[] {"/", "/dossiers", "/admin/units", "/kiosk"}) {
            mvc.perform(get(staffPage).with(authentication(citizen.authentication()))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/units").with(user(staff))).andExpect(status().isOk());

        // public pages know who is there
        Document anonymous = page(mvc.perform(get("/public/procedures")).andExpect(status().isOk()).andReturn());
        assertThat(anonymous.select("#nav-citizen-login").attr("href")).isEqualTo("/portal/login");
        assertThat(anonymous.select("#nav-citizen-login").text()).isEqualTo("Đăng nhập công dân");
        assertThat(anonymous.select("#nav-login")).hasSize(1);
        Document signedIn = page(mvc.perform(get("/public/procedures").with(authentication(citizen.authentication())))
                .andExpect(status().isOk()).andReturn());
        assertThat(signedIn.select("#citizen-menu").text()).isEqualTo("Nguyễn Văn An");
        assertThat(signedIn.select("#nav-citizen-login, #nav-login, #user-menu")).isEmpty();
    }

    @Test
    void theLoginPageOffersVneidAndLogoutReturnsToIt() throws Exception {
        Document login = page(mvc.perform(get("/portal/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn());
        assertThat(login.select("#login-vneid").attr("href")).isEqualTo("/portal/oauth2/authorization/vneid");
        assertThat(login.select("#login-vneid").text()).isEqualTo("Đăng nhập bằng VNeID");
        assertThat(login.select("input[name=_csrf]")).isNotEmpty();
        // the button starts the authorization code flow at the provider
        String location = mvc.perform(get("/portal/oauth2/authorization/vneid")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(OIDC_ISSUER + "/oauth2/authorize").contains("client_id=motcua-portal")
                .contains("redirect_uri=http://localhost/portal/login/oauth2/code/vneid");

        String id = citizenId();
        person(id);
        Cookie session = session(mvc.perform(login(id, PASSWORD).with(from(address()))).andReturn());
        mvc.perform(get("/portal").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/portal/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/portal/login?logout"));
        mvc.perform(get("/portal").cookie(session)).andExpect(redirectedUrl("/portal/login"));
    }

    @Test
    void afterSigningInTheCitizenLandsOnThePortalPageAskedFor() throws Exception {
        String id = citizenId();
        person(id);
        Cookie session = session(mvc.perform(get("/portal/dossiers")).andExpect(redirectedUrl("/portal/login")).andReturn());
        mvc.perform(login(id, PASSWORD).cookie(session).with(from(address())))
                .andExpect(redirectedUrl("/portal/dossiers?continue"));
        Cookie staffFirst = session(mvc.perform(get("/dossiers")).andExpect(redirectedUrl("/login")).andReturn());
        mvc.perform(login(id, PASSWORD).cookie(staffFirst).with(from(address()))).andExpect(redirectedUrl("/portal"));
    }
}
