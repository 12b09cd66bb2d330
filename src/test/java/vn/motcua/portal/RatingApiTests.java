package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
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
import vn.motcua.organization.StaffView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The per-dossier rating through the API, as the desk's kiosk and the national
 * portal send it: once, after the return, a retry with the same
 * Idempotency-Key answering the first answer, a second rating 409; reasons
 * from the list; who may relay it.
 */
@RecordApplicationEvents
class RatingApiTests extends IntegrationTest {

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private DossierView returned(DossierFixtures.World w, String name) {
        DossierView d = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, name, Fixtures.identityNumber("0405", 12), null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.deskPrincipal());
        dossiers.act(d.code(), Action.FORWARD, Act.empty(), w.specialistPrincipal());
        dossiers.act(d.code(), Action.COMPLETE, new Act(null, null, null, null, null, null, null, "9/GP", null, null, null),
                w.leaderPrincipal());
        return dossiers.act(d.code(), Action.RETURN, Act.empty(), w.deskPrincipal());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder rate(String code, StaffView who,
                                                                                                 String json) {
        return post("/api/v1/dossiers/" + code + "/rating").with(httpBasic(who.username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void theKioskRatesOnceARetryAnswersTheFirstAnswerAndASecondRatingIs409() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = returned(w, "Võ Thị Ki Ốt");
        String json = "{\"rating\":\"NOT_SATISFIED\",\"reasons\":[\"LATE\",\"MANY_TRIPS\"],\"comment\":\"Đi lại ba lần\"}";
        String first = mvc.perform(rate(d.code(), w.deskOfficer(), json).header("Idempotency-Key", "kiosk-" + d.code()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rating").value("NOT_SATISFIED"))
                .andExpect(jsonPath("$.channel").value("KIOSK"))
                .andExpect(jsonPath("$.reasons[0]").value("LATE"))
                .andReturn().getResponse().getContentAsString();
        String replay = mvc.perform(rate(d.code(), w.deskOfficer(), json).header("Idempotency-Key", "kiosk-" + d.code()))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(replay).isEqualTo(first);
        mvc.perform(rate(d.code(), w.deskOfficer(), "{\"rating\":\"VERY_SATISFIED\"}").header("Idempotency-Key", "kiosk-2-" + d.code()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("rating-once"));
        mvc.perform(rate(d.code(), w.deskOfficer(), "{\"rating\":\"SATISFIED\"}")).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT rating FROM dossier_rating WHERE dossier_code = ?").param(d.code()).query(String.class).single())
                .isEqualTo("NOT_SATISFIED");
        assertThat(events.stream(DossierRated.class).filter(e -> e.code().equals(d.code()))).singleElement()
                .satisfies(e -> assertThat(e.reasons()).containsExactly("LATE", "MANY_TRIPS"));
    }

    @Test
    void notBeforeTheReturnAndOnlyReasonsOfTheList() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView open = dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Chưa Trả Kết Quả", Fixtures.identityNumber("0405", 12), null, null, null, null), List.of(), null, null),
                w.deskPrincipal());
        mvc.perform(rate(open.code(), w.deskOfficer(), "{\"rating\":\"SATISFIED\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("rating-before-return"));
        DossierView d = returned(w, "Lý Do Lạ");
        mvc.perform(rate(d.code(), w.deskOfficer(), "{\"rating\":\"NOT_SATISFIED\",\"reasons\":[\"BRIBE_ME\"]}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(rate(d.code(), w.deskOfficer(), "{}")).andExpect(status().isUnprocessableContent());
        mvc.perform(rate(d.code(), w.deskOfficer(), "{\"rating\":\"SATISFIED\",\"channel\":\"NATIONAL_PORTAL\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/rating-reasons").with(httpBasic(w.deskOfficer().username(), Fixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].code").value("LATE"));
    }

    @Test
    void onlyTheDeskOfTheDossierOrTheNationalPortalsKeyMayRelayARating() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierView d = returned(w, "Ai Được Đánh Giá");
        StaffView otherDesk = fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.agency("Sở Khác Đánh Giá"));
        StaffView supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/rating").contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":\"SATISFIED\"}")).andExpect(status().isUnauthorized());
        mvc.perform(rate(d.code(), otherDesk, "{\"rating\":\"SATISFIED\"}")).andExpect(status().isNotFound());
        mvc.perform(rate(d.code(), w.specialist(), "{\"rating\":\"SATISFIED\"}")).andExpect(status().isForbidden());
        // a supervisor's password is a person's, not the national portal's key
        mvc.perform(rate(d.code(), supervisor, "{\"rating\":\"SATISFIED\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/dossiers/" + d.code() + "/rating").header("Authorization", "Bearer mc_demo_key_local_only_9f3a2c7e")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"VERY_SATISFIED\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("NATIONAL_PORTAL"));
    }
}
