package vn.motcua.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * Each conduct pattern planted through the dossier module's service raises
 * exactly its signal; a clean lifecycle raises none; edited thresholds
 * change the outcome.
 */
class SignalRulesTests extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Vietnam. */
    static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    ConductSignals signals;

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

    String file() {
        return file(null);
    }

    String file(OffsetDateTime receivedAt) {
        FileDossier cmd = new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Lê Văn Giám Sát", "001099012345", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), w.desk().id(), receivedAt);
        return dossiers.file(cmd, w.deskPrincipal()).code();
    }

    void act(String code, DossierAct act, StaffPrincipal who) {
        dossiers.act(code, act, null, who);
    }

    void at(Instant t) {
        clock.pin(t);
    }

    /** The rules of the signals about this dossier, in order. */
    List<String> rulesOf(String code) {
        return jdbc.sql("SELECT rule_code FROM sv_signal WHERE dossier_code = ? ORDER BY id").param(code)
                .query(String.class).list();
    }

    /** A clean journey: receive, forward, supplement once, examine, approve, return, all on time. */
    String cleanLifecycle() {
        String code = file();
        act(code, new DossierAct.ForwardDossier(null, null, "Chuyển thẩm định"), w.deskPrincipal());
        at(MONDAY_9.plus(Duration.ofHours(2)));
        act(code, new DossierAct.RequestSupplement(List.of("Bản sao giấy khai sinh"), "Thiếu bản sao giấy khai sinh"),
                w.specialistPrincipal());
        at(MONDAY_9.plus(Duration.ofHours(5)));
        act(code, new DossierAct.ConfirmSupplement(), w.deskPrincipal());
        at(MONDAY_9.plus(Duration.ofHours(6)));
        act(code, new DossierAct.ForwardDossier(null, null, null), w.specialistPrincipal());
        act(code, new DossierAct.CompleteDossier("12/GP", null, null), w.leaderPrincipal());
        act(code, new DossierAct.ReturnResult(Channel.IN_PERSON), w.deskPrincipal());
        return code;
    }

    @Test
    void aCleanLifecycleRaisesNothingEvenAfterTheSweep() {
        String code = cleanLifecycle();
        signals.sweep();
        assertThat(rulesOf(code)).isEmpty();
        Map<String, Object> row = jdbc.sql("SELECT status, timing, supplement_requests FROM sv_dossier WHERE code = ?")
                .param(code).query().singleRow();
        assertThat(((Number) row.get("status")).intValue()).isEqualTo(10);
        assertThat(((Number) row.get("supplement_requests")).intValue()).isEqualTo(1);
        assertThat(row.get("timing")).isIn("EARLY", "ON_TIME");
    }

    @Test
    void aSecondSupplementAttemptIsSignalledAgainstTheOfficer() {
        String code = file();
        act(code, new DossierAct.ForwardDossier(null, null, null), w.deskPrincipal());
        act(code, new DossierAct.RequestSupplement(List.of("Bản sao"), "Thiếu bản sao có chứng thực"), w.specialistPrincipal());
        act(code, new DossierAct.ConfirmSupplement(), w.deskPrincipal());
        assertThatThrownBy(() -> act(code, new DossierAct.RequestSupplement(List.of("Bản chính"), "Lần hai thiếu bản chính"),
                w.specialistPrincipal())).isInstanceOf(DomainRuleViolation.class);

        assertThat(rulesOf(code)).containsExactly("supplement-repeated");
        Map<String, Object> s = jdbc.sql("SELECT subject_type, subject_id, unit_id FROM sv_signal WHERE dossier_code = ?")
                .param(code).query().singleRow();
        assertThat(s).containsEntry("subject_type", "OFFICER").containsEntry("subject_id", String.valueOf(w.specialist().id()));
    }

    @Test
    void aStopWithAMeaninglessReasonIsSignalledAndTheThresholdDecides() {
        String code = file();
        act(code, new DossierAct.ForwardDossier(null, null, null), w.deskPrincipal());
        act(code, new DossierAct.StopProcessing("Không."), w.specialistPrincipal());
        assertThat(rulesOf(code)).containsExactly("reason-missing");

        // a reason of 20 characters passes at the default (15) and fails once the supervisor asks for 40
        String fine = file();
        act(fine, new DossierAct.ForwardDossier(null, null, null), w.deskPrincipal());
        act(fine, new DossierAct.StopProcessing("Người nộp đã mất năng lực"), w.specialistPrincipal());
        assertThat(rulesOf(fine)).isEmpty();

        RuleView rule = signals.rule("reason-missing", supervisor());
        try {
            signals.updateRule("reason-missing", rule.version(), true, Map.of("minChars", "40"), supervisor(), "127.0.0.1");
            String strict = file();
            act(strict, new DossierAct.ForwardDossier(null, null, null), w.deskPrincipal());
            act(strict, new DossierAct.StopProcessing("Người nộp đã mất năng lực"), w.specialistPrincipal());
            assertThat(rulesOf(strict)).containsExactly("reason-missing");
        } finally {
            RuleView now = signals.rule("reason-missing", supervisor());
            signals.updateRule("reason-missing", now.version(), true, Map.of("minChars", "15"), supervisor(), "127.0.0.1");
        }
    }

    @Test
    void aResultSignedWithStepsSkippedIsProcessedOutsideTheSystem() {
        String code = file();
        act(code, new DossierAct.ForwardDossier(null, null, null), w.deskPrincipal());
        // the leader signs while the examination step has not been handed on
        act(code, new DossierAct.CompleteDossier("13/GP", null, "Đã thẩm định ngoài hệ thống"), w.leaderPrincipal());
        assertThat(rulesOf(code)).containsExactly("outside-system");
    }

    @Test
    void aBackDatedReceiptIsProcessedOutsideTheSystem() {
        at(MONDAY_9.plus(Duration.ofHours(6))); // 15:00, receipt written as 08:00
        String code = file(OffsetDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.ofHours(7)));
        assertThat(rulesOf(code)).containsExactly("outside-system");
        // a few minutes are within the tolerance
        String near = file(OffsetDateTime.of(2026, 3, 2, 14, 30, 0, 0, ZoneOffset.ofHours(7)));
        assertThat(rulesOf(near)).isEmpty();
    }

    @Test
    void aDossierFinishedLateWithoutAnApologyIsSignalled() {
        String code = file();
        act(code, new DossierAct.ForwardDossier(null, null, null), w.deskPrincipal());
        at(MONDAY_9.plus(Duration.ofDays(10)));
        act(code, new DossierAct.ForwardDossier(null, null, null), w.specialistPrincipal());
        act(code, new DossierAct.CompleteDossier("14/GP", null, null), w.leaderPrincipal());
        assertThat(rulesOf(code)).containsExactly("late-no-apology");
    }

    @Test
    void aSecondReappointmentAttemptIsSignalled() {
        String code = file();
        act(code, new DossierAct.ForwardDossier(null, null, null), w.deskPrincipal());
        Instant appointment = dossiers.get(code, OfficerScope.everything(null)).appointmentAt().toInstant();
        act(code, new DossierAct.Apologize(appointment.plus(Duration.ofDays(3)), "Cần xác minh thêm tại địa phương"),
                w.specialistPrincipal());
        assertThatThrownBy(() -> act(code, new DossierAct.Apologize(appointment.plus(Duration.ofDays(7)),
                "Cần xác minh thêm lần nữa"), w.specialistPrincipal())).isInstanceOf(DomainRuleViolation.class);
        assertThat(rulesOf(code)).containsExactly("reappointment-repeated");
    }

    @Test
    void theSweepFindsAStepIdleInAnOfficersHandsAndAnOverdueDossierWithoutApology() {
        String code = file();
        act(code, new DossierAct.ForwardDossier(null, w.specialist().staffId(), null), w.deskPrincipal());
        signals.sweep();
        assertThat(rulesOf(code)).isEmpty();

        at(MONDAY_9.plus(Duration.ofDays(5))); // Saturday: the examination's 3.5 days have passed, the 5 days not yet
        signals.sweep();
        assertThat(rulesOf(code)).containsExactly("idle-step");
        Map<String, Object> s = jdbc.sql("SELECT subject_type, subject_id FROM sv_signal WHERE dossier_code = ?")
                .param(code).query().singleRow();
        assertThat(s).containsEntry("subject_type", "OFFICER").containsEntry("subject_id", String.valueOf(w.specialist().id()));

        at(MONDAY_9.plus(Duration.ofDays(9)));
        signals.sweep();
        signals.sweep(); // twice: nothing more
        assertThat(rulesOf(code)).containsExactly("idle-step", "late-no-apology");
    }

    @Test
    void aRefusalRateFarAboveTheOtherUnitsIsSignalledOnceThresholdsAllow() {
        DossierFixtures.World other = dossierFixtures.world();
        // the same procedure received at a second desk: four dossiers there, none stopped
        vn.motcua.organization.UnitView otherDesk = other.desk();
        vn.motcua.organization.StaffView otherOfficer = other.deskOfficer();
        for (int i = 0; i < 4; i++) {
            dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                    new Applicant(ApplicantKind.PERSON, "Người Nộp Khác", "001099012346", null, null, null, null),
                    List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), otherDesk.id(), null),
                    DossierFixtures.World.principal(otherOfficer));
        }
        RuleView rule = signals.rule("refusal-rate", supervisor());
        signals.updateRule("refusal-rate", rule.version(), true, Map.of("minDossiers", "3", "minRefusals", "2"), supervisor(), "127.0.0.1");
        try {
            file();
            String first = stopped();
            assertThat(count("refusal-rate", w.procedure().code())).isZero(); // one refusal is below minRefusals
            stopped();
            assertThat(count("refusal-rate", w.procedure().code())).isEqualTo(1); // 2 of 3 here, 0 of 4 elsewhere
            stopped();
            assertThat(count("refusal-rate", w.procedure().code())).isEqualTo(1); // once a month per procedure and unit
            assertThat(rulesOf(first)).isEmpty();
        } finally {
            RuleView now = signals.rule("refusal-rate", supervisor());
            signals.updateRule("refusal-rate", now.version(), true, Map.of("minDossiers", "10", "minRefusals", "3"),
                    supervisor(), "127.0.0.1");
        }
    }

    private String stopped() {
        String code = file();
        act(code, new DossierAct.ForwardDossier(null, null, null), w.deskPrincipal());
        act(code, new DossierAct.StopProcessing("Hồ sơ không đủ điều kiện theo quy định hiện hành"), w.specialistPrincipal());
        return code;
    }

    private long count(String rule, String subject) {
        return jdbc.sql("SELECT count(*) FROM sv_signal WHERE rule_code = ? AND subject_id = ?").params(rule, subject)
                .query(Long.class).single();
    }

    StaffPrincipal supervisor() {
        var s = fixtures.staff(vn.motcua.organization.Role.SUPERVISOR, fixtures.province());
        return DossierFixtures.World.principal(s);
    }
}
