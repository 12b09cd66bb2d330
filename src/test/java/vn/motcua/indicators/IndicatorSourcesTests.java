package vn.motcua.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.feedback.FeedbackAnswerRated;
import vn.motcua.feedback.FeedbackAnswered;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackFiled;
import vn.motcua.feedback.FeedbackKind;
import vn.motcua.feedback.FeedbackRating;
import vn.motcua.feedback.FeedbackReceived;
import vn.motcua.feedback.FeedbackRefused;
import vn.motcua.feedback.FeedbackSubject;
import vn.motcua.integration.DossierSynced;
import vn.motcua.integration.PaymentReceived;
import vn.motcua.integration.PopulationDataUsed;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.UnitId;
import vn.motcua.portal.DossierRated;
import vn.motcua.portal.RatingService;
import vn.motcua.support.IntegrationTest;

/**
 * The indicators fed by the other modules' events — feedback handling (PAKN),
 * satisfaction with dossier handling, national sync, online payment,
 * population data — computed by hand over the quarter of
 * {@link IndicatorFixtures#quarter()} plus events published as their modules
 * publish them; an event seen twice changes nothing; each figure equals its
 * drill-down.
 */
class IndicatorSourcesTests extends IntegrationTest {

    static final LocalDate Q1_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate Q1_TO = LocalDate.of(2026, 3, 31);
    static final Instant FEB_20 = Instant.parse("2026-02-20T03:00:00Z");
    static final Instant MAR_2 = IndicatorFixtures.MAR_2;
    static final Instant MAR_3 = IndicatorFixtures.MAR_3;
    static final Instant MAR_16 = IndicatorFixtures.MAR_16;
    static final Instant MAR_30 = IndicatorFixtures.MAR_30;
    static final Instant APR_10 = Instant.parse("2026-04-10T03:00:00Z");

    @Autowired
    IndicatorFixtures data;

    @Autowired
    IndicatorService indicators;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void quietNationalPortal() {
        testsupport.farside.FarSides.NATIONAL_PORTAL.reset();
    }

    void publish(Object... es) {
        tx.executeWithoutResult(s -> {
            for (Object e : es) {
                events.publishEvent(e);
            }
        });
    }

    static IndexView.IndicatorView find(IndexView v, String id) {
        return v.groups().stream().flatMap(g -> g.indicators().stream()).filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow();
    }

    static void figure(IndexView v, String id, long num, long den, String rate, String points) {
        IndexView.IndicatorView i = find(v, id);
        assertThat(i.source()).as(id + " source").isNull();
        assertThat(i.numerator()).as(id + " numerator").isEqualTo(num);
        assertThat(i.denominator()).as(id + " denominator").isEqualTo(den);
        assertThat(i.rate()).as(id + " rate").isEqualTo(rate == null ? null : new BigDecimal(rate));
        assertThat(i.points()).as(id + " points").isEqualTo(new BigDecimal(points));
    }

    IndexView q1(long unit) {
        return indicators.index(unit, Q1_FROM, Q1_TO, OfficerScope.everything(null));
    }

