package vn.motcua.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The dashboard's figures equal the lists they drill down to; supervisors
 * see the province, a leader their units and nothing of another's; only a
 * supervisor resolves a signal, with a note, and the resolution is audited.
 */
class SupervisionApiTests extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Vietnam. */
    static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    DossierFixtures.World w;
    StaffView supervisor;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        clock.pin(MONDAY_9);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder b, StaffView who) {
        return b.with(httpBasic(who.username(), Fixtures.PASSWORD));
    }

    JsonNode getJson(String url, StaffView who) throws Exception {
        return json.readTree(mvc.perform(as(get(url), who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    String file() {
        return dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Phạm Văn Tồn Đọng", "001099012399", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), w.desk().id(), null), w.deskPrincipal()).code();
    }

    /** A backlog at the agency: some overdue for days, one paused, one finished; the clock then moves on. */
    void backlog() {
        for (int i = 0; i < 3; i++) {
            String c = file();
            dossiers.act(c, new DossierAct.ForwardDossier(null, i == 0 ? w.specialist().staffId() : null, null), null,
                    w.deskPrincipal());
        }
        String paused = file();
        dossiers.act(paused, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        dossiers.act(paused, new DossierAct.RequestPayment(100_000L, "Lệ phí"), null, w.specialistPrincipal());
        String done = file();
        dossiers.act(done, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        dossiers.act(done, new DossierAct.ForwardDossier(null, null, null), null, w.specialistPrincipal());
        dossiers.act(done, new DossierAct.CompleteDossier("1/KQ", null, null), null, w.leaderPrincipal());
        clock.pin(MONDAY_9.plus(Duration.ofDays(14)));
        String recent = file(); // received two weeks later: in progress, not overdue
        dossiers.act(recent, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
    }

    @Test
    void everyFigureOfTheDashboardEqualsTheCountOfItsList() throws Exception {
        backlog();
        String period = "&from=2026-03-01&to=2026-03-31";
        for (String by : List.of("UNIT", "PROCEDURE", "OFFICER")) {
            JsonNode d = getJson("/api/v1/supervision/dashboard?unit=" + w.agency().id() + "&by=" + by + period, supervisor);
            assertThat(d.get("rows").size()).isPositive();
            for (JsonNode row : d.get("rows")) {
                for (String figure : List.of("RECEIVED", "IN_PROGRESS", "OVERDUE", "DUE_SOON", "PAUSED", "FINISHED", "ON_TIME")) {
                    long count = row.get("counts").has(figure) ? row.get("counts").get(figure).asLong() : 0;
                    JsonNode list = getJson("/api/v1/supervision/dossiers?figure=" + figure + "&by=" + by + "&key="
                            + row.get("key").asString() + "&unit=" + w.agency().id() + period + "&size=200", supervisor);
                    assertThat(list.get("total").asLong()).as(by + " " + row.get("key") + " " + figure).isEqualTo(count);
                    assertThat(list.get("items").size()).isEqualTo((int) Math.min(count, 200));
                }
            }
        }
        JsonNode d = getJson("/api/v1/supervision/dashboard?unit=" + w.agency().id() + period, supervisor);
        assertThat(d.get("totals").get("OVERDUE").asLong()).isEqualTo(3); // the paused one was paused before its appointment
        long ageingSum = 0;
        for (JsonNode b : d.get("ageing").properties().stream().map(java.util.Map.Entry::getValue).toList()) {
            ageingSum += b.asLong();
        }
        assertThat(ageingSum).isEqualTo(d.get("totals").get("OVERDUE").asLong());
        for (String bucket : List.of("UNDER_1", "FROM_1_TO_3", "FROM_3_TO_5", "FROM_5_TO_10", "OVER_10")) {
            JsonNode list = getJson("/api/v1/supervision/dossiers?figure=OVERDUE&bucket=" + bucket + "&unit=" + w.agency().id()
                    + period, supervisor);
            assertThat(list.get("total").asLong()).as(bucket).isEqualTo(d.get("ageing").get(bucket).asLong());
        }
        assertThat(d.get("totals").get("IN_PROGRESS").asLong()).isEqualTo(4);
        assertThat(d.get("totals").get("PAUSED").asLong()).isEqualTo(1);
    }

    @Test
    void aLeaderSeesTheirUnitsAndNothingOfAnothers() throws Exception {
        backlog();
        DossierFixtures.World other = dossierFixtures.world();
        // the other leader: the agency is outside their scope (404), their own dashboard counts none of it
        mvc.perform(as(get("/api/v1/supervision/dashboard?unit=" + w.agency().id()), other.leader()))
                .andExpect(status().isNotFound());
        JsonNode own = getJson("/api/v1/supervision/dashboard?by=UNIT", other.leader());
        for (JsonNode row : own.get("rows")) {
            assertThat(row.get("key").asString()).isNotIn(String.valueOf(w.agency().id()), String.valueOf(w.division().id()));
        }
        JsonNode mine = getJson("/api/v1/supervision/dashboard?unit=" + w.agency().id(), w.leader());
        assertThat(mine.get("totals").get("IN_PROGRESS").asLong()).isEqualTo(4);
        mvc.perform(as(get("/api/v1/supervision/dashboard"), w.specialist())).andExpect(status().isForbidden());
        mvc.perform(as(get("/api/v1/signals"), w.deskOfficer())).andExpect(status().isForbidden());

        // a signal in the division: the agency's leader sees it, the other leader does not
        clock.pin(MONDAY_9.plus(Duration.ofDays(15)));
        String c = file();
        dossiers.act(c, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        dossiers.act(c, new DossierAct.StopProcessing("x"), null, w.specialistPrincipal());
        long id = jdbc.sql("SELECT id FROM sv_signal WHERE dossier_code = ?").param(c).query(Long.class).single();
        mvc.perform(as(get("/api/v1/signals/" + id), w.leader())).andExpect(status().isOk())
                .andExpect(jsonPath("$.rule").value("reason-missing"))
                .andExpect(jsonPath("$.evidence.dossiers[0]").value(c));
        mvc.perform(as(get("/api/v1/signals/" + id), other.leader())).andExpect(status().isNotFound());
        JsonNode list = getJson("/api/v1/signals?status=OPEN&size=100", other.leader());
        for (JsonNode s : list.get("items")) {
            assertThat(s.get("id").asLong()).isNotEqualTo(id);
        }
        // a leader does not resolve
        mvc.perform(as(post("/api/v1/signals/" + id + "/resolve"), w.leader()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"resolution\":\"DISMISSED\",\"note\":\"Không vi phạm\"}")).andExpect(status().isForbidden());
    }

    @Test
    void aSupervisorResolvesASignalWithANoteAndTheResolutionIsAudited() throws Exception {
        String c = file();
        dossiers.act(c, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        dossiers.act(c, new DossierAct.StopProcessing("khác"), null, w.specialistPrincipal());
        long id = jdbc.sql("SELECT id FROM sv_signal WHERE dossier_code = ?").param(c).query(Long.class).single();

        mvc.perform(as(post("/api/v1/signals/" + id + "/resolve"), supervisor).contentType(MediaType.APPLICATION_JSON)
                .content("{\"resolution\":\"REMINDED\",\"note\":\"  \"}")).andExpect(status().isUnprocessableContent());
        mvc.perform(as(post("/api/v1/signals/" + id + "/resolve"), supervisor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resolution\":\"REMINDED\",\"note\":\"Đã nhắc nhở chuyên viên ghi rõ lý do dừng\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.resolution").value("REMINDED"))
                .andExpect(jsonPath("$.resolvedBy").value(supervisor.username()));
        mvc.perform(as(post("/api/v1/signals/" + id + "/resolve"), supervisor).contentType(MediaType.APPLICATION_JSON)
                .content("{\"resolution\":\"DISMISSED\",\"note\":\"Lần hai\"}")).andExpect(status().isConflict());
        assertThat(audit.about("signal", String.valueOf(id), 10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ConductSignals.AUDIT_RESOLVED);
            assertThat(e.actor()).isEqualTo(supervisor.username());
            assertThat(e.reason()).isEqualTo("Đã nhắc nhở chuyên viên ghi rõ lý do dừng");
        });
        JsonNode closed = getJson("/api/v1/signals?status=CLOSED&rule=reason-missing&size=100", supervisor);
        assertThat(closed.get("items").findValuesAsString("dossierCode")).contains(c);
    }

    @Test
    void theRulesAreEditedBySupervisorsOnlyAndBadThresholdsAreRefused() throws Exception {
        JsonNode rules = getJson("/api/v1/signal-rules", supervisor);
        JsonNode idle = null;
        for (JsonNode r : rules) {
            if (r.get("code").asString().equals("feedback-concentration")) {
                assertThat(r.get("hasSource").asBoolean()).isTrue(); // fed by the feedback and portal modules' events
            }
            if (r.get("code").asString().equals("idle-step")) {
                idle = r;
            }
        }
        assertThat(idle).isNotNull();
        int version = idle.get("version").asInt();
        mvc.perform(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/signal-rules/idle-step"),
                        w.leader()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"enabled\":true,\"params\":{\"graceWorkingDays\":\"1\"}}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/signal-rules/idle-step"),
                        supervisor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"enabled\":true,\"params\":{\"graceWorkingDays\":\"-1\"}}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/signal-rules/idle-step"),
                        supervisor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"enabled\":true,\"params\":{\"graceWorkingDays\":\"abc\"}}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/signal-rules/idle-step"),
                        supervisor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + (version + 7) + ",\"enabled\":true,\"params\":{}}"))
                .andExpect(status().isConflict());
    }
}
