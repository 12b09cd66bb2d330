package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import vn.motcua.audit.AuditTrail;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The rules an act must keep beyond the lifecycle, through the API and the
 * pages: a forward goes only where the workflow (or an inter-agency
 * procedure) allows; a completion that skips steps says why; a desk filing's
 * receipt time is back-dated only within the current working day and on
 * record; and every row one act writes carries the one instant of the act.
 * A refused act leaves the dossier exactly as it was.
 */
class DossierActRulesTests extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Vietnam (working hours from 07:30). */
    static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    DossierFixtures.World w;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        clock.pin(MONDAY_9);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    static String filing(String procedureCode, String receivedAt) {
        return """
                {"procedureCode":"%s","channel":"IN_PERSON",%s
                 "applicant":{"kind":"PERSON","fullName":"Vũ Thị Luật","idNumber":"%s"},
                 "components":[{"name":"Tờ khai đề nghị","originals":1,"copies":0}]}"""
                .formatted(procedureCode, receivedAt == null ? "" : "\"receivedAt\":\"" + receivedAt + "\",",
                        Fixtures.identityNumber("06", 12));
    }

    ResultActions fileAt(DossierFixtures.World world, String receivedAt) throws Exception {
        return mvc.perform(post("/api/v1/dossiers").with(httpBasic(world.deskOfficer().username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(filing(world.procedure().code(), receivedAt)));
    }

    String file(DossierFixtures.World world) throws Exception {
        return JsonPath.read(fileAt(world, null).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.code");
    }

    ResultActions act(String code, String action, StaffView who, String json) throws Exception {
        return mvc.perform(post("/api/v1/dossiers/" + code + "/" + action).with(httpBasic(who.username(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json == null ? "{}" : json));
    }

    /** The dossier and its history as the API shows them, to compare before and after a refused act. */
    String snapshot(String code) throws Exception {
        return mvc.perform(get("/api/v1/dossiers/" + code).with(httpBasic(w.leader().username(), Fixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString()
                + mvc.perform(get("/api/v1/dossiers/" + code + "/history").with(httpBasic(w.leader().username(), Fixtures.PASSWORD)))
                .andReturn().getResponse().getContentAsString();
    }

    List<HistoryView> history(String code) {
        return dossiers.history(code, OfficerScope.everything(null));
    }

    // --- forward -----------------------------------------------------------------------------------

    @Test
    void aForwardGoesOnlyToTheNextStepsUnitOrAUnitUnderItAndAnythingElseChangesNothing() throws Exception {
        String code = file(w);
        act(code, "forward", w.deskOfficer(), null).andExpect(status().isOk()); // to the division (step 2)
        UnitView stranger = fixtures.agency("Sở Không Có Trong Quy Trình");
        String before = snapshot(code);
        for (long unit : List.of(stranger.id(), w.desk().id(), fixtures.province().id())) {
            act(code, "forward", w.specialist(), "{\"toUnit\":" + unit + "}")
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.rule").value("forward-unit-not-allowed"));
        }
        assertThat(snapshot(code)).isEqualTo(before);

        // the next step's own unit, named, is the workflow; so is a unit under it
        UnitView office = fixtures.child(w.agency(), "Văn phòng Sở", UnitKind.DIVISION);
        act(code, "forward", w.specialist(), "{\"toUnit\":" + office.id() + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.handlingUnit.id").value(Math.toIntExact(office.id())));
    }

    @Test
    void anInterAgencyProcedureMayForwardToAUnitItNamesButNotElsewhere() throws Exception {
        DossierFixtures.World inter = dossierFixtures.world(true);
        String code = file(inter);
        act(code, "forward", inter.deskOfficer(), null).andExpect(status().isOk());
        UnitView stranger = fixtures.agency("Sở Ngoài Liên Thông");
        act(code, "forward", inter.specialist(), "{\"toUnit\":" + stranger.id() + "}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("forward-unit-not-allowed"));
        // the receiving desk is named by the procedure's workflow: an inter-agency hand-over may go there
        act(code, "forward", inter.specialist(), "{\"toUnit\":" + inter.desk().id() + ",\"note\":\"Lấy ý kiến bộ phận một cửa\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.handlingUnit.id").value(Math.toIntExact(inter.desk().id())));
    }

    @Test
    void theForwardFormOffersOnlyAllowedUnitsAndThePageRefusesAnyOther() throws Exception {
        String code = file(w);
        dossiers.act(code, Action.FORWARD, Act.empty(), w.deskPrincipal());
        Document page = Jsoup.parse(mvc.perform(get("/dossiers/" + code).with(user(w.specialistPrincipal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> offered = page.select("#toUnit-forward option").eachAttr("value");
        assertThat(offered).contains("", String.valueOf(w.agency().id()))
                .doesNotContain(String.valueOf(w.desk().id()), String.valueOf(fixtures.province().id()));

        UnitView stranger = fixtures.agency("Sở Trang Người Lạ");
        String before = snapshot(code);
        MvcResult refused = mvc.perform(post("/dossiers/" + code + "/forward").with(user(w.specialistPrincipal())).with(csrf())
                        .param("toUnit", String.valueOf(stranger.id())))
                .andExpect(redirectedUrl("/dossiers/" + code)).andReturn();
        assertThat((String) refused.getFlashMap().get("flashError")).contains("bước tiếp theo");
        assertThat(snapshot(code)).isEqualTo(before);
    }

    // --- complete ----------------------------------------------------------------------------------

    @Test
    void completingWhileStepsAreUnfinishedNeedsTheLeadersReasonKeptInTheHistory() throws Exception {
        String code = file(w);
        act(code, "forward", w.deskOfficer(), null).andExpect(status().isOk()); // at the division; the leader's step is ahead
        String before = snapshot(code);
        act(code, "complete", w.leader(), "{\"resultNumber\":\"3/GP\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("complete-steps-unfinished"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Phê duyệt")));
        act(code, "complete", w.leader(), "{\"resultNumber\":\"3/GP\",\"skipReason\":\"   \"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("complete-steps-unfinished"));
        assertThat(snapshot(code)).isEqualTo(before);

        act(code, "complete", w.leader(), "{\"resultNumber\":\"3/GP\",\"skipReason\":\"Giám đốc sở trực tiếp xem xét, ký ngay\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.statusCode").value(9));
        HistoryView row = history(code).get(history(code).size() - 1);
        assertThat(row.action()).isEqualTo("complete");
        assertThat(row.reason()).isEqualTo("Giám đốc sở trực tiếp xem xét, ký ngay");
        assertThat(row.details()).containsEntry("skippedSteps", List.of("Phê duyệt"));
    }

    @Test
    void completingAtTheLeadersOwnStepAsksNoReason() throws Exception {
        String code = file(w);
        act(code, "forward", w.deskOfficer(), null);
        act(code, "forward", w.specialist(), null);
        act(code, "complete", w.leader(), "{\"resultNumber\":\"4/GP\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.statusCode").value(9));
        assertThat(history(code).get(history(code).size() - 1).reason()).isNull();
    }

    @Test
    void thePageAsksWhyStepsAreSkippedAndKeepsTheReason() throws Exception {
        String code = file(w);
        dossiers.act(code, Action.FORWARD, Act.empty(), w.deskPrincipal());
        Document page = Jsoup.parse(mvc.perform(get("/dossiers/" + code).with(user(w.leaderPrincipal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action$=/complete] textarea[name=skipReason]")).hasSize(1);
        assertThat(page.select("#skipReason-help").text()).contains("Phê duyệt");

        String before = snapshot(code);
        MvcResult refused = mvc.perform(post("/dossiers/" + code + "/complete").with(user(w.leaderPrincipal())).with(csrf())
                        .param("resultNumber", "8/GP"))
                .andExpect(redirectedUrl("/dossiers/" + code)).andReturn();
        assertThat((String) refused.getFlashMap().get("flashError")).contains("Phê duyệt");
        assertThat(snapshot(code)).isEqualTo(before);

        mvc.perform(post("/dossiers/" + code + "/complete").with(user(w.leaderPrincipal())).with(csrf())
                        .param("resultNumber", "8/GP").param("skipReason", "Theo chỉ đạo của UBND tỉnh"))
                .andExpect(redirectedUrl("/dossiers/" + code));
        assertThat(dossiers.get(code, OfficerScope.everything(null)).statusCode()).isEqualTo(9);
        assertThat(history(code).get(history(code).size() - 1).reason()).isEqualTo("Theo chỉ đạo của UBND tỉnh");
    }

    // --- receivedAt ----------------------------------------------------------------------------------

    @Test
    void aReceiptTimeEarlierTodayIsAcceptedAndRecordedAsBackDated() throws Exception {
        String body = fileAt(w, "2026-03-02T07:45:00+07:00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.receivedAt").value("2026-03-02T07:45:00+07:00"))
                .andExpect(jsonPath("$.appointmentAt").value("2026-03-09T07:45:00+07:00"))
                .andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(body, "$.code");
        List<HistoryView> rows = history(code);
        assertThat(rows).extracting(HistoryView::action).containsExactly("file", "receive");
        // both rows carry the instant of the act; the receive row says when the clock started and that it was back-dated
        assertThat(rows).extracting(h -> h.at().toInstant()).containsOnly(MONDAY_9);
        assertThat(rows.get(1).details()).containsEntry("backDated", true)
                .containsEntry("receivedAt", Instant.parse("2026-03-02T00:45:00Z").toString());
        assertThat(audit.about("dossier", code, 10)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("dossier.received.back-dated");
            assertThat(e.actor()).isEqualTo(w.deskOfficer().username());
        });
    }

    @Test
    void aReceiptTimeBeforeTodaysOpeningOrInTheFutureIsRefusedByANamedRule() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM dossier WHERE receiving_unit_id = ?").param(w.desk().id())
                .query(Long.class).single();
        for (String earlier : List.of("2026-02-27T16:00:00+07:00", "2026-03-01T10:00:00+07:00", "2026-03-02T07:00:00+07:00")) {
            fileAt(w, earlier).andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.rule").value("received-at-before-working-day"));
        }
        fileAt(w, "2026-03-02T09:10:00+07:00").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("received-at-future"));
        assertThat(jdbc.sql("SELECT count(*) FROM dossier WHERE receiving_unit_id = ?").param(w.desk().id())
                .query(Long.class).single()).isEqualTo(before);

        // a few seconds ahead is the desk's clock, not the future: taken as now, not back-dated
        String code = JsonPath.read(fileAt(w, "2026-03-02T09:00:30+07:00").andExpect(status().isCreated())
                .andExpect(jsonPath("$.receivedAt").value("2026-03-02T09:00:00+07:00"))
                .andReturn().getResponse().getContentAsString(), "$.code");
        assertThat(history(code).get(1).details()).doesNotContainKey("backDated");
        assertThat(audit.about("dossier", code, 10)).isEmpty();
    }

    // --- one clock per act -------------------------------------------------------------------------

    @Test
    void everyRowOfOneActCarriesTheOneInstantOfTheActInOrder() throws Exception {
        // each reading of the clock answers a later instant: an act that reads it twice shows it
        clock.tick(MONDAY_9, Duration.ofMillis(3));
        String body = fileAt(w, null).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(body, "$.code");
        List<HistoryView> rows = history(code);
        assertThat(rows).extracting(HistoryView::action).containsExactly("file", "receive");
        assertThat(rows.get(0).at()).isEqualTo(rows.get(1).at());
        DossierView d = dossiers.get(code, OfficerScope.everything(null));
        assertThat(d.filedAt()).isEqualTo(d.receivedAt());
        assertThat(d.receivedAt()).isEqualTo(rows.get(1).at());

        act(code, "forward", w.deskOfficer(), null).andExpect(status().isOk());
        DossierView forwarded = dossiers.get(code, OfficerScope.everything(null));
        HistoryView forward = history(code).get(2);
        assertThat(forwarded.steps().get(0).finishedAt()).isEqualTo(forward.at());
        assertThat(forwarded.steps().get(1).startedAt()).isEqualTo(forward.at());
        List<Instant> handovers = jdbc.sql("""
                SELECT h.handed_at FROM dossier_handover h JOIN dossier d ON d.id = h.dossier_id WHERE d.code = ?""")
                .param(code).query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
        assertThat(handovers).containsExactly(forward.at().toInstant());
    }
}
