package vn.motcua.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.feedback.FeedbackAct;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackWorld;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.portal.DossierRated;
import vn.motcua.portal.RatingService;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Rule {@code feedback-concentration}: PAKN about an officer (received by the
 * desk with the officer named) and "not satisfied" ratings (attributed to the
 * officer who received the dossier) raise one signal, with its evidence, when
 * one officer gathers the threshold's count and share of their unit's, and
 * none below it.
 */
class ComplaintSignalTests extends IntegrationTest {

    static final Instant APRIL = Instant.parse("2026-04-06T02:00:00Z");

    @Autowired
    FeedbackWorld feedbackWorld;

    @Autowired
    FeedbackService feedback;

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JsonMapper json;

    FeedbackWorld.World w;
    StaffView supervisor;

    @BeforeEach
    void world() {
        clock.pin(APRIL);
        w = feedbackWorld.world();
        supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    JsonNode signals() throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/signals?rule=feedback-concentration&status=OPEN&size=100")
                        .with(httpBasic(supervisor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    List<JsonNode> about(StaffView officer) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : signals().get("items")) {
            if (s.get("subjectType").asString().equals("OFFICER") && s.get("subjectId").asString().equals(String.valueOf(officer.id()))) {
                out.add(s);
            }
        }
        return out;
    }

    /** A PAKN about the division, received by the desk naming the officer concerned. */
    String complainAbout(StaffView officer, int i) {
        clock.pin(APRIL.plus(Duration.ofHours(i)));
        String code = feedback.file(FeedbackWorld.about(w.division(), "Cán bộ gây khó khăn lần " + i), List.of(),
                vn.motcua.feedback.FeedbackChannel.PUBLIC_SITE, null, "192.0.2.7").code();
        feedback.act(code, FeedbackAction.RECEIVE, new FeedbackAct(w.division().id(), officer.id(), null, null, null, null, null, null),
                w.deskPrincipal());
        return code;
    }

    @Test
    void complaintsConcentratedOnOneOfficerRaiseOneSignalWithTheirEvidence() throws Exception {
        StaffView colleague = fixtures.staff(Role.SPECIALIST, w.division());
        complainAbout(colleague, 0);
        for (int i = 1; i <= 4; i++) {
            complainAbout(w.specialist(), i);
        }
        // four of five: the share is met (0.8 ≥ 0.5) but not the count (5)
        assertThat(about(w.specialist())).isEmpty();
        String fifth = complainAbout(w.specialist(), 5);
        List<JsonNode> raised = about(w.specialist());
        assertThat(raised).hasSize(1);
        JsonNode signal = json.readTree(mvc.perform(get("/api/v1/signals/" + raised.get(0).get("id").asLong())
                        .with(httpBasic(supervisor.username(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(signal.get("unitId").asLong()).isEqualTo(w.division().id());
        JsonNode figures = signal.get("evidence").get("figures");
        assertThat(figures.get("complaints").asLong()).isEqualTo(5);
        assertThat(figures.get("complaintsCompared").asLong()).isEqualTo(6);
        assertThat(signal.get("evidence").get("acts").findValuesAsString("action")).contains("feedback:" + fifth).hasSize(5);
        // a sixth complaint the same month raises nothing new; the colleague (1 of 7) none at all
        complainAbout(w.specialist(), 6);
        assertThat(about(w.specialist())).hasSize(1);
        assertThat(about(colleague)).isEmpty();
    }

    @Test
    void dislikesOfDossiersCountAgainstTheOfficerWhoReceivedThem() throws Exception {
        DossierFixtures.World d = dossierFixtures.world();
        clock.pin(APRIL);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = dossiers.file(new FileDossier(d.procedure().code(), null, Channel.IN_PERSON,
                    new Applicant(ApplicantKind.PERSON, "Lê Thị Không Hài Lòng", "001099012366", null, null, null, null),
                    List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), d.desk().id(), null), d.deskPrincipal()).code();
            dossiers.act(code, new DossierAct.ForwardDossier(null, null, null), null, d.deskPrincipal());
            codes.add(code);
        }
        // the portal's event as it publishes it in the rating's transaction (a rating needs a returned dossier)
        for (int i = 0; i < 5; i++) {
            String code = codes.get(i);
            RatingService.Rating r = i == 4 ? RatingService.Rating.SATISFIED : RatingService.Rating.NOT_SATISFIED;
            tx.executeWithoutResult(s -> events.publishEvent(new DossierRated(code, new UnitId(d.desk().id()), d.procedure().code(),
                    r, List.of(), null, RatingService.Channel.LINK, clock.instant())));
        }
        assertThat(about(d.deskOfficer())).isEmpty(); // four dislikes: under the count
        String code = dossiers.file(new FileDossier(d.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Lê Thị Không Hài Lòng", "001099012366", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), d.desk().id(), null), d.deskPrincipal()).code();
        tx.executeWithoutResult(s -> events.publishEvent(new DossierRated(code, new UnitId(d.desk().id()), d.procedure().code(),
                RatingService.Rating.NOT_SATISFIED, List.of(), null, RatingService.Channel.LINK, clock.instant())));
        List<JsonNode> raised = about(d.deskOfficer());
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).get("unitId").asLong()).isEqualTo(d.desk().id());
    }
}
