package vn.motcua.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The Decision 766 index from dossiers made through the dossier module's
 * service with a pinned clock, each figure worked out by hand below; the
 * drill-down lists exactly the dossiers behind each figure; a weight changed
 * from a later date changes only later periods; bad input is a problem.
 */
class IndicatorIndexTests extends IntegrationTest {

    static final Instant MAR_2 = IndicatorFixtures.MAR_2;

    static final LocalDate Q1_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate Q1_TO = LocalDate.of(2026, 3, 31);
    static final LocalDate Q2_FROM = LocalDate.of(2026, 4, 1);
    static final LocalDate Q2_TO = LocalDate.of(2026, 6, 30);

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    IndicatorService indicators;

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void quietNationalPortal() {
        testsupport.farside.FarSides.NATIONAL_PORTAL.reset(); // acknowledges nothing: no dossier here gets synced
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    @Autowired
    IndicatorFixtures data;

    IndicatorFixtures.Quarter agencyA() {
        return data.quarter();
    }

    String atDesk(DossierFixtures.World w, Instant at) {
        return data.atDesk(w, at);
    }

    String online(DossierFixtures.World w, Instant at) {
        return data.online(w, at);
    }

    void act(String code, Action a, StaffPrincipal who, Instant at) {
        data.act(code, a, who, at);
    }

    record Row(String indicator, Long numerator, Long denominator, String rate, String points) {
    }

    static void check(IndexView v, List<Row> rows) {
        for (Row r : rows) {
            IndexView.IndicatorView i = v.groups().stream().flatMap(g -> g.indicators().stream())
                    .filter(x -> x.id().equals(r.indicator())).findFirst().orElseThrow();
            assertThat(i.numerator()).as(r.indicator() + " numerator").isEqualTo(r.numerator());
            assertThat(i.denominator()).as(r.indicator() + " denominator").isEqualTo(r.denominator());
            assertThat(i.rate()).as(r.indicator() + " rate").isEqualTo(r.rate() == null ? null : new BigDecimal(r.rate()));
            assertThat(i.points()).as(r.indicator() + " points").isEqualTo(new BigDecimal(r.points()));
        }
    }

    static BigDecimal group(IndexView v, String id) {
        return v.groups().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow().score();
    }

    @Test
    void theIndexOfAQuarterIsTheOneWorkedOutByHand() throws Exception {
        IndicatorFixtures.Quarter q = agencyA();
        IndexView v = indicators.index(q.w().agency().id(), Q1_FROM, Q1_TO, OfficerScope.everything(null));
        check(v, List.of(
                // (D1, D5 early + D4 within the deadline) ÷ (D1, D2, D5 finished + D3, D8 due and open + D4) = 3/6
                new Row("ON_TIME", 3L, 6L, "50.00", "10.00"),
                // D5 online of six received (D6 was never received); below the 50% threshold: 12 × 16.67 ÷ 50
                new Row("ONLINE_FULL_PROCESS", 1L, 6L, "16.67", "4.00"),
                // three completed in Q1, none with an electronic result, digitised papers or reused data
                new Row("ORIGINAL_RESULT_AVAILABLE", 0L, 3L, "0.00", "0.00"),
                new Row("SO_HOA_GIAY_TO_GIAI_QUYET", 0L, 3L, "0.00", "0.00"),
                new Row("REUSED_DIGITIZED_DATA", 0L, 3L, "0.00", "0.00"),
                // no source yet: no figure, full points (the national rule for missing data)
                new Row("PUBLISH_ON_TIME", null, null, null, "6.00"),
                new Row("ONLINE_PAYMENT_PROCEDURES", null, null, null, "2.00"),
                // the outside systems are connected (the tests' far sides) but told nothing of these dossiers:
                // none of the six received was acknowledged by the national portal, paid online (the procedure
                // takes a fee) or filed with population data
                new Row("DOSSIER_SYNC", 0L, 6L, "0.00", "0.00"),
                new Row("ONLINE_PAYMENT_DOSSIERS", 0L, 6L, "0.00", "0.00"),
                new Row("CITIZEN_DATA_CONNECTED_DOSSIER", 0L, 6L, "0.00", "0.00"),
                new Row("CITIZEN_DATA_CONNECTED_FORMALITY", 0L, 1L, "0.00", "0.00"),
                // no PAKN routed to the agency: N/A, full points
                new Row("PETITION_PROCESSING_ON_TIME", 0L, 0L, null, "6.00"),
                new Row("PETITION_HANDLING_SATISFACTION", 0L, 0L, null, "6.00"),
                // D1, D5 early of D1, D2, D5 finished; nobody dissatisfied: 66.67% below 90% → 6 × 66.67 ÷ 90
                new Row("DOSSIER_RECEIVING_SATISFACTION", 2L, 3L, "66.67", "4.44")));
        assertThat(group(v, "CKMB")).isEqualByComparingTo("12"); // the three without a source (6 + 4 + 2) + 0
        assertThat(group(v, "TDGQ")).isEqualByComparingTo("10");
        assertThat(group(v, "CLGQ")).isEqualByComparingTo("4");
        assertThat(group(v, "TTTT")).isEqualByComparingTo("4"); // the two rows of unpublished method (2 + 2) + 0
        assertThat(group(v, "MDSH")).isEqualByComparingTo("6"); // 0 + 0 + 0 + the two without a source (2 + 4) + 0 + 0
        assertThat(group(v, "MDHL")).isEqualByComparingTo("16.44");
        assertThat(v.total()).isEqualByComparingTo("52.44");
        assertThat(v.band()).isEqualTo("AVERAGE");
        assertThat(v.weakest()).first().extracting(IndexView.IndicatorView::id).isEqualTo("ON_TIME");

        // the API answers the same figures
        mvc.perform(get("/api/v1/indicators/766").param("unit", String.valueOf(q.w().agency().id()))
                        .param("from", "2026-01-01").param("to", "2026-03-31").with(user(q.w().leaderPrincipal())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(52.44))
                .andExpect(jsonPath("$.band").value("AVERAGE"))
                .andExpect(jsonPath("$.groups[1].id").value("TDGQ"))
                .andExpect(jsonPath("$.groups[1].indicators[0].id").value("ON_TIME"))
                .andExpect(jsonPath("$.groups[1].indicators[0].numerator").value(3))
                .andExpect(jsonPath("$.groups[1].indicators[0].denominator").value(6))
                .andExpect(jsonPath("$.groups[1].indicators[0].rate").value(50.0))
                .andExpect(jsonPath("$.groups[1].indicators[0].points").value(10.0))
                .andExpect(jsonPath("$.groups[1].indicators[0].source").doesNotExist())
                .andExpect(jsonPath("$.groups[2].indicators[0].threshold").value(50.0))
                .andExpect(jsonPath("$.groups[2].indicators[0].points").value(4.0))
                .andExpect(jsonPath("$.groups[0].indicators[0].source").value(org.hamcrest.Matchers.startsWith("no source yet")))
                .andExpect(jsonPath("$.groups[0].indicators[0].numerator").doesNotExist())
                .andExpect(jsonPath("$.groups[0].indicators[3].id").value("DOSSIER_SYNC"))
                .andExpect(jsonPath("$.groups[0].indicators[3].source").doesNotExist())
                .andExpect(jsonPath("$.groups[0].indicators[3].denominator").value(6));

        // Q2: D8 finished late on 2 April; D4 still open and due 6 April, so late at the end of June
        IndexView q2 = indicators.index(q.w().agency().id(), Q2_FROM, Q2_TO, OfficerScope.everything(null));
        check(q2, List.of(new Row("ON_TIME", 0L, 2L, "0.00", "0.00"),
                new Row("ONLINE_FULL_PROCESS", 0L, 0L, null, "12.00")));
    }

    @Test
    void aThresholdItemReachingItsThresholdScoresItsMaximum() {
        DossierFixtures.World w = dossierFixtures.world();
        atDesk(w, MAR_2);
        String online = online(w, MAR_2);
        act(online, Action.RECEIVE, w.deskPrincipal(), MAR_2);
        clock.reset();
        IndexView v = indicators.index(w.agency().id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                OfficerScope.everything(null));
        // one online of two: 50% reaches the 50% threshold → 12; both open and due 9 March → 0 of 2 on time;
        // nothing completed → the three counted digitisation items and the satisfaction are N/A and score full;
        // neither synced, paid online nor filed with population data → 0 of 6, 6, 2 and 2
        check(v, List.of(new Row("ONLINE_FULL_PROCESS", 1L, 2L, "50.00", "12.00"),
                new Row("ON_TIME", 0L, 2L, "0.00", "0.00"),
                new Row("ORIGINAL_RESULT_AVAILABLE", 0L, 0L, null, "6.00"),
                new Row("DOSSIER_RECEIVING_SATISFACTION", 0L, 0L, null, "6.00"),
                new Row("DOSSIER_SYNC", 0L, 2L, "0.00", "0.00")));
        assertThat(v.total()).isEqualByComparingTo("64");
        assertThat(v.band()).isEqualTo("AVERAGE");
    }

    @Test
    void theDrillDownListsExactlyTheDossiersBehindEachFigure() throws Exception {
        IndicatorFixtures.Quarter q = agencyA();
        long unit = q.w().agency().id();
        IndexView v = indicators.index(unit, Q1_FROM, Q1_TO, OfficerScope.everything(null));
        for (IndexView.GroupView g : v.groups()) {
            for (IndexView.IndicatorView i : g.indicators()) {
                if (i.source() != null) {
                    continue;
                }
                DrillDown d = indicators.dossiers(i.id(), unit, Q1_FROM, Q1_TO, OfficerScope.everything(null), 0, 1000);
                assertThat(d.numeratorCount()).as(i.id()).isEqualTo(i.numerator());
                assertThat(d.denominatorCount()).as(i.id()).isEqualTo(i.denominator());
                assertThat(d.denominator()).containsAll(d.numerator());
            }
        }
        Map<String, String> c = q.codes();
        String json = mvc.perform(get("/api/v1/indicators/766/ON_TIME/dossiers").param("unit", String.valueOf(unit))
                        .param("from", "2026-01-01").param("to", "2026-03-31").with(user(q.w().leaderPrincipal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> num = JsonPath.read(json, "$.numerator");
        List<String> den = JsonPath.read(json, "$.denominator");
        assertThat(num).containsExactlyInAnyOrder(c.get("D1"), c.get("D5"), c.get("D4"));
        assertThat(den).containsExactlyInAnyOrder(c.get("D1"), c.get("D2"), c.get("D3"), c.get("D4"), c.get("D5"), c.get("D8"));
        List<String> late = JsonPath.read(json, "$.lines[?(@.basis == 'OPEN_LATE')].code");
        assertThat(late).containsExactlyInAnyOrder(c.get("D3"), c.get("D8"));
    }

    @Test
    void aWeightChangedFromALaterDateChangesOnlyLaterPeriods() {
        IndicatorFixtures.Quarter q = agencyA();
        long unit = q.w().agency().id();
        try {
            indicators.setWeight("ON_TIME", Q2_FROM, new BigDecimal("30"), null, "test");
            IndexView q1 = indicators.index(unit, Q1_FROM, Q1_TO, OfficerScope.everything(null));
            check(q1, List.of(new Row("ON_TIME", 3L, 6L, "50.00", "10.00")));
            assertThat(q1.groups().get(1).max()).isEqualByComparingTo("20");
            IndexView apr = indicators.index(unit, Q2_FROM, Q2_TO, OfficerScope.everything(null));
            assertThat(apr.groups().get(1).max()).isEqualByComparingTo("30");
            assertThat(apr.methodFrom()).isEqualTo(Q2_FROM);
        } finally {
            jdbc.sql("DELETE FROM ind_weight WHERE effective_from = ?").param(Q2_FROM).update();
        }
    }

    @Test
    void theAdministratorChangesAWeightFromADateOnThePage() throws Exception {
        StaffPrincipal admin = DossierFixtures.World.principal(fixtures.staff(Role.ADMIN, fixtures.province()));
        LocalDate day = LocalDate.of(2099, 1, 1);
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/indicators/method/weights")
                            .param("indicator", "ONLINE_FULL_PROCESS").param("effectiveFrom", day.toString())
                            .param("maxPoints", "12").param("threshold", "80")
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                            .with(user(admin)))
                    .andExpect(status().is3xxRedirection());
            assertThat(indicators.weightsOn(day).get("ONLINE_FULL_PROCESS").threshold()).isEqualByComparingTo("80");
            assertThat(indicators.weightsOn(day.minusDays(1)).get("ONLINE_FULL_PROCESS").threshold()).isEqualByComparingTo("50");
            String html = mvc.perform(get("/indicators/method").with(user(admin))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(org.jsoup.Jsoup.parse(html).select("#weight-history td").eachText()).contains("2099-01-01");
            // a threshold above 100 is refused on the form, nothing saved
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/indicators/method/weights")
                            .param("indicator", "ON_TIME").param("effectiveFrom", day.toString())
                            .param("maxPoints", "20").param("threshold", "120")
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                            .with(user(admin)))
                    .andExpect(status().isOk());
            assertThat(indicators.weightsOn(day).get("ON_TIME").effectiveFrom()).isBefore(day);
        } finally {
            jdbc.sql("DELETE FROM ind_weight WHERE effective_from = ?").param(day).update();
        }
    }

    @Test
    void theAdministratorChangesTheBandsFromADateOnThePage() throws Exception {
        StaffPrincipal admin = DossierFixtures.World.principal(fixtures.staff(Role.ADMIN, fixtures.province()));
        LocalDate day = LocalDate.of(2098, 1, 1);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/indicators/method/bands")
                            .param("effectiveFrom", day.toString()).param("band.EXCELLENT", "95").param("band.GOOD", "85")
                            .param("band.FAIR", "70").param("band.AVERAGE", "50").param("band.WEAK", "0")
                            .with(csrf).with(user(admin)))
                    .andExpect(status().is3xxRedirection());
            assertThat(indicators.bandsOn(day)).extracting(Band::code).containsExactly("EXCELLENT", "GOOD", "FAIR", "AVERAGE", "WEAK");
            assertThat(indicators.bandsOn(day)).extracting(b -> b.minScore().intValueExact()).containsExactly(95, 85, 70, 50, 0);
            // the day before keeps the bands it had: 90 for excellent
            assertThat(indicators.bandsOn(day.minusDays(1)).get(0).minScore()).isEqualByComparingTo("90");
            // a total of 92 is excellent before the change and good after it
            assertThat(vn.motcua.indicators.internal.Scoring.band(new BigDecimal("92"), indicators.bandsOn(day.minusDays(1))))
                    .isEqualTo("EXCELLENT");
            assertThat(vn.motcua.indicators.internal.Scoring.band(new BigDecimal("92"), indicators.bandsOn(day))).isEqualTo("GOOD");

            // minimums that do not fall from the highest band down are refused on the page; nothing changes
            String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/indicators/method/bands")
                            .param("effectiveFrom", day.toString()).param("band.EXCELLENT", "60").param("band.GOOD", "80")
                            .with(csrf).with(user(admin)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(org.jsoup.Jsoup.parse(html).select("#bands-form .alert-danger").text())
                    .isEqualTo("Điểm tối thiểu phải giảm dần từ mức cao xuống mức thấp");
            assertThat(indicators.bandsOn(day)).hasSize(5);
            assertThat(indicators.bandsOn(day).get(0).minScore()).isEqualByComparingTo("95");
            // a minimum finer than the stored two decimals is refused too
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> indicators.setBands(day,
                            java.util.Map.of("EXCELLENT", new BigDecimal("80.004"), "GOOD", new BigDecimal("79.999")), "test"))
                    .isInstanceOf(vn.motcua.shared.InvalidInput.class);
            assertThat(indicators.bandsOn(day).get(0).minScore()).isEqualByComparingTo("95");
            // a supervisor reads the method but cannot change it
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/indicators/method/bands")
                            .param("effectiveFrom", day.toString()).param("band.WEAK", "0")
                            .with(csrf).with(user(DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province())))))
                    .andExpect(status().isForbidden());
            assertThat(indicators.bandsOn(day)).hasSize(5);
        } finally {
            jdbc.sql("DELETE FROM ind_band WHERE effective_from = ?").param(day).update();
        }
    }

    @Test
    void leadersSeeTheirUnitsSupervisorsAllOthersNothing() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        DossierFixtures.World other = dossierFixtures.world();
        String unit = String.valueOf(w.agency().id());
        call(unit, w.leaderPrincipal()).andExpect(status().isOk());
        call(unit, other.leaderPrincipal()).andExpect(status().isNotFound());
        call(unit, w.specialistPrincipal()).andExpect(status().isForbidden());
        call(unit, w.deskPrincipal()).andExpect(status().isForbidden());
        StaffPrincipal supervisor = DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
        call(unit, supervisor).andExpect(status().isOk());
        call(String.valueOf(fixtures.province().id()), w.leaderPrincipal()).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators/766/ranking").param("level", "PROVINCE").param("from", "2026-01-01")
                        .param("to", "2026-03-31").with(user(w.leaderPrincipal())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(1))
                .andExpect(jsonPath("$.units[0].unit.id").value(w.agency().id()));
    }

    ResultActions call(String unit, StaffPrincipal who) throws Exception {
        return mvc.perform(get("/api/v1/indicators/766").param("unit", unit).param("from", "2026-01-01")
                .param("to", "2026-03-31").with(user(who)));
    }

    @Test
    void badInputIsAProblem() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        StaffPrincipal me = w.leaderPrincipal();
        String unit = String.valueOf(w.agency().id());
        mvc.perform(get("/api/v1/indicators/766").param("unit", unit).param("from", "2026-04-01").param("to", "2026-03-31")
                        .with(user(me)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/indicators/766").param("unit", unit).param("from", "2026-13-01").param("to", "2026-03-31")
                .with(user(me))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/indicators/766").param("unit", "999999999").param("from", "2026-01-01")
                .param("to", "2026-03-31").with(user(me))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators/766/NO_SUCH/dossiers").param("unit", unit).param("from", "2026-01-01")
                .param("to", "2026-03-31").with(user(me))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators/766/ranking").param("level", "DISTRICT").param("from", "2026-01-01")
                .param("to", "2026-03-31").with(user(me))).andExpect(status().isBadRequest());
    }

    @Test
    void aUnitWithoutDossiersIsListedAsNoDataNotRankedFirst() throws Exception {
        vn.motcua.organization.UnitView empty = fixtures.agency("Sở Chưa Có Hồ Sơ " + System.nanoTime());
        StaffPrincipal supervisor = DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
        String body = mvc.perform(get("/api/v1/indicators/766/ranking").param("level", "PROVINCE").param("from", "2026-01-01")
                        .param("to", "2026-03-31").with(user(supervisor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<java.util.Map<String, Object>> units = com.jayway.jsonpath.JsonPath.read(body, "$.units[*]");
        java.util.Map<String, Object> row = units.stream()
                .filter(u -> ((Number) ((java.util.Map<?, ?>) u.get("unit")).get("id")).longValue() == empty.id())
                .findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(row.get("rank")).isEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(row.get("total")).isNull();
        org.assertj.core.api.Assertions.assertThat(row.get("band")).isNull();
        for (java.util.Map<String, Object> u : units) {
            if (((Number) u.get("rank")).intValue() > 0) {
                org.assertj.core.api.Assertions.assertThat(((Number) u.get("dossiers")).longValue()).isPositive();
            }
        }
        mvc.perform(get("/indicators/ranking").param("level", "PROVINCE").param("from", "2026-01-01")
                        .param("to", "2026-03-31").with(user(supervisor)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Chưa có dữ liệu")));
    }
}
