package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.portal.CitizenAccountTests.session;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.dossier.Upload;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.support.CitizenFixtures;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;
import vn.motcua.support.TestSms;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.warehouse.StoredFile;
import vn.motcua.warehouse.WarehouseDocument;

/**
 * An identity number is not proof: whoever registers with another person's
 * number sees nothing of theirs until the number is proven — at a desk (page
 * and API, audited), or by a code sent to a contact an officer recorded on a
 * dossier filed in person.
 */
class IdentityProofTests extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    CitizenFixtures citizens;

    @Autowired
    DossierService dossiers;

    @Autowired
    FileService files;

    @Autowired
    PersonalWarehouse warehouse;

    @Autowired
    CitizenAccounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    TestSms sms;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    /** What the holder of a number has on record: a returned desk dossier with a scanned paper and a result, and a certified copy. */
    record Holdings(DossierView desk, String scanFileId, String resultFileId, WarehouseDocument copy) {
    }

    private static byte[] pdf() {
        return TestFiles.pdf();
    }

    private StoredFile stored(String owner) throws Exception {
        return files.upload("giay-to.pdf", new ByteArrayInputStream(pdf()), owner);
    }

    /** A dossier filed in person at the desk of the world for this person, the officer recording their contacts. */
    private DossierView deskDossier(DossierFixtures.World w, String id, String phone, String email) {
        Applicant a = new Applicant(ApplicantKind.PERSON, "Trần Thị Chủ Thật", id, null, phone, email, "Vinh");
        return dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON, a,
                        List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0), new ComponentItem("Bản sao căn cước", 0, 1, null, 0)),
                        null, null, null),
                java.util.Arrays.asList(new Upload("to-khai.pdf", new ByteArrayResource(pdf())), null), w.deskPrincipal());
    }

    private Holdings holdings(DossierFixtures.World w, String id) throws Exception {
        DossierView d = deskDossier(w, id, "0912000111", "chu.that." + id + "@example.vn");
        String code = d.code();
        StoredFile result = stored("staff:" + w.leader().username());
        dossiers.act(code, Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(code, Action.FORWARD, Act.empty(), w.specialistPrincipal());
        dossiers.act(code, Action.COMPLETE, new Act(null, null, null, null, null, null, null, "99/GP", result.id().toString(),
                null, null), w.leaderPrincipal());
        DossierView returned = dossiers.act(code, Action.RETURN, Act.empty(), w.deskPrincipal());
        // a certified copy the holder keeps in the warehouse, uploaded under the number (as the demo citizen's is)
        StoredFile copyFile = stored(CitizenPrincipal.ACTOR_PREFIX + id);
        WarehouseDocument copy = warehouse.add(id, DocumentKind.CERTIFIED_COPY, "Bản sao giấy khai sinh", copyFile.id(), null, null);
        return new Holdings(returned, d.components().get(0).fileId(), result.id().toString(), copy);
    }

    private Cookie registerAs(String id, String name, String email) throws Exception {
        MvcResult r = mvc.perform(post("/portal/register").with(csrf()).param("kind", "PERSON").param("identityNumber", id)
                        .param("fullName", name).param("phone", "0388000111").param("email", email)
                        .param("password", CitizenFixtures.PASSWORD).param("passwordConfirmation", CitizenFixtures.PASSWORD))
                .andExpect(redirectedUrl("/portal")).andReturn();
        return session(r);
    }

    private Document page(ResultActions r) throws Exception {
        return Jsoup.parse(r.andReturn().getResponse().getContentAsString());
    }

    private void receivedOnlineAndReturned(DossierFixtures.World w, String code) {
        dossiers.act(code, Action.RECEIVE, Act.empty(), w.deskPrincipal());
        dossiers.act(code, Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(code, Action.FORWARD, Act.empty(), w.specialistPrincipal());
    }

    // --- what an unproven account sees ----------------------------------------------------------------

    @Test
    void anImpostorWithSomeonesNumberSeesNoneOfTheirDeskDossiersResultsOrWarehouse() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String id = CitizenFixtures.citizenId();
        Holdings h = holdings(w, id);
        String code = h.desk().code();
        Cookie impostor = registerAs(id, "Kẻ Mạo Danh", "mao.danh." + id + "@example.vn");

        Document home = page(mvc.perform(get("/portal").cookie(impostor)).andExpect(status().isOk()));
        assertThat(home.select("#home-recent").text()).doesNotContain(code);
        assertThat(home.select("#identity-notice").text()).contains("chưa được xác thực");
        assertThat(home.select("#prove-vneid a").attr("href")).isEqualTo("/portal/oauth2/authorization/vneid");
        assertThat(home.select("#prove-code a").attr("href")).isEqualTo("/portal/identity");
        assertThat(home.select("#prove-desk a").attr("href")).isEqualTo("/portal/identity#desk");

        Document list = page(mvc.perform(get("/portal/dossiers").cookie(impostor)).andExpect(status().isOk()));
        assertThat(list.select("#my-dossier-list").text()).doesNotContain(code);
        assertThat(list.select("#no-dossiers")).hasSize(1);
        assertThat(list.select("#identity-notice")).hasSize(1);

        Document store = page(mvc.perform(get("/portal/warehouse").cookie(impostor)).andExpect(status().isOk()));
        assertThat(store.select("#documents").text()).doesNotContain("Bản sao giấy khai sinh").doesNotContain(code);
        assertThat(store.select("#no-documents")).hasSize(1);
        assertThat(store.select("#identity-notice")).hasSize(1);

        // nor by direct URL: the dossier, its slips, its papers, its result, the warehouse's files
        mvc.perform(get("/portal/dossiers/" + code).cookie(impostor)).andExpect(status().isNotFound());
        mvc.perform(get("/portal/dossiers/" + code + "/slips/receipt").cookie(impostor)).andExpect(status().isNotFound());
        mvc.perform(get("/portal/files/" + h.scanFileId()).cookie(impostor)).andExpect(status().isNotFound());
        mvc.perform(get("/portal/files/" + h.resultFileId()).cookie(impostor)).andExpect(status().isNotFound());
        mvc.perform(get("/portal/files/" + h.copy().fileId()).cookie(impostor)).andExpect(status().isNotFound());
        mvc.perform(post("/portal/dossiers/" + code + "/rating").param("rating", "NOT_SATISFIED").cookie(impostor).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/portal/dossiers/" + code + "/supplement")
                        .file(new MockMultipartFile("paper-0", "x.pdf", "application/pdf", pdf())).cookie(impostor).with(csrf()))
                .andExpect(status().isNotFound());
        // nor can a new filing take the holder's papers from the warehouse
        String draft = mvc.perform(post("/portal/file/" + w.procedure().code()).cookie(impostor).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl().substring("/portal/drafts/".length());
        Document papers = page(mvc.perform(get("/portal/drafts/" + draft + "/components").cookie(impostor)));
        assertThat(papers.select("#doc-2 option").eachAttr("value")).doesNotContain(h.copy().id().toString());
        mvc.perform(post("/portal/drafts/" + draft + "/components/2/reuse").param("documentId", h.copy().id().toString())
                .cookie(impostor).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void anUnprovenAccountSeesWhatItFiledOnlineButNotTheResultUntilProven() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizens.unproven("Lê Văn Tự Nộp");
        var as = CitizenFixtures.as(me);
        // a paper of its own in the warehouse, and an online filing with an uploaded paper
        mvc.perform(multipart("/portal/warehouse").file(new MockMultipartFile("file", "so-ho-khau.pdf", "application/pdf", pdf()))
                .param("title", "Giấy tờ tự tải").with(as).with(csrf())).andExpect(status().is3xxRedirection());
        String draft = mvc.perform(post("/portal/file/" + w.procedure().code()).with(as).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl().substring("/portal/drafts/".length());
        mvc.perform(post("/portal/drafts/" + draft).with(as).with(csrf()).param("caseId", "chung").param("phone", "0912345678")
                .param("email", me.email())).andExpect(status().is3xxRedirection());
        for (int seq = 1; seq <= 2; seq++) {
            mvc.perform(multipart("/portal/drafts/" + draft + "/components/" + seq + "/upload")
                    .file(new MockMultipartFile("file", "to-khai.pdf", "application/pdf", pdf())).with(as).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        String code = mvc.perform(post("/portal/drafts/" + draft + "/submit").with(as).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl().substring("/portal/dossiers/".length());
        String paper = dossiers.get(code, OfficerScope.everything(null)).components().get(0).fileId();

        Document store = page(mvc.perform(get("/portal/warehouse").with(as)));
        assertThat(store.select("#documents").text()).contains("Giấy tờ tự tải");
        assertThat(page(mvc.perform(get("/portal/dossiers").with(as))).select("#my-dossier-list").text()).contains(code);
        mvc.perform(get("/portal/files/" + paper).with(as)).andExpect(status().isOk());

        receivedOnlineAndReturned(w, code);
        StoredFile result = stored("staff:" + w.leader().username());
        dossiers.act(code, Action.COMPLETE, new Act(null, null, null, null, null, null, null, "12/GP", result.id().toString(),
                null, null), w.leaderPrincipal());
        dossiers.act(code, Action.RETURN, Act.empty(), w.deskPrincipal());

        Document mine = page(mvc.perform(get("/portal/dossiers/" + code).with(as)).andExpect(status().isOk()));
        assertThat(mine.select("#dossier-status").text()).isEqualTo("Đã trả kết quả");
        assertThat(mine.select("#result-file")).isEmpty();
        assertThat(mine.text()).doesNotContain("12/GP");
        assertThat(mine.select("#result-hidden a").attr("href")).isEqualTo("/portal/identity");
        assertThat(mine.select("#my-components a").eachAttr("href")).contains("/portal/files/" + paper);
        mvc.perform(get("/portal/files/" + result.id()).with(as)).andExpect(status().isNotFound());
        assertThat(page(mvc.perform(get("/portal/warehouse").with(as))).select("#documents").text()).doesNotContain("Kết quả");

        citizens.prove(me.identityNumber());
        Document proven = page(mvc.perform(get("/portal/dossiers/" + code).with(as)));
        assertThat(proven.select("#result-file").attr("href")).isEqualTo("/portal/files/" + result.id());
        assertThat(proven.text()).contains("12/GP");
        mvc.perform(get("/portal/files/" + result.id()).with(as)).andExpect(status().isOk());
        assertThat(page(mvc.perform(get("/portal").with(as))).select("#identity-notice")).isEmpty();
    }

    // --- at the desk -------------------------------------------------------------------------------------

    @Test
    void anOfficerConfirmsTheAccountOnTheStaffPageAndTheActIsAudited() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String id = CitizenFixtures.citizenId();
        Holdings h = holdings(w, id);
        Cookie holder = registerAs(id, "Trần Thị Chủ Thật", "chu.that.dk." + id + "@example.vn");
        StaffPrincipal officer = w.deskPrincipal();

        Document search = page(mvc.perform(get("/citizen-accounts").param("q", id).with(user(officer))).andExpect(status().isOk()));
        assertThat(search.select("#account-name").text()).isEqualTo("Trần Thị Chủ Thật");
        assertThat(search.select("#account-unproven")).hasSize(1);
        assertThat(search.select("#account-email").text()).isEqualTo("chu.that.dk." + id + "@example.vn");
        assertThat(search.select("#document option").eachAttr("value")).contains("ID_CARD", "PASSPORT");
        assertThat(page(mvc.perform(get("/").with(user(officer)))).select("#nav-citizen-accounts").attr("href"))
                .isEqualTo("/citizen-accounts");

        Document missing = page(mvc.perform(post("/citizen-accounts/" + id + "/proof").with(user(officer)).with(csrf())
                .param("note", "quên chọn")).andExpect(status().isOk()));
        assertThat(missing.select("#document-error").text()).isEqualTo("Trường này là bắt buộc.");
        assertThat(accounts.find(id).orElseThrow().proven()).isFalse();

        mvc.perform(post("/citizen-accounts/" + id + "/proof").with(user(officer)).with(csrf())
                        .param("document", "ID_CARD").param("note", "Thẻ căn cước gắn chip, đối chiếu ảnh"))
                .andExpect(redirectedUrl("/citizen-accounts?q=" + id));
        CitizenAccount proven = accounts.find(id).orElseThrow();
        assertThat(proven.proof().method()).isEqualTo(ProofMethod.DESK);
        assertThat(proven.proof().by()).isEqualTo(officer.username());
        assertThat(proven.proof().detail()).isEqualTo("ID_CARD; Thẻ căn cước gắn chip, đối chiếu ảnh");
        AuditEntry entry = audit.about("citizen", id, 10).stream().filter(e -> e.kind().equals("citizen.identity.proven"))
                .findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo(officer.username());
        assertThat(entry.reason()).isEqualTo("Thẻ căn cước gắn chip, đối chiếu ảnh");
        assertThat(entry.detail()).contains("method DESK").contains("document ID_CARD");
        Document after = page(mvc.perform(get("/citizen-accounts").param("q", id).with(user(officer))));
        assertThat(after.select("#account-proven")).hasSize(1);
        assertThat(after.select("#account-proof").text()).contains(officer.username());
        assertThat(after.select("#desk-prove")).isEmpty();

        // the holder's open session sees everything at once
        assertThat(page(mvc.perform(get("/portal/dossiers").cookie(holder))).select("#my-dossier-list").text())
                .contains(h.desk().code());
        mvc.perform(get("/portal/files/" + h.resultFileId()).cookie(holder)).andExpect(status().isOk());
        // a second confirmation is refused
        mvc.perform(post("/citizen-accounts/" + id + "/proof").with(user(officer)).with(csrf()).param("document", "ID_CARD"))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyDeskOfficersAndAdministratorsMayConfirmAndAnUnknownNumberIsNotFound() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal someone = citizens.unproven("Phạm Thị Chờ");
        String id = someone.identityNumber();
        StaffPrincipal specialist = w.specialistPrincipal();

        mvc.perform(get("/citizen-accounts").with(user(specialist))).andExpect(status().isForbidden());
        mvc.perform(get("/citizen-accounts").param("q", id).with(user(specialist))).andExpect(status().isForbidden());
        mvc.perform(post("/citizen-accounts/" + id + "/proof").with(user(specialist)).with(csrf()).param("document", "ID_CARD"))
                .andExpect(status().isForbidden());
        // a citizen (even the holder) cannot confirm themselves
        mvc.perform(get("/citizen-accounts").param("q", id).with(authentication(someone.authentication())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/citizen-accounts/" + id + "/proof").with(authentication(someone.authentication())).with(csrf())
                .param("document", "ID_CARD")).andExpect(status().isForbidden());
        assertThat(accounts.find(id).orElseThrow().proven()).isFalse();

        StaffView admin = fixtures.staff(Role.ADMIN, fixtures.province());
        Document unknown = page(mvc.perform(get("/citizen-accounts").param("q", "079999999999").with(user(
                DossierFixtures.World.principal(admin)))).andExpect(status().isNotFound()));
        assertThat(unknown.select("#desk-not-found").text()).contains("079999999999");
        mvc.perform(post("/citizen-accounts/079999999998/proof").with(user(DossierFixtures.World.principal(admin))).with(csrf())
                .param("document", "ID_CARD")).andExpect(status().isNotFound());
        mvc.perform(post("/citizen-accounts/" + id + "/proof").with(user(DossierFixtures.World.principal(admin))).with(csrf())
                .param("document", "PASSPORT")).andExpect(status().is3xxRedirection());
        assertThat(accounts.find(id).orElseThrow().proof().by()).isEqualTo(admin.username());
    }

    @Test
    void theApiConfirmsWithTheSameGuardAndAnswersProblemDetails() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal someone = citizens.unproven("Võ Văn Gọi API");
        String id = someone.identityNumber();
        String body = "{\"document\":\"ID_CARD\",\"note\":\"Kiểm tra tại quầy số 3\"}";
        var officer = httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD);

        mvc.perform(post("/api/v1/citizen-accounts/" + id + "/proof").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/citizen-accounts/" + id + "/proof").with(httpBasic(w.specialist().username(), Fixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/citizen-accounts/079999999997/proof").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/citizen-accounts/" + id + "/proof").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"thiếu giấy tờ\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("document"));
        mvc.perform(get("/api/v1/citizen-accounts/" + id).with(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.proven").value(false)).andExpect(jsonPath("$.fullName").value("Võ Văn Gọi API"));

        mvc.perform(post("/api/v1/citizen-accounts/" + id + "/proof").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proven").value(true))
                .andExpect(jsonPath("$.proof.method").value("DESK"))
                .andExpect(jsonPath("$.proof.by").value(w.deskOfficer().username()))
                .andExpect(jsonPath("$.proof.at").value(org.hamcrest.Matchers.endsWith("+07:00")));
        assertThat(audit.about("citizen", id, 10)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("citizen.identity.proven");
            assertThat(e.actor()).isEqualTo(w.deskOfficer().username());
            assertThat(e.reason()).isEqualTo("Kiểm tra tại quầy số 3");
        });
        mvc.perform(post("/api/v1/citizen-accounts/" + id + "/proof").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("identity-already-proven"));
        // and the operation is in the OpenAPI document
        mvc.perform(get("/v3/api-docs")).andExpect(content().string(
                org.hamcrest.Matchers.containsString("/api/v1/citizen-accounts/{identityNumber}/proof")));
    }

    @Test
    void anOfficerFreezesAnAccountThatIsNotTheHoldersAndTheNumberIsFreeAgain() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        String id = CitizenFixtures.citizenId();
        String email = "mao.danh.dk." + id + "@example.vn";
        Cookie impostor = registerAs(id, "Kẻ Mạo Danh", email);
        mvc.perform(post("/citizen-accounts/" + id + "/freeze").with(user(w.deskPrincipal())).with(csrf()).param("note", ""))
                .andExpect(status().isOk());
        mvc.perform(post("/citizen-accounts/" + id + "/freeze").with(user(w.deskPrincipal())).with(csrf())
                .param("note", "Chủ thẻ căn cước không mở tài khoản này")).andExpect(status().is3xxRedirection());
        assertThat(accounts.find(id)).isEmpty();
        mvc.perform(get("/portal").cookie(impostor)).andExpect(redirectedUrl("/portal/login"));
        assertThat(awaitMail(email, "đã bị khóa").getContent().toString()).contains("bộ phận một cửa");
        // the holder registers with the same number and address
        registerAs(id, "Trần Thị Chủ Thật", email);
        assertThat(accounts.find(id).orElseThrow().fullName()).isEqualTo("Trần Thị Chủ Thật");
        assertThat(audit.about("citizen", id, 10)).anySatisfy(e -> assertThat(e.kind()).isEqualTo("citizen.account.frozen"));
    }

    // --- one-time codes ----------------------------------------------------------------------------------

    private String contactId(Document identityPage, String masked) {
        return identityPage.select("input[name=contact]").stream()
                .filter(i -> identityPage.select("label[for=" + i.id() + "]").text().contains(masked))
                .findFirst().orElseThrow(() -> new AssertionError("no contact " + masked + " in " + identityPage.select("#way-code")))
                .attr("value");
    }

    private static String code(String text) {
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as("a code in " + text).isTrue();
        return m.group(1);
    }

    @Test
    void aCodeSentToAContactTheDeskRecordedProvesTheAccount() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizens.unproven("Đinh Thị Mã");
        String id = me.identityNumber();
        String email = "dinh.ma." + id + "@example.vn";
        DossierView desk = deskDossier(w, id, "+84 983 456 789", email);
        var as = CitizenFixtures.as(me);

        Document page = page(mvc.perform(get("/portal/identity").with(as)).andExpect(status().isOk()));
        assertThat(page.select("#way-code .form-check-label").eachText()).containsExactly("Tin nhắn đến số *******789",
                "Thư điện tử đến d***@e***.vn");
        assertThat(page.text()).doesNotContain("0983456789").doesNotContain(email);

        mvc.perform(post("/portal/identity/otp").param("contact", contactId(page, "d***@e***.vn")).with(as).with(csrf()))
                .andExpect(redirectedUrl("/portal/identity#way-code"));
        String body = awaitMail(email, "Mã xác thực").getContent().toString();
        assertThat(body).contains(id).contains("10 phút");
        String code = code(body);
        assertThat(jdbc.sql("SELECT code_hash FROM citizen_otp WHERE account_id = ?").param(me.accountId())
                .query(String.class).single()).as("only a hash is kept").doesNotContain(code);

        mvc.perform(post("/portal/identity/otp/verify").param("code", code).with(as).with(csrf()))
                .andExpect(redirectedUrl("/portal"));
        CitizenAccount proven = accounts.find(id).orElseThrow();
        assertThat(proven.proof().method()).isEqualTo(ProofMethod.OTP);
        assertThat(proven.proof().by()).isEqualTo("otp:d***@e***.vn");
        assertThat(audit.about("citizen", id, 10)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("citizen.identity.proven");
            assertThat(e.detail()).contains("method OTP").contains("EMAIL d***@e***.vn");
        });
        assertThat(page(mvc.perform(get("/portal/dossiers").with(as))).select("#my-dossier-list").text()).contains(desk.code());
        assertThat(page(mvc.perform(get("/portal/identity").with(as))).select("#identity-status").text())
                .contains("đã được xác thực").contains("mã xác thực một lần");
    }

    @Test
    void aCodeBySmsWorksOnceAndNotAfterTenMinutes() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizens.unproven("Cao Văn Tin Nhắn");
        String phone = "09" + me.identityNumber().substring(4);
        deskDossier(w, me.identityNumber(), phone, null);
        var as = CitizenFixtures.as(me);
        Document page = page(mvc.perform(get("/portal/identity").with(as)));
        String contact = contactId(page, "*******" + phone.substring(7));

        Instant start = Instant.now();
        clock.pin(start);
        mvc.perform(post("/portal/identity/otp").param("contact", contact).with(as).with(csrf())).andExpect(status().is3xxRedirection());
        String expiredCode = code(sms.await(phone, "Mã xác thực", 1).body());
        clock.pin(start.plus(Duration.ofMinutes(10)).plusSeconds(1));
        Document expired = page(mvc.perform(post("/portal/identity/otp/verify").param("code", expiredCode).with(as).with(csrf()))
                .andExpect(status().isConflict()));
        assertThat(expired.select("#identity-error").text()).isEqualTo("Mã đã hết hạn. Vui lòng gửi mã mới.");

        mvc.perform(post("/portal/identity/otp").param("contact", contact).with(as).with(csrf())).andExpect(status().is3xxRedirection());
        String code = code(sms.await(phone, "Mã xác thực", 2).body());
        mvc.perform(post("/portal/identity/otp/verify").param("code", code).with(as).with(csrf()))
                .andExpect(redirectedUrl("/portal"));
        assertThat(accounts.find(me.identityNumber()).orElseThrow().proof().method()).isEqualTo(ProofMethod.OTP);

        // the same code never works twice, even were the account unproven again
        jdbc.sql("UPDATE citizen_account SET proof_method = NULL, proven_at = NULL, proven_by = NULL, proof_detail = NULL WHERE id = ?")
                .param(me.accountId()).update();
        Document again = page(mvc.perform(post("/portal/identity/otp/verify").param("code", code).with(as).with(csrf()))
                .andExpect(status().isConflict()));
        assertThat(again.select("#identity-error").text()).isEqualTo("Mã này đã được dùng. Vui lòng gửi mã mới.");
    }

    @Test
    void fiveWrongCodesUseUpTheCodeAndTheFourthCodeInAnHourIsRefused() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizens.unproven("Bùi Văn Đoán");
        String email = "doan." + me.identityNumber() + "@example.vn";
        deskDossier(w, me.identityNumber(), null, email);
        var as = CitizenFixtures.as(me);
        String contact = contactId(page(mvc.perform(get("/portal/identity").with(as))), "d***@e***.vn");
        Instant start = Instant.now();
        clock.pin(start);

        mvc.perform(post("/portal/identity/otp").param("contact", contact).with(as).with(csrf())).andExpect(status().is3xxRedirection());
        String code = code(awaitMail(email, "Mã xác thực").getContent().toString());
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            Document d = page(mvc.perform(post("/portal/identity/otp/verify").param("code", wrong).with(as).with(csrf()))
                    .andExpect(status().isOk()));
            assertThat(d.select("#code-error").text()).isEqualTo("Mã xác thực không đúng. Còn " + left + " lần thử.");
        }
        mvc.perform(post("/portal/identity/otp/verify").param("code", wrong).with(as).with(csrf())).andExpect(status().isConflict());
        Document usedUp = page(mvc.perform(post("/portal/identity/otp/verify").param("code", code).with(as).with(csrf()))
                .andExpect(status().isConflict()));
        assertThat(usedUp.select("#identity-error").text()).isEqualTo("Đã nhập sai quá số lần cho phép. Vui lòng gửi mã mới.");
        assertThat(accounts.find(me.identityNumber()).orElseThrow().proven()).isFalse();
        Document malformed = page(mvc.perform(post("/portal/identity/otp/verify").param("code", "12ab").with(as).with(csrf())));
        assertThat(malformed.select("#code-error").text()).isEqualTo("Mã xác thực gồm đúng 6 chữ số.");

        // three codes an hour (the first one counts), then a wait
        for (int i = 0; i < 2; i++) {
            clock.pin(start.plus(Duration.ofMinutes(10 + i)));
            mvc.perform(post("/portal/identity/otp").param("contact", contact).with(as).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        clock.pin(start.plus(Duration.ofMinutes(30)));
        Document throttled = page(mvc.perform(post("/portal/identity/otp").param("contact", contact).with(as).with(csrf()))
                .andExpect(status().isTooManyRequests()));
        assertThat(throttled.select("#identity-error").text())
                .isEqualTo("Đã gửi quá nhiều mã trong một giờ. Vui lòng thử lại sau 30 phút.");
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_otp WHERE account_id = ?").param(me.accountId())
                .query(Long.class).single()).isEqualTo(3L);
        clock.pin(start.plus(Duration.ofMinutes(61)));
        mvc.perform(post("/portal/identity/otp").param("contact", contact).with(as).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void codesGoOnlyToContactsAnOfficerRecordedOnADossierFiledInPerson() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizens.unproven("Hà Văn Tự Khai");
        var as = CitizenFixtures.as(me);
        // no desk dossier yet: the contacts typed at registration prove nothing
        Document none = page(mvc.perform(get("/portal/identity").with(as)));
        assertThat(none.select("#no-contacts")).hasSize(1);
        assertThat(none.select("input[name=contact]")).isEmpty();

        // an online filing by the account itself, with contacts it chose: still none
        String draft = mvc.perform(post("/portal/file/" + w.procedure().code()).with(as).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl().substring("/portal/drafts/".length());
        mvc.perform(post("/portal/drafts/" + draft).with(as).with(csrf()).param("caseId", "chung").param("phone", "0977000111")
                .param("email", "tu.chon." + me.identityNumber() + "@example.vn")).andExpect(status().is3xxRedirection());
        for (int seq = 1; seq <= 2; seq++) {
            mvc.perform(multipart("/portal/drafts/" + draft + "/components/" + seq + "/upload")
                    .file(new MockMultipartFile("file", "to-khai.pdf", "application/pdf", pdf())).with(as).with(csrf()));
        }
        mvc.perform(post("/portal/drafts/" + draft + "/submit").with(as).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(mvc.perform(get("/portal/identity").with(as))).select("input[name=contact]")).isEmpty();

        // a made-up contact is refused, and nothing is sent
        Document refused = page(mvc.perform(post("/portal/identity/otp").param("contact", "0123456789abcdef").with(as).with(csrf()))
                .andExpect(status().isOk()));
        assertThat(refused.select("#contact-error").text()).isEqualTo("Vui lòng chọn một nơi nhận mã trong danh sách.");
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_otp WHERE account_id = ?").param(me.accountId())
                .query(Long.class).single()).isZero();

        // once the desk records a contact on a dossier filed in person, it is offered
        deskDossier(w, me.identityNumber(), "0366111222", null);
        assertThat(page(mvc.perform(get("/portal/identity").with(as))).select("#way-code .form-check-label").eachText())
                .containsExactly("Tin nhắn đến số *******222");
    }

    @Test
    void theDemoCitizenIsProvenAndHerNumberCannotBeTakenAgain() throws Exception {
        CitizenAccount mai = accounts.find("040090001234").orElseThrow();
        assertThat(mai.proof().method()).isEqualTo(ProofMethod.DEMO);
        Document taken = page(mvc.perform(post("/portal/register").with(csrf()).param("kind", "PERSON")
                .param("identityNumber", "040090001234").param("fullName", "Kẻ Mạo Danh").param("phone", "0388000111")
                .param("email", "mao.danh.demo." + UUID.randomUUID() + "@example.vn").param("password", CitizenFixtures.PASSWORD)
                .param("passwordConfirmation", CitizenFixtures.PASSWORD)));
        assertThat(taken.select("#identityNumber-error").text()).startsWith("Số định danh/mã số thuế này đã có tài khoản. Nếu đây là số của bạn");
        Document store = page(mvc.perform(get("/portal/warehouse").with(authentication(mai.principal().authentication()))));
        assertThat(store.select("#documents").text()).contains("Bản sao giấy khai sinh có chứng thực");
        assertThat(store.select("#identity-notice")).isEmpty();
    }
}
