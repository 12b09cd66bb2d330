package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * What the dossier module tells the others: one {@link DossierActed} per
 * history row, with the officer, the units and the state after the act, each
 * named once by (code, version, index); each act's own event with typed ids;
 * and {@link DossierActRefused} for an act the dossier's rules refused, while
 * the refused act itself leaves nothing.
 */
@RecordApplicationEvents
class DossierActEventsTests extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Vietnam. */
    static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    ApplicationEvents events;

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

    private String fileAtDesk() {
        FileDossier cmd = new FileDossier(w.procedure().code(), null, Channel.IN_PERSON,
                new Applicant(ApplicantKind.PERSON, "Lê Văn Sự Kiện", "001099012345", null, null, null, null),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, null)), w.desk().id(), null);
        return dossiers.file(cmd, w.deskPrincipal()).code();
    }

    private List<DossierActed> acted(String code) {
        return events.stream(DossierActed.class).filter(e -> e.code().equals(code)).toList();
    }

    @Test
    void everyHistoryRowIsToldOnceWithTheOfficerAndTheUnits() {
        String code = fileAtDesk();
        dossiers.act(code, new DossierAct.ForwardDossier(null, null, "Chuyển thẩm định"), null, w.deskPrincipal());
        dossiers.act(code, new DossierAct.RequestSupplement(List.of("Bản sao sổ hộ khẩu"), "Thiếu giấy tờ"), null,
                w.specialistPrincipal());

        List<DossierActed> acts = acted(code);
        assertThat(acts).extracting(DossierActed::action)
                .containsExactly(Action.FILE, Action.RECEIVE, Action.FORWARD, Action.REQUEST_SUPPLEMENT);
        assertThat(acts).extracting(e -> e.version() + "/" + e.index()).containsExactly("0/0", "0/1", "1/0", "2/0");

        DossierActed received = acts.get(1);
        assertThat(received.from()).isEqualTo(DossierStatus.NEW);
        assertThat(received.to()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(received.actor()).isEqualTo(new StaffId(w.deskOfficer().id()));
        assertThat(received.receivingUnit()).isEqualTo(new UnitId(w.desk().id()));
        assertThat(received.procedureCode()).isEqualTo(w.procedure().code());
        assertThat(received.receivedAt()).isEqualTo(MONDAY_9);
        assertThat(received.appointmentAt()).isNotNull();

        DossierActed forwarded = acts.get(2);
        assertThat(forwarded.handlingUnit()).isEqualTo(new UnitId(w.division().id()));
        assertThat(forwarded.details()).containsEntry("stepTiming", "ON_TIME"); // the desk's step has no share of the time
        assertThat(forwarded.stepDueAt()).isAfter(MONDAY_9);

        DossierActed paused = acts.get(3);
        assertThat(paused.actor()).isEqualTo(new StaffId(w.specialist().id()));
        assertThat(paused.unit()).isEqualTo(new UnitId(w.division().id()));
        assertThat(paused.to()).isEqualTo(DossierStatus.WAITING_SUPPLEMENT);
        assertThat(paused.reason()).isEqualTo("Thiếu giấy tờ");
        assertThat(paused.supplementRequests()).isEqualTo(1);

        assertThat(events.stream(DossierReceived.class).filter(e -> e.code().equals(code)))
                .singleElement().satisfies(e -> assertThat(e.receivingUnit()).isEqualTo(new UnitId(w.desk().id())));
        assertThat(events.stream(StepCompleted.class).filter(e -> e.code().equals(code)))
                .singleElement().satisfies(e -> assertThat(e.toUnit()).isEqualTo(new UnitId(w.division().id())));
        assertThat(events.stream(ApplicantNoticesQueued.class).filter(e -> e.code().equals(code))).hasSize(2);
    }

    @Test
    void aRefusedActIsToldWithItsRuleAndChangesNothing() {
        String code = fileAtDesk();
        dossiers.act(code, new DossierAct.ForwardDossier(null, null, null), null, w.deskPrincipal());
        dossiers.act(code, new DossierAct.RequestSupplement(List.of("Bản sao"), "Thiếu"), null, w.specialistPrincipal());
        dossiers.act(code, new DossierAct.ConfirmSupplement(), null, w.deskPrincipal());
        int version = dossiers.get(code, vn.motcua.organization.OfficerScope.everything(null)).version();

        assertThatThrownBy(() -> dossiers.act(code, new DossierAct.RequestSupplement(List.of("Bản chính"), "Lần hai"), null,
                w.specialistPrincipal()))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("supplement-once");

        assertThat(events.stream(DossierActRefused.class).filter(e -> e.code().equals(code))).singleElement()
                .satisfies(e -> {
                    assertThat(e.rule()).isEqualTo("supplement-once");
                    assertThat(e.action()).isEqualTo(Action.REQUEST_SUPPLEMENT);
                    assertThat(e.actor()).isEqualTo(new StaffId(w.specialist().id()));
                });
        assertThat(dossiers.get(code, vn.motcua.organization.OfficerScope.everything(null)).version()).isEqualTo(version);
        assertThat(acted(code)).extracting(DossierActed::action).doesNotContainSequence(Action.SUPPLEMENT_RECEIVED,
                Action.REQUEST_SUPPLEMENT);
    }

    @Test
    void theApiBodyIsReadIntoTheActOfItsPath() {
        Act body = new Act("lý do", "ghi chú", 5L, 7L, List.of("a"), 1000L, null, "KQ-1", null, Channel.POST, 3, "bỏ qua");
        assertThat(DossierAct.of(Action.FORWARD, body))
                .isEqualTo(new DossierAct.ForwardDossier(new UnitId(5L), new StaffId(7L), "ghi chú"));
        assertThat(DossierAct.of(Action.REQUEST_PAYMENT, body)).isEqualTo(new DossierAct.RequestPayment(1000L, "lý do"));
        assertThat(DossierAct.of(Action.COMPLETE, body)).isEqualTo(new DossierAct.CompleteDossier("KQ-1", null, "bỏ qua"));
        assertThat(DossierAct.of(Action.RETURN, Act.empty())).isEqualTo(new DossierAct.ReturnResult(Channel.IN_PERSON));
        for (Action a : vn.motcua.dossier.internal.ActPolicy.OFFICER_ACTS) {
            assertThat(DossierAct.of(a, body).action()).isEqualTo(a);
        }
        assertThatThrownBy(() -> DossierAct.of(Action.SCAN, body)).isInstanceOf(DomainRuleViolation.class);
    }
}
