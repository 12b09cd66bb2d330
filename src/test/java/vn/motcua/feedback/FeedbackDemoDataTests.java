package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.organization.OrganizationService;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/** The demo profile's public voice: a few dozen PAKN in every status, ratings, assessments, surveys with answers, consultations. */
class FeedbackDemoDataTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedbackService feedback;

    @Autowired
    OrganizationService org;

    @Test
    void theDemoHasPaknInEveryStatusAndSurveysWithAnswers() {
        Map<String, Long> byStatus = jdbc.sql("SELECT status, count(*) FROM feedback WHERE code LIKE 'PAKN-%' GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byStatus.keySet()).containsAll(java.util.Arrays.stream(FeedbackStatus.values()).map(Enum::name).toList());
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(30);
        var desk = DossierFixtures.World.principal(org.findStaffByUsername("motcua.tinh").orElseThrow());
        assertThat(feedback.isDesk(desk)).isTrue();
        assertThat(feedback.counts(desk).get(FeedbackQueue.OVERDUE)).isPositive();
        var specialist = DossierFixtures.World.principal(org.findStaffByUsername("chuyenvien.tuphap").orElseThrow());
        assertThat(feedback.counts(specialist).get(FeedbackQueue.ALL)).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE answered_at IS NOT NULL").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(DISTINCT status) FROM survey").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM assessment").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM consultation").query(Long.class).single()).isGreaterThanOrEqualTo(3);
        // the ratings reach the module's own copy through the portal's events
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM satisfaction_rating")
                .query(Long.class).single() > 50);
    }
}
