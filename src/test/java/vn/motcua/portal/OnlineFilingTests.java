package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OfficerScope;
import vn.motcua.support.CitizenFixtures;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.warehouse.StoredFile;
import vn.motcua.warehouse.WarehouseDocument;

/**
 * Online filing through the citizen's pages: draft → details → papers
 * (upload and reuse) → review → submit at status 1 at the procedure's desk;
 * the desk receives it, the result comes back into the warehouse's owner's
 * pages, and nobody else sees any of it.
 */
class OnlineFilingTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    PersonalWarehouse warehouse;

    @Autowired
    FileService files;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CitizenFixtures citizens;

    /** A citizen whose identity number is proven (they see everything filed under it). */
    CitizenPrincipal citizen(String name) {
        return citizens.proven(name);
    }

    static RequestPostProcessor as(CitizenPrincipal p) {
        return authentication(new UsernamePasswordAuthenticationToken(p, null, List.of(new SimpleGrantedAuthority(CitizenPrincipal.ROLE))));
    }

    static byte[] pdf() {
        return vn.motcua.support.TestFiles.pdf();
    }

    private String start(CitizenPrincipal me, String procedureCode) throws Exception {
        String location = mvc.perform(post("/portal/file/" + procedureCode).with(as(me)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/portal/drafts/");
        return location.substring("/portal/drafts/".length());
    }

    private void details(CitizenPrincipal me, String draft) throws Exception {
        mvc.perform(post("/portal/drafts/" + draft).with(as(me)).with(csrf()).param("caseId", "chung")
                        .param("phone", "0912 345 678").param("email", me.email()).param("address", "Số 1 Lê Lợi"))
                .andExpect(redirectedUrl("/portal/drafts/" + draft + "/components"));
    }

    private void upload(CitizenPrincipal me, String draft, int seq) throws Exception {
        mvc.perform(multipart("/portal/drafts/" + draft + "/components/" + seq + "/upload")
                        .file(new MockMultipartFile("file", "to-khai.pdf", "application/pdf", pdf())).with(as(me)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    /** A dossier filed online by this citizen with both papers uploaded: its code. */
    private String filed(CitizenPrincipal me, DossierFixtures.World w) throws Exception {
        String draft = start(me, w.procedure().code());
        details(me, draft);
        upload(me, draft, 1);
        upload(me, draft, 2);
        return mvc.perform(post("/portal/drafts/" + draft + "/submit").with(as(me)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl().substring("/portal/dossiers/".length());
    }

    private WarehouseDocument result(CitizenPrincipal me) throws Exception {
        StoredFile f = files.upload("ket-qua-cu.pdf", new ByteArrayInputStream(pdf()), "staff:test");
        return warehouse.add(me.identityNumber(), DocumentKind.RESULT, "Bản sao căn cước có chứng thực", f.id(), null, null);
    }

    @Test
    void aCitizenFilesWithAnUploadAndAReusedResultAndTheDeskReceivesIt() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizen("Nguyễn Thị Hoa");
        WarehouseDocument old = result(me);

        String draft = start(me, w.procedure().code());
        Document detailsPage = Jsoup.parse(mvc.perform(get("/portal/drafts/" + draft).with(as(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(detailsPage.select("#prefilled-name").text()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(detailsPage.select("#phone").attr("value")).isEqualTo("0912345678");
        details(me, draft);
        upload(me, draft, 1);
        Document papers = Jsoup.parse(mvc.perform(get("/portal/drafts/" + draft + "/components").with(as(me)))
                .andReturn().getResponse().getContentAsString());
        assertThat(papers.select("#attached-1").text()).contains("to-khai.pdf").contains("Đã số hóa");
        assertThat(papers.select("#doc-2 option").eachAttr("value")).contains(old.id().toString());
        mvc.perform(post("/portal/drafts/" + draft + "/components/2/reuse").param("documentId", old.id().toString())
                .with(as(me)).with(csrf())).andExpect(status().is3xxRedirection());

        Document review = Jsoup.parse(mvc.perform(get("/portal/drafts/" + draft + "/review").with(as(me)))
                .andReturn().getResponse().getContentAsString());
        assertThat(review.select("#review-components").text()).contains("Đã số hóa").contains("Dùng lại kết quả đã có");
        assertThat(review.select("#estimate").text()).matches("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");

        String location = mvc.perform(post("/portal/drafts/" + draft + "/submit").with(as(me)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String code = location.substring("/portal/dossiers/".length());
        DossierView filed = dossiers.get(code, OfficerScope.everything(null));
        assertThat(filed.statusCode()).isEqualTo(1);
        assertThat(filed.channel()).isEqualTo("ONLINE");
        assertThat(filed.receivingUnit().id()).isEqualTo(w.desk().id()); // the desk the procedure's receiving step names
        assertThat(filed.applicant().idNumber()).isEqualTo(me.identityNumber());
        assertThat(filed.applicant().phone()).isEqualTo("0912345678");
        assertThat(filed.components()).extracting(c -> c.digitization()).containsExactly(1, 3);
        assertThat(filed.components().get(1).fileId()).isEqualTo(old.fileId().toString());
        // the submitted draft is closed: it leads to the dossier and accepts no more changes
        mvc.perform(get("/portal/drafts/" + draft).with(as(me))).andExpect(redirectedUrl("/portal/dossiers/" + code));
        mvc.perform(post("/portal/drafts/" + draft + "/components/1/clear").with(as(me)).with(csrf()))
                .andExpect(status().isConflict());

        // waiting at the desk: the citizen sees it in "my dossiers"; the desk officer receives it
        Document mine = Jsoup.parse(mvc.perform(get("/portal/dossiers").with(as(me))).andReturn().getResponse().getContentAsString());
        assertThat(mine.select("#my-dossier-list").text()).contains(code).contains("Mới đăng ký");
        dossiers.act(code, Action.RECEIVE, Act.empty(), w.deskPrincipal());
        Document page = Jsoup.parse(mvc.perform(get("/portal/dossiers/" + code).with(as(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#dossier-status").text()).isEqualTo("Được tiếp nhận");
        assertThat(page.select("#my-history").text()).contains("Tiếp nhận");
        assertThat(page.select("#my-components a").eachAttr("href"))
                .contains("/portal/files/" + old.fileId());
        byte[] receipt = mvc.perform(get("/portal/dossiers/" + code + "/slips/receipt").with(as(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(receipt, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // the uploaded paper is the citizen's to download
        mvc.perform(get("/portal/files/" + filed.components().get(0).fileId()).with(as(me))).andExpect(status().isOk());
    }

    @Test
    void anotherCitizenSeesNoneOfItAndAStaffFilesDownloadIsNotFound() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal owner = citizen("Trần Văn Chủ");
        CitizenPrincipal other = citizen("Lê Thị Khác");
        String code = filed(owner, w);
        String fileId = dossiers.get(code, OfficerScope.everything(null)).components().get(0).fileId();
        String draft = jdbc.sql("SELECT id FROM filing_draft WHERE dossier_code = ?").param(code).query(UUID.class).single().toString();

        mvc.perform(get("/portal/drafts/" + draft).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/portal/drafts/" + draft + "/discard").with(as(other)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/portal/dossiers/" + code).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/dossiers/" + code + "/slips/receipt").with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/files/" + fileId).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/files/not-a-uuid").with(as(other))).andExpect(status().isNotFound());
        Document list = Jsoup.parse(mvc.perform(get("/portal/dossiers").with(as(other))).andReturn().getResponse().getContentAsString());
        assertThat(list.select("#no-dossiers")).hasSize(1);
        // a staff member's file is not the citizen's either
        StoredFile staffFile = files.upload("noi-bo.pdf", new ByteArrayInputStream(pdf()), "staff:someone");
        mvc.perform(get("/portal/files/" + staffFile.id()).with(as(owner))).andExpect(status().isNotFound());
    }

    @Test
    void aFullyOnlineProcedureNeedsEveryPaperAndNothingIsFiledUntilThen() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizen("Phạm Văn Thiếu");
        String draft = start(me, w.procedure().code());
        details(me, draft);
        upload(me, draft, 1);
        Document page = Jsoup.parse(mvc.perform(post("/portal/drafts/" + draft + "/submit").with(as(me)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#review-errors").text()).contains("Bản sao căn cước: Cần tải lên giấy tờ này");
        assertThat(dossiers.ofApplicant(me.identityNumber(), 0, 20).total()).isZero();
        assertThat(jdbc.sql("SELECT status FROM filing_draft WHERE id = ?").param(UUID.fromString(draft))
                .query(String.class).single()).isEqualTo("DRAFT");
    }

    @Test
    void aRenamedProgramIsRefusedNextToItsPaperAndTheDraftKeepsWhatItHad() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizen("Đỗ Văn Tải");
        String draft = start(me, w.procedure().code());
        details(me, draft);
        long filesBefore = jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single();
        Document page = Jsoup.parse(mvc.perform(multipart("/portal/drafts/" + draft + "/components/1/upload")
                        .file(new MockMultipartFile("file", "to-khai.pdf", "application/pdf", vn.motcua.support.TestFiles.ELF)).with(as(me)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#error-1").text()).startsWith("Chỉ nhận tệp PDF, JPEG hoặc PNG");
        assertThat(page.select("#file-1").hasClass("is-invalid")).isTrue();
        Document empty = Jsoup.parse(mvc.perform(multipart("/portal/drafts/" + draft + "/components/1/upload")
                        .file(new MockMultipartFile("file", "rong.pdf", "application/pdf", new byte[0])).with(as(me)).with(csrf()))
                .andReturn().getResponse().getContentAsString());
        assertThat(empty.select("#error-1").text()).isEqualTo("Tệp rỗng.");
        assertThat(jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single()).isEqualTo(filesBefore);
        assertThat(jdbc.sql("SELECT file_id FROM filing_draft_component WHERE draft_id = ? AND seq = 1")
                .param(UUID.fromString(draft)).query(UUID.class).optional()).isEmpty();
    }

    @Test
    void anExpiredDocumentCannotBeReusedAndAProcedureNotOnlineCannotBeStarted() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizen("Vũ Thị Hạn");
        StoredFile f = files.upload("cu.pdf", new ByteArrayInputStream(pdf()), me.fileOwner());
        WarehouseDocument expired = warehouse.add(me.identityNumber(), DocumentKind.CERTIFIED_COPY, "Bản sao đã hết hạn", f.id(),
                null, java.time.LocalDate.of(2020, 1, 1));
        String draft = start(me, w.procedure().code());
        Document page = Jsoup.parse(mvc.perform(post("/portal/drafts/" + draft + "/components/1/reuse")
                        .param("documentId", expired.id().toString()).with(as(me)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#error-1").text()).contains("hết hiệu lực");
        // the expired one is not offered for reuse at all
        assertThat(page.select("#doc-1 option").eachAttr("value")).doesNotContain(expired.id().toString());

        String offline = jdbc.sql("SELECT code FROM procedure p WHERE EXISTS (SELECT 1 FROM procedure_version v "
                + "WHERE v.procedure_id = p.id AND v.status = 'PUBLISHED' AND v.online_level = 'NONE') LIMIT 1")
                .query(String.class).single(); // the demo catalogue has procedures done only at the desk
        Document refused = Jsoup.parse(mvc.perform(post("/portal/file/" + offline).with(as(me)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString());
        assertThat(refused.text()).contains("chưa cung cấp dịch vụ công trực tuyến");
    }

    @Test
    void theReturnedDossierIsRatedOnceFromThePortal() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizen("Hoàng Văn Đánh Giá");
        String code = filed(me, w);
        dossiers.act(code, Action.RECEIVE, Act.empty(), w.deskPrincipal());
        dossiers.act(code, Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(code, Action.FORWARD, Act.empty(), w.specialistPrincipal());
        dossiers.act(code, Action.COMPLETE, new Act(null, null, null, null, null, null, null, "15/GP", null, null, null),
                w.leaderPrincipal());
        Document before = Jsoup.parse(mvc.perform(get("/portal/dossiers/" + code).with(as(me))).andReturn().getResponse().getContentAsString());
        assertThat(before.select("#rating-card")).isEmpty(); // not before the return
        dossiers.act(code, Action.RETURN, Act.empty(), w.deskPrincipal());
        Document unchosen = Jsoup.parse(mvc.perform(post("/portal/dossiers/" + code + "/rating").with(as(me)).with(csrf()))
                .andReturn().getResponse().getContentAsString());
        assertThat(unchosen.select("#rating-error").text()).isEqualTo("Vui lòng chọn một mức đánh giá.");
        mvc.perform(post("/portal/dossiers/" + code + "/rating").param("rating", "VERY_SATISFIED").with(as(me)).with(csrf()))
                .andExpect(redirectedUrl("/portal/dossiers/" + code));
        Document again = Jsoup.parse(mvc.perform(post("/portal/dossiers/" + code + "/rating").param("rating", "NOT_SATISFIED")
                .with(as(me)).with(csrf())).andReturn().getResponse().getContentAsString());
        assertThat(again.select("#rating-error").text()).contains("chỉ đánh giá một lần");
        Document rated = Jsoup.parse(mvc.perform(get("/portal/dossiers/" + code).with(as(me))).andReturn().getResponse().getContentAsString());
        assertThat(rated.select("#already-rated")).hasSize(1);
        assertThat(rated.select("#rating-submit")).isEmpty(); // the form is gone once rated
        assertThat(jdbc.sql("SELECT rating || '/' || channel FROM dossier_rating WHERE dossier_code = ?").param(code)
                .query(String.class).single()).isEqualTo("VERY_SATISFIED/PORTAL");
    }

    @Test
    void theRequestedPapersAreSentOnlineAndABadFileLeavesTheDossierAsItWas() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        CitizenPrincipal me = citizen("Ngô Thị Bổ Sung");
        String code = filed(me, w);
        // sending a supplement nobody asked for is refused
        mvc.perform(multipart("/portal/dossiers/" + code + "/supplement")
                        .file(new MockMultipartFile("paper-0", "x.pdf", "application/pdf", pdf())).with(as(me)).with(csrf()))
                .andExpect(status().isConflict());
        dossiers.act(code, Action.RECEIVE, Act.empty(), w.deskPrincipal());
        dossiers.act(code, Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(code, Action.REQUEST_SUPPLEMENT, new Act("Thiếu giấy tờ", null, null, null,
                List.of("Giấy xác nhận cư trú", "Ảnh 4x6"), null, null, null, null, null, null), w.specialistPrincipal());
        DossierView before = dossiers.get(code, OfficerScope.everything(null));
        int historyBefore = dossiers.history(code, OfficerScope.everything(null)).size();

        Document page = Jsoup.parse(mvc.perform(get("/portal/dossiers/" + code).with(as(me))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#supplement-needed label").eachText()).containsExactly("Giấy xác nhận cư trú", "Ảnh 4x6");

        // one good file and one renamed program: nothing is kept
        Document refused = Jsoup.parse(mvc.perform(multipart("/portal/dossiers/" + code + "/supplement")
                        .file(new MockMultipartFile("paper-0", "cu-tru.pdf", "application/pdf", pdf()))
                        .file(new MockMultipartFile("paper-1", "anh.png", "image/png", vn.motcua.support.TestFiles.ELF)).with(as(me)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#supplement-error").text()).startsWith("Ảnh 4x6: Chỉ nhận tệp PDF, JPEG hoặc PNG");
        DossierView unchanged = dossiers.get(code, OfficerScope.everything(null));
        assertThat(unchanged.version()).isEqualTo(before.version());
        assertThat(unchanged.components()).hasSize(2);
        assertThat(dossiers.history(code, OfficerScope.everything(null))).hasSize(historyBefore);
        assertThat(warehouse.documents(me.identityNumber())).extracting(WarehouseDocument::title).doesNotContain("Giấy xác nhận cư trú");

        // the good one alone: joins the dossier in state 1, the warehouse keeps it, the status waits for the desk
        mvc.perform(multipart("/portal/dossiers/" + code + "/supplement")
                        .file(new MockMultipartFile("paper-0", "cu-tru.pdf", "application/pdf", pdf())).with(as(me)).with(csrf()))
                .andExpect(redirectedUrl("/portal/dossiers/" + code));
        DossierView sent = dossiers.get(code, OfficerScope.everything(null));
        assertThat(sent.statusCode()).isEqualTo(5);
        assertThat(sent.version()).isEqualTo(before.version() + 1);
        assertThat(sent.components()).hasSize(3);
        assertThat(sent.components().get(2).name()).isEqualTo("Giấy xác nhận cư trú");
        assertThat(sent.components().get(2).digitization()).isEqualTo(1);
        assertThat(dossiers.history(code, OfficerScope.everything(null))).last()
                .satisfies(h -> assertThat(h.action()).isEqualTo("supplement-submitted"));
        assertThat(warehouse.documents(me.identityNumber())).extracting(WarehouseDocument::title).contains("Giấy xác nhận cư trú");
        // nothing chosen at all is a readable error
        Document none = Jsoup.parse(mvc.perform(multipart("/portal/dossiers/" + code + "/supplement").with(as(me)).with(csrf()))
                .andReturn().getResponse().getContentAsString());
        assertThat(none.select("#supplement-error").text()).isEqualTo("Vui lòng chọn ít nhất một tệp để gửi.");
        // the desk checks the papers and restarts the clock
        assertThat(dossiers.act(code, Action.SUPPLEMENT_RECEIVED, Act.empty(), w.deskPrincipal()).statusCode()).isEqualTo(4);
    }
}
