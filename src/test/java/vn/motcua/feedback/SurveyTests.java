package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * A SIPAS survey campaign: the sample comes from the module's own read model
 * of returned dossiers (fed by the dossier module's events), invitations go
 * out by e-mail through a real SMTP server, an invitee answers the five
 * factors on the three dimensions once, and the results are per unit.
 */
class SurveyTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    SurveyService surveys;

    @Autowired
    JdbcClient jdbc;

    DossierView returned(DossierFixtures.World w, String email) {
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Người Được Khảo Sát", Fixtures.identityNumber("0407", 12), null, null, email, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.specialistPrincipal());
        dossiers.act(d.code(), Action.COMPLETE, new Act(null, null, null, null, null, null, null, "9/GP", null, null, null),
                w.leaderPrincipal());
        return dossiers.act(d.code(), Action.RETURN, Act.empty(), w.deskPrincipal());
    }

    @Test
    void aCampaignSamplesReturnedDossiersInvitesByEmailAndCountsTheAnswersPerUnit() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        List<String> emails = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = "sipas." + i + "." + System.nanoTime() + "@example.vn";
            emails.add(email);
            codes.add(returned(w, email).code());
        }
        codes.add(returned(w, null).code()); // no e-mail address: never invited
        // the read model catches up with the dossier module's events
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM satisfaction_dossier WHERE code = ANY(?) AND returned_at IS NOT NULL")
                .param(codes.toArray(String[]::new)).query(Long.class).single() == 5);
        StaffPrincipal supervisor = DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
        LocalDate today = LocalDate.now(CalendarService.ZONE);
        SurveyView s = surveys.create(new SurveyCommand("Khảo sát SIPAS thử nghiệm", w.desk().id(), today.minusDays(1), today, 3,
                today.plusDays(7)), supervisor);
        assertThat(s.status()).isEqualTo(SurveyStatus.DRAFT);
        s = surveys.open(s.id(), supervisor);
        assertThat(s.status()).isEqualTo(SurveyStatus.OPEN);
        assertThat(s.invited()).isEqualTo(3);
        surveys.sendPending();
        List<String> invited = jdbc.sql("SELECT email FROM survey_invitation WHERE survey_id = ?").param(s.id()).query(String.class).list();
        assertThat(emails).containsAll(invited);
        var message = awaitMail(invited.get(0), "Khảo sát SIPAS thử nghiệm");
        String body = ((String) message.getContent()).replace("\r\n", "\n");
        Matcher link = Pattern.compile("/public/survey/(\\d+)\\?t=([0-9a-f]{32})").matcher(body);
        assertThat(link.find()).isTrue();
        String path = "/public/survey/" + link.group(1);
        mvc.perform(get(path).param("t", "0".repeat(32))).andExpect(status().isNotFound());
        String page = mvc.perform(get(path).param("t", link.group(2))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("#survey-form fieldset")).hasSize(5);
        var answer = post(path).param("t", link.group(2)).with(csrf()).param("comment", "Cán bộ hướng dẫn tận tình");
        for (SurveyFactor f : SurveyFactor.values()) {
            answer.param(f + ".PERCEPTION", "4").param(f + ".SATISFACTION", "5").param(f + ".EXPECTATION", "3");
        }
        String thanks = mvc.perform(answer).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(thanks).select("#survey-thanks")).hasSize(1);
        long second = Long.parseLong(jdbc.sql("SELECT id FROM survey_invitation WHERE survey_id = ? AND answered_at IS NULL LIMIT 1")
                .param(s.id()).query(String.class).single());
        Map<SurveyFactor, Map<SurveyDimension, Integer>> scores = new EnumMap<>(SurveyFactor.class);
        for (SurveyFactor f : SurveyFactor.values()) {
            scores.put(f, Map.of(SurveyDimension.PERCEPTION, 2, SurveyDimension.SATISFACTION, 3, SurveyDimension.EXPECTATION, 5));
        }
        surveys.answer(second, surveys.token(second), scores, null);
        assertThatThrownBy(() -> surveys.answer(second, surveys.token(second), scores, null))
                .extracting("rule").isEqualTo("survey-answer-once");

        SurveyResults r = surveys.results(s.id(), supervisor);
        assertThat(r.survey().answered()).isEqualTo(2);
        assertThat(r.overall()).allSatisfy(f -> {
            assertThat(f.perception()).isEqualByComparingTo("3.00");
            assertThat(f.satisfaction()).isEqualByComparingTo("4.00");
            assertThat(f.expectation()).isEqualByComparingTo("4.00");
        });
        assertThat(r.units()).singleElement().satisfies(u -> {
            assertThat(u.unitId()).isEqualTo(w.desk().id());
            assertThat(u.invited()).isEqualTo(3);
            assertThat(u.answered()).isEqualTo(2);
            assertThat(u.satisfaction()).isEqualByComparingTo("4.00");
        });
        assertThat(r.comments()).containsExactly("Cán bộ hướng dẫn tận tình");
        assertThatThrownBy(() -> surveys.list(w.deskPrincipal())).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        surveys.close(s.id(), supervisor);
        long third = Long.parseLong(jdbc.sql("SELECT id FROM survey_invitation WHERE survey_id = ? AND answered_at IS NULL LIMIT 1")
                .param(s.id()).query(String.class).single());
        assertThatThrownBy(() -> surveys.answer(third, surveys.token(third), scores, null)).extracting("rule").isEqualTo("survey-closed");
    }
}