    @Test
    void feedbackHandlingIsCountedFromTheFeedbackModulesEvents() {
        IndicatorFixtures.Quarter q = data.quarter();
        long agency = q.w().agency().id();
        UnitId unit = new UnitId(agency);
        String p = "PAKN-" + System.nanoTime() + "-";
        publish(
                // P1: received 2 March, due 16 March, answered on time on 3 March
                new FeedbackReceived(p + 1, unit, MAR_2, true, MAR_16),
                new FeedbackAnswered(p + 1, unit, null, MAR_3, MAR_16, true),
                // P2: received 2 March, due 16 March, still open at the quarter's end: late
                new FeedbackReceived(p + 2, unit, MAR_2, true, MAR_16),
                // P3: received 30 March, due 10 April: open within its limit at the quarter's end
                new FeedbackReceived(p + 3, unit, MAR_30, true, APR_10),
                // P4: received in February, answered on time 3 March, rated "not satisfied"
                new FeedbackReceived(p + 4, unit, FEB_20, true, MAR_16),
                new FeedbackAnswered(p + 4, unit, null, MAR_3, MAR_16, true),
                new FeedbackAnswerRated(p + 4, unit, FeedbackRating.NOT_SATISFIED, MAR_16),
                // P5: answered late on 16 March
                new FeedbackReceived(p + 5, unit, FEB_20, true, MAR_2),
                new FeedbackAnswered(p + 5, unit, null, MAR_16, MAR_2, false),
                // P6: answered on 10 April: open and due in the quarter at its end (late), answered in Q2
                new FeedbackReceived(p + 6, unit, MAR_2, true, MAR_16),
                new FeedbackAnswered(p + 6, unit, null, APR_10, MAR_16, false));
        IndexView v = q1(agency);
        // answered in Q1: P1, P4 on time, P5 late; open at the end: P2 and P6 due in Q1 (late), P3 within its limit
        // → (2 + 1) ÷ (3 + 2 + 1) = 50%
        figure(v, "PETITION_PROCESSING_ON_TIME", 3, 6, "50.00", "3.00");
        // answered in Q1: P1 on time and not rated badly; P4 rated "not satisfied"; P5 late → 1 ÷ 3
        figure(v, "PETITION_HANDLING_SATISFACTION", 1, 3, "33.33", "2.00");

        // the same events again change nothing
        publish(new FeedbackAnswered(p + 1, unit, null, MAR_30, MAR_16, false),
                new FeedbackReceived(p + 1, unit, MAR_30, false, APR_10));
        figure(q1(agency), "PETITION_PROCESSING_ON_TIME", 3, 6, "50.00", "3.00");

        DrillDown d = indicators.dossiers("PETITION_PROCESSING_ON_TIME", agency, Q1_FROM, Q1_TO, OfficerScope.everything(null), 0, 100);
        assertThat(d.numerator()).containsExactlyInAnyOrder(p + 1, p + 4, p + 3);
        assertThat(d.denominator()).containsExactlyInAnyOrder(p + 1, p + 2, p + 3, p + 4, p + 5, p + 6);
        DrillDown s = indicators.dossiers("PETITION_HANDLING_SATISFACTION", agency, Q1_FROM, Q1_TO, OfficerScope.everything(null), 0, 100);
        assertThat(s.numerator()).containsExactly(p + 1);
        assertThat(s.denominator()).containsExactlyInAnyOrder(p + 1, p + 4, p + 5);
    }

