package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.support.CitizenFixtures;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/** The PAKN pages of the public site, the portal and the staff, and the satisfaction, survey and consultation pages render and act. */
class FeedbackPageTests extends IntegrationTest {

    @Autowired
    FeedbackWorld worlds;

    @Autowired
    FeedbackService feedback;

    @Autowired
    CitizenFixtures citizens;

    @Autowired
    OrganizationService org;

    FeedbackWorld.World w;

    @BeforeEach
    void world() {
        w = worlds.world();
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("??");
        return Jsoup.parse(html);
    }

    @Test
    void anonymousVisitorsFileWithAFileFollowAndReadPublishedAnswers() throws Exception {
        Document home = page(get("/public/feedback"));
        assertThat(home.select("#feedback-form select#unitId option")).hasSizeGreaterThan(10);
        String email = "trang." + System.nanoTime() + "@example.vn";
        var filed = mvc.perform(multipart("/public/feedback").file(new MockMultipartFile("files", "anh-chup.pdf", "application/pdf",
                                TestFiles.pdf()))
                        .param("kind", "REFLECTION").param("senderName", "Hồ Thị Trang").param("email", email)
                        .param("subject", "UNIT").param("unitId", String.valueOf(w.agency().id()))
                        .param("title", "Niêm yết thủ tục đã cũ").param("content", "Bảng niêm yết thủ tục tại quầy còn ghi mức phí cũ.")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = filed.getResponse().getRedirectedUrl();
        assertThat(location).matches("/public/feedback/PAKN-\\d{6}-\\d{4}\\?k=[A-Z2-9]{12}");
        // the flash (the key, shown once) lives in the session, in PostgreSQL: follow with its cookie
        Document view = Jsoup.parse(mvc.perform(get(location).cookie(filed.getResponse().getCookies())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(view.select("#filed-key").text()).hasSize(12);
        assertThat(view.select("#sender-part").text()).contains("Bảng niêm yết thủ tục");
        String code = view.select("#feedback-code").text();
        assertThat(awaitMail(email, code).getContent().toString()).contains(view.select("#filed-key").text());
        // without the key: the status, none of the text
        Document pub = page(get("/public/feedback/" + code));
        assertThat(pub.select("#feedback-status").text()).isEqualTo("Chờ tiếp nhận");
        assertThat(pub.text()).doesNotContain("Bảng niêm yết");
        assertThat(page(get("/public/feedback/" + code).param("k", "AAAAAAAAAAAA")).select("#feedback-wrong-key")).hasSize(1);
        mvc.perform(get("/public/feedback/follow").param("code", code.toLowerCase())).andExpect(status().is3xxRedirection());

        // the staff: the desk's queue, the detail with the attachment, the acts
        StaffPrincipal desk = w.deskPrincipal();
        Document queue = page(get("/feedback").param("q", code).with(user(desk)));
        assertThat(queue.select("#feedback-table a").text()).contains(code);
        Document detail = page(get("/feedback/" + code).with(user(desk)));
        assertThat(detail.select("#feedback-attachments a").text()).isEqualTo("anh-chup.pdf");
        String file = detail.select("#feedback-attachments a").attr("href");
        mvc.perform(get(file).with(user(desk))).andExpect(status().isOk());
        mvc.perform(get(file).with(user(w.otherPrincipal()))).andExpect(status().isNotFound());
        assertThat(detail.select("#form-route, #form-refuse, #form-request-supplement")).hasSize(3);
        mvc.perform(post("/feedback/" + code + "/receive").param("toUnit", String.valueOf(w.division().id())).with(csrf()).with(user(desk)))
                .andExpect(status().is3xxRedirection());
        Document unit = page(get("/feedback/" + code).with(user(w.specialistPrincipal())));
        assertThat(unit.select("#form-answer, #form-return")).hasSize(2);
        mvc.perform(post("/feedback/" + code + "/answer").param("text", "Đã thay bảng niêm yết theo Quyết định công bố mới.")
                .with(csrf()).with(user(w.specialistPrincipal()))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/feedback/" + code + "/answer").param("text", "Lần nữa").with(csrf()).with(user(desk)))
                .andExpect(status().isForbidden());
        Document publish = page(get("/feedback/" + code).with(user(desk)));
        assertThat(publish.select("#publishedQuestion").text()).doesNotContain("Hồ Thị Trang");
        mvc.perform(post("/feedback/" + code + "/publish").with(csrf()).with(user(desk))).andExpect(status().is3xxRedirection());
        Document answers = page(get("/public/feedback/answers").param("q", "niem yet thu tuc da cu"));
        assertThat(answers.select("#answers-list").text()).contains(code).contains("Đã thay bảng niêm yết");
    }

    @Test
    void aPortalCitizenFilesWithTheirDetailsAndFollowsWithoutAKey() throws Exception {
        CitizenPrincipal me = citizens.proven("Bùi Văn Cổng");
        Document form = page(get("/portal/feedback/new").with(CitizenFixtures.as(me)));
        assertThat(form.select("#senderName").val()).isEqualTo("Bùi Văn Cổng");
        var result = mvc.perform(multipart("/portal/feedback").with(CitizenFixtures.as(me)).with(csrf())
                        .param("kind", "RECOMMENDATION").param("subject", "UNIT").param("unitId", String.valueOf(w.agency().id()))
                        .param("senderName", me.fullName()).param("email", me.email())
                        .param("title", "Kéo dài giờ tiếp nhận").param("content", "Đề nghị tiếp nhận hồ sơ cả sáng thứ Bảy."))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/portal/feedback/PAKN-");
        assertThat(page(get(location).with(CitizenFixtures.as(me))).select("#sender-part").text()).contains("sáng thứ Bảy");
        assertThat(page(get("/portal/feedback").with(CitizenFixtures.as(me))).select("#my-feedback a")).hasSize(1);
        CitizenPrincipal other = citizens.proven("Người Khác");
        mvc.perform(get(location).with(CitizenFixtures.as(other))).andExpect(status().isNotFound());
        // an invalid form stays on the page with the errors
        Document bad = Jsoup.parse(mvc.perform(multipart("/portal/feedback").with(CitizenFixtures.as(me)).with(csrf())
                        .param("kind", "RECOMMENDATION").param("subject", "DOSSIER").param("dossierCode", "KHONG-CO")
                        .param("title", "T").param("content", "ngắn"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(bad.select("#feedback-errors")).hasSize(1);
        assertThat(bad.select("#dossierCode.is-invalid, #title.is-invalid, #content.is-invalid")).hasSize(3);
    }

    @Test
    void theSatisfactionSurveyAndConsultationPagesRenderForTheirReaders() throws Exception {
        StaffPrincipal supervisor = w.supervisorPrincipal();
        Document s = page(get("/satisfaction").with(user(supervisor)));
        assertThat(s.select("#chart-units").attr("data-chart")).contains("\"series\"");
        assertThat(s.select("#table-assessments")).hasSize(1);
        page(get("/satisfaction").param("q", "can bo").param("unit", String.valueOf(w.agency().id())).with(user(w.leaderPrincipal())));
        mvc.perform(get("/satisfaction").with(user(w.specialistPrincipal()))).andExpect(status().isForbidden());
        page(get("/satisfaction/surveys").with(user(supervisor)));
        mvc.perform(get("/satisfaction/surveys").with(user(w.deskPrincipal()))).andExpect(status().isForbidden());
        page(get("/consultations").with(user(w.leaderPrincipal())));
        page(get("/public/consultations"));
        StaffPrincipal admin = DossierFixtures.World.principal(org.findStaffByUsername("admin").orElseThrow());
        Document desks = page(get("/admin/feedback/desks").with(user(admin)));
        assertThat(desks.select("#desk-list li").text()).contains(w.deskUnit().name());
        page(get("/feedback").with(user(w.specialistPrincipal())));
        page(get("/feedback").param("queue", "OVERDUE").with(user(supervisor)));
    }

    static List<String> texts(Document d, String css) {
        return d.select(css).eachText();
    }
}
