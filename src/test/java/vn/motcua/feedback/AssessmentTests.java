package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.portal.RatingService;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/** The nine-criteria assessment of a returned dossier, filled once through the rating link, with its band computed from the data. */
class AssessmentTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    AssessmentService assessments;

    @Autowired
    RatingService ratings;

    DossierView returned(DossierFixtures.World w) {
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Đinh Văn Chín", Fixtures.identityNumber("0406", 12), null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.specialistPrincipal());
        dossiers.act(d.code(), Action.COMPLETE, new Act(null, null, null, null, null, null, null, "9/GP", null, null, null),
                w.leaderPrincipal());
        return dossiers.act(d.code(), Action.RETURN, Act.empty(), w.deskPrincipal());
    }

    @Test
    void theLinkOfTheRatingOpensTheAssessmentWhichComputesItsBandOnce() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = returned(w);
        String t = ratings.token(d.code());
        mvc.perform(get("/public/assessment/" + d.code()).param("t", "0000")).andExpect(status().isNotFound());
        String form = mvc.perform(get("/public/assessment/" + d.code()).param("t", t)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(form).select("#assessment-form fieldset")).hasSize(9);
        var post = post("/public/assessment/" + d.code()).param("t", t).with(csrf()).param("comment", "Tốt");
        for (int i = 1; i <= 9; i++) {
            post.param("c" + i, i <= 7 ? "2" : "1");
        }
        String done = mvc.perform(post).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // 7 × 2 + 2 × 1 = 16 points: above 15, excellent
        assertThat(Jsoup.parse(done).select("#assessment-total").text()).isEqualTo("16/18");
        assertThat(Jsoup.parse(done).select("#assessment-band").text()).isEqualTo("Xuất sắc");
        assertThat(assessments.of(d.code()).orElseThrow().band()).isEqualTo("EXCELLENT");
        assertThatThrownBy(() -> assessments.submitByLink(d.code(), t, List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), null))
                .extracting("rule").isEqualTo("assessment-once");
    }

    @Test
    void fifteenPointsAreGoodAndEveryCriterionMustBeAnswered() {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = returned(w);
        String t = ratings.token(d.code());
        assertThatThrownBy(() -> assessments.submitByLink(d.code(), t, List.of(2, 2, 2, 2, 2, 2, 2, 2), null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> assessments.submitByLink(d.code(), t, List.of(2, 2, 2, 2, 2, 2, 2, 2, 3), null))
                .isInstanceOf(InvalidInput.class);
        AssessmentView v = assessments.submitByLink(d.code(), t, List.of(2, 2, 2, 2, 2, 2, 1, 1, 1), null);
        assertThat(v.total()).isEqualTo(15);
        assertThat(v.band()).isEqualTo("GOOD");
    }

    @Test
    void notBeforeTheReturn() {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView open = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Chưa Xong", Fixtures.identityNumber("0406", 12), null, null, null, null), List.of(), null, null),
                w.deskPrincipal());
        assertThatThrownBy(() -> assessments.submitByLink(open.code(), ratings.token(open.code()),
                List.of(2, 2, 2, 2, 2, 2, 2, 2, 2), null)).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("assessment-before-return");
    }
}