    @Test
    void aDossierRatedNotSatisfiedOrNamedByAPaknIsNotSatisfactory() throws Exception {
        IndicatorFixtures.Quarter q = data.quarter();
        long agency = q.w().agency().id();
        Map<String, String> c = q.codes();
        // D1, D5 finished early, D2 late: 2 of 3 before anyone spoke
        figure(q1(agency), "DOSSIER_RECEIVING_SATISFACTION", 2, 3, "66.67", "4.44");

        publish(new DossierRated(c.get("D1"), new UnitId(agency), q.w().procedure().code(), RatingService.Rating.NOT_SATISFIED,
                List.of("ATTITUDE"), "Chờ lâu", RatingService.Channel.PORTAL, MAR_16));
        figure(q1(agency), "DOSSIER_RECEIVING_SATISFACTION", 1, 3, "33.33", "2.22");

        String pakn = "PAKN-" + System.nanoTime();
        publish(new FeedbackFiled(pakn, FeedbackKind.REFLECTION, FeedbackSubject.DOSSIER, q.w().procedure().code(),
                new UnitId(agency), c.get("D5"), FeedbackChannel.PORTAL, MAR_16, MAR_30));
        figure(q1(agency), "DOSSIER_RECEIVING_SATISFACTION", 0, 3, "0.00", "0.00");
        DrillDown d = indicators.dossiers("DOSSIER_RECEIVING_SATISFACTION", agency, Q1_FROM, Q1_TO, OfficerScope.everything(null), 0, 100);
        assertThat(d.numerator()).isEmpty();
        assertThat(d.denominator()).containsExactlyInAnyOrder(c.get("D1"), c.get("D2"), c.get("D5"));

        // the desk refused that PAKN (outside the administration's competence): D5 counts as satisfactory again
        publish(new FeedbackRefused(pakn, MAR_30, true));
        figure(q1(agency), "DOSSIER_RECEIVING_SATISFACTION", 1, 3, "33.33", "2.22");
        d = indicators.dossiers("DOSSIER_RECEIVING_SATISFACTION", agency, Q1_FROM, Q1_TO, OfficerScope.everything(null), 0, 100);
        assertThat(d.numerator()).containsExactly(c.get("D5"));

        // a rating that is not "not satisfied" changes nothing
        publish(new DossierRated(c.get("D5"), new UnitId(agency), q.w().procedure().code(), RatingService.Rating.SATISFIED,
                List.of(), null, RatingService.Channel.PORTAL, MAR_16));
        mvc.perform(get("/api/v1/indicators/766").param("unit", String.valueOf(agency))
                        .param("from", "2026-01-01").param("to", "2026-03-31").with(user(q.w().leaderPrincipal())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[5].id").value("MDHL"))
                .andExpect(jsonPath("$.groups[5].indicators[2].id").value("DOSSIER_RECEIVING_SATISFACTION"))
                .andExpect(jsonPath("$.groups[5].indicators[2].numerator").value(1))
                .andExpect(jsonPath("$.groups[5].indicators[2].denominator").value(3))
                .andExpect(jsonPath("$.groups[5].indicators[2].threshold").value(90.0))
                .andExpect(jsonPath("$.groups[5].indicators[2].points").value(2.22));
    }

    @Test
    void syncPaymentAndPopulationDataAreCountedFromTheIntegrationModulesEvents() {
        IndicatorFixtures.Quarter q = data.quarter();
        long agency = q.w().agency().id();
        Map<String, String> c = q.codes();
        UnitId unit = new UnitId(agency);
        String procedure = q.w().procedure().code();
        publish(new DossierSynced(c.get("D1"), unit, 2, MAR_2), new DossierSynced(c.get("D2"), unit, 2, MAR_2),
                // the same dossier acknowledged again (a later status): still one dossier
                new DossierSynced(c.get("D1"), unit, 9, MAR_3),
                // D6 was never received: not in the period's dossiers
                new DossierSynced(c.get("D6"), unit, 1, MAR_2),
                new PaymentReceived(c.get("D1"), unit, procedure, 100_000, "GD-1", MAR_3),
                new PaymentReceived(c.get("D1"), unit, procedure, 100_000, "GD-1", MAR_3),
                new PopulationDataUsed(c.get("D3"), unit, procedure, MAR_2));
        IndexView v = q1(agency);
        // six received in Q1 (D1–D5, D8); the procedure takes a fee, so all six are the payment's denominator
        figure(v, "DOSSIER_SYNC", 2, 6, "33.33", "2.00");
        figure(v, "ONLINE_PAYMENT_DOSSIERS", 1, 6, "16.67", "1.00");
        figure(v, "CITIZEN_DATA_CONNECTED_DOSSIER", 1, 6, "16.67", "0.33");
        figure(v, "CITIZEN_DATA_CONNECTED_FORMALITY", 1, 1, "100.00", "2.00");

        for (String id : List.of("DOSSIER_SYNC", "ONLINE_PAYMENT_DOSSIERS", "CITIZEN_DATA_CONNECTED_DOSSIER",
                "CITIZEN_DATA_CONNECTED_FORMALITY")) {
            IndexView.IndicatorView i = find(v, id);
            DrillDown d = indicators.dossiers(id, agency, Q1_FROM, Q1_TO, OfficerScope.everything(null), 0, 100);
            assertThat(d.numeratorCount()).as(id).isEqualTo(i.numerator());
            assertThat(d.denominatorCount()).as(id).isEqualTo(i.denominator());
            assertThat(d.denominator()).as(id).containsAll(d.numerator());
        }
        assertThat(indicators.dossiers("DOSSIER_SYNC", agency, Q1_FROM, Q1_TO, OfficerScope.everything(null), 0, 100)
                .numerator()).containsExactlyInAnyOrder(c.get("D1"), c.get("D2"));
        assertThat(indicators.dossiers("CITIZEN_DATA_CONNECTED_FORMALITY", agency, Q1_FROM, Q1_TO,
                OfficerScope.everything(null), 0, 100).numerator()).containsExactly(procedure);
    }
}
