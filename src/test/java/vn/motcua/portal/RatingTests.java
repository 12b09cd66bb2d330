package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/** The applicant rates a returned dossier once, by the signed link or at the desk's tablet. */
class RatingTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    RatingService ratings;

    @Autowired
    JdbcClient jdbc;

    private DossierView returned(DossierFixtures.World w) {
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Phan Văn Đánh", "040233344455", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.specialistPrincipal());
        dossiers.act(d.code(), Action.COMPLETE, new Act(null, null, null, null, null, null, null, "9/GP", null, null, null),
                w.leaderPrincipal());
        return dossiers.act(d.code(), Action.RETURN, Act.empty(), w.deskPrincipal());
    }

    @Test
    void theLinkLetsTheApplicantRateOnceAndAWrongLinkIsNotFound() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = returned(w);
        String t = ratings.token(d.code());
        mvc.perform(get("/public/rating/" + d.code()).param("t", "0000")).andExpect(status().isNotFound());
        mvc.perform(get("/public/rating/" + d.code()).param("t", t)).andExpect(status().isOk());
        String empty = mvc.perform(post("/public/rating/" + d.code()).param("t", t).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(empty).select("#rating-error").text()).isEqualTo("Vui lòng chọn một mức đánh giá.");
        String done = mvc.perform(post("/public/rating/" + d.code()).param("t", t).param("rating", "SATISFIED")
                        .param("comment", "Cán bộ nhiệt tình").with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(done).select("#rating-thanks").text()).contains("Cảm ơn");
        String again = mvc.perform(post("/public/rating/" + d.code()).param("t", t).param("rating", "NOT_SATISFIED").with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(again).select("#rating-error").text()).contains("chỉ đánh giá một lần");
        assertThat(jdbc.sql("SELECT rating FROM dossier_rating WHERE dossier_code = ?").param(d.code())
                .query(String.class).single()).isEqualTo("SATISFIED");
    }

    @Test
    void theDesksTabletRatesForTheApplicantButNotBeforeTheReturn() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView open = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Lò Thị Chưa", "040244455566", null, null, null, null),
                List.of(), null, null), w.deskPrincipal());
        String early = mvc.perform(post("/kiosk/" + open.code()).param("rating", "VERY_SATISFIED").with(csrf())
                        .with(user(w.deskPrincipal())))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(early).select("#rating-error").text()).contains("đã trả kết quả");
        DossierView d = returned(w);
        mvc.perform(post("/kiosk/" + d.code()).param("rating", "VERY_SATISFIED").with(csrf()).with(user(w.specialistPrincipal())))
                .andExpect(status().isForbidden());
        String done = mvc.perform(post("/kiosk/" + d.code()).param("rating", "VERY_SATISFIED").with(csrf())
                        .with(user(w.deskPrincipal())))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(done).select("#rating-thanks").text()).contains("Cảm ơn");
    }
}
