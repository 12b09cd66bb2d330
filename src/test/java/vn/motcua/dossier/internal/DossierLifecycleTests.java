package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.calendar.TestCalendars.vn;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.TestCalendars;
import vn.motcua.calendar.Timing;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organization.Role;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;

/** The lifecycle of DOMAIN.md §3 as plain Java: every transition, every refusal, and the clock. */
class DossierLifecycleTests {

    static final WorkingCalendar CAL = TestCalendars.standard();
    static final Actor DESK = new Actor(new StaffId(1L), "Cán bộ Một cửa", new UnitId(10L));
    static final Actor SPECIALIST = new Actor(new StaffId(2L), "Chuyên viên", new UnitId(20L));
    static final Actor LEADER = new Actor(new StaffId(3L), "Lãnh đạo", new UnitId(30L));

    /** 5 working days: receive (0) → examine (3.5) → sign (1.5) → return (0). */
    static FilingTemplate template() {
        return new FilingTemplate("1.000001", 1, "Cấp phiếu lý lịch tư pháp", "c1", "Trường hợp chung",
                BigDecimal.valueOf(5), DurationUnit.WORKING_DAYS, 200_000, List.of(
                new FilingTemplate.Step("Tiếp nhận", Role.ONE_STOP_OFFICER, 10L, BigDecimal.ZERO),
                new FilingTemplate.Step("Thẩm định", Role.SPECIALIST, 20L, new BigDecimal("3.5")),
                new FilingTemplate.Step("Phê duyệt", Role.LEADER, 30L, new BigDecimal("1.5")),
                new FilingTemplate.Step("Trả kết quả", Role.ONE_STOP_OFFICER, 10L, BigDecimal.ZERO)), List.of());
    }

    static final Applicant APPLICANT = new Applicant(ApplicantKind.PERSON, "Nguyễn Thị Hoà", "040123456789", null,
            "0912345678", null, "Phường Trường Vinh");

    static Dossier received(Instant at) {
        return Dossier.file("000.00.20.H40-260302-0001", template(), Channel.IN_PERSON, APPLICANT,
                List.of(new ComponentItem("Tờ khai", 1, 0, null, 0)), 10L, at, at, DESK, CAL);
    }

    static Dossier online(Instant at) {
        return Dossier.file("000.00.20.H40-260302-0002", template(), Channel.ONLINE, APPLICANT, List.of(), 10L, at, at, DESK, CAL);
    }

    /** Monday 2 March 2026, 09:00. */
    static final Instant MON = vn("2026-03-02T09:00");

    static Dossier processing() {
        Dossier d = received(MON);
        d.forward(vn("2026-03-02T10:00"), DESK, null, null, null, null, CAL);
        return d;
    }

    /** At the leader's step (Phê duyệt): every step before it done, only the return at the desk after it. */
    static Dossier atSigning() {
        Dossier d = processing();
        d.forward(vn("2026-03-04T09:00"), SPECIALIST, null, null, null, null, CAL);
        return d;
    }

    @Test
    void anInPersonFilingIsReceivedAtOnceWithTheAppointmentOfTheCalendar() {
        Dossier d = received(MON);
        assertThat(d.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(d.appointmentAt()).isEqualTo(vn("2026-03-09T09:00"));
        assertThat(d.steps()).extracting(Dossier.Step::dueAt).containsExactly(
                vn("2026-03-02T11:30"), vn("2026-03-05T15:00"), vn("2026-03-09T09:00"), vn("2026-03-09T09:00"));
        assertThat(d.pendingHistory()).extracting(Dossier.HistoryEntry::action).containsExactly(Action.FILE, Action.RECEIVE);
    }

    @Test
    void anOnlineFilingWaitsForTheDesk() {
        Dossier d = online(MON);
        assertThat(d.status()).isEqualTo(DossierStatus.NEW);
        assertThat(d.appointmentAt()).isNull();
        d.receive(vn("2026-03-03T08:00"), DESK, CAL);
        assertThat(d.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(d.appointmentAt()).isEqualTo(vn("2026-03-10T08:00"));
    }

    @Test
    void theDeskRefusesAnOnlineFilingWithAReason() {
        Dossier d = online(MON);
        assertThatThrownBy(() -> d.refuse(MON, DESK, " ")).isInstanceOf(InvalidInput.class);
        assertThat(d.status()).isEqualTo(DossierStatus.NEW);
        d.refuse(MON, DESK, "Hồ sơ không thuộc thẩm quyền");
        assertThat(d.status()).isEqualTo(DossierStatus.REFUSED);
        assertThat(d.finishedAt()).isEqualTo(MON);
    }

    @Test
    void forwardingMovesThroughTheWorkflowAndWritesTheControlSlip() {
        Dossier d = processing();
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(d.handlingUnit()).isEqualTo(new UnitId(20L));
        assertThat(d.handovers()).singleElement().satisfies(h -> {
            assertThat(h.fromUnitId()).isEqualTo(10L);
            assertThat(h.toUnitId()).isEqualTo(20L);
            assertThat(h.timing()).isEqualTo(Timing.ON_TIME);
        });
        d.forward(vn("2026-03-05T15:30"), SPECIALIST, null, 3L, "Lãnh đạo", null, CAL);
        assertThat(d.handlingUnit()).isEqualTo(new UnitId(30L));
        assertThat(d.assignee()).isEqualTo(new StaffId(3L));
        // the examination step (3.5 days from Monday 09:00) was due Thursday 15:00 and ended at 15:30: that step was late
        assertThat(d.handovers().get(1).timing()).isEqualTo(Timing.LATE);
    }

    @Test
    void anInterAgencyForwardGoesToTheNamedUnit() {
        Dossier d = processing();
        d.forward(vn("2026-03-03T09:00"), SPECIALIST, 99L, java.util.Set.of(99L), null, null, "Lấy ý kiến Sở Xây dựng", CAL);
        assertThat(d.handlingUnit()).isEqualTo(new UnitId(99L));
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(d.handovers()).hasSize(2);
    }

    @Test
    void aForwardToAUnitTheWorkflowDoesNotAllowIsRefusedAndChangesNothing() {
        Dossier d = processing();
        int history = d.pendingHistory().size();
        assertThatThrownBy(() -> d.forward(vn("2026-03-03T09:00"), SPECIALIST, 99L, null, null, null, CAL))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("forward-unit-not-allowed"));
        assertThatThrownBy(() -> d.forward(vn("2026-03-03T09:00"), SPECIALIST, 99L, java.util.Set.of(98L), null, null, null, CAL))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("forward-unit-not-allowed"));
        assertThat(d.handlingUnit()).isEqualTo(new UnitId(20L));
        assertThat(d.currentStepOrNull().seq()).isEqualTo(2);
        assertThat(d.steps().get(1).finishedAt()).isNull();
        assertThat(d.handovers()).hasSize(1);
        assertThat(d.pendingHistory()).hasSize(history);
        // naming the next step's own unit is the workflow itself
        d.forward(vn("2026-03-03T09:00"), SPECIALIST, 30L, null, null, null, CAL);
        assertThat(d.handlingUnit()).isEqualTo(new UnitId(30L));
    }

    @Test
    void aFilingWritesItsRowsAtTheOneInstantOfTheActAndABackDatedReceiptSaysSo() {
        Instant now = vn("2026-03-02T09:00:00.650861");
        Dossier same = Dossier.file("c1", template(), Channel.IN_PERSON, APPLICANT, List.of(), 10L, now, now, DESK, CAL);
        assertThat(same.pendingHistory()).extracting(Dossier.HistoryEntry::action).containsExactly(Action.FILE, Action.RECEIVE);
        assertThat(same.pendingHistory()).extracting(Dossier.HistoryEntry::at).containsOnly(now);
        assertThat(same.pendingHistory().get(1).details()).doesNotContainKey("backDated");

        Instant earlier = vn("2026-03-02T08:00");
        Dossier back = Dossier.file("c2", template(), Channel.IN_PERSON, APPLICANT, List.of(), 10L, now, earlier, DESK, CAL);
        assertThat(back.pendingHistory()).extracting(Dossier.HistoryEntry::at).containsOnly(now);
        assertThat(back.pendingHistory().get(1).details()).containsEntry("backDated", true)
                .containsEntry("receivedAt", earlier.toString());
        assertThat(back.receivedAt()).isEqualTo(earlier);
        assertThat(back.filedAt()).isEqualTo(now);
        assertThat(back.appointmentAt()).isEqualTo(vn("2026-03-09T08:00")); // the clock starts at the receipt
    }

    @Test
    void completingWithUnfinishedStepsIsRefusedUnlessTheLeaderSaysWhy() {
        Dossier d = processing(); // at the specialist's step: the leader's step (Phê duyệt) has not happened
        int history = d.pendingHistory().size();
        assertThat(d.unfinishedStepsAtCompletion()).extracting(Dossier.Step::name).containsExactly("Phê duyệt");
        assertThatThrownBy(() -> d.complete(vn("2026-03-03T09:00"), LEADER, "1/KQ", null, CAL))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("complete-steps-unfinished");
                    assertThat(e.args()).containsExactly("Phê duyệt");
                });
        assertThatThrownBy(() -> d.complete(vn("2026-03-03T09:00"), LEADER, "1/KQ", null, "  ", CAL))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(d.pendingHistory()).hasSize(history);
        assertThat(d.steps()).extracting(Dossier.Step::finishedAt).containsExactly(vn("2026-03-02T10:00"), null, null, null);
        assertThat(d.resultNumber()).isNull();

        d.complete(vn("2026-03-03T09:00"), LEADER, "1/KQ", null, "Lãnh đạo sở trực tiếp thẩm định và ký", CAL);
        assertThat(d.status()).isEqualTo(DossierStatus.DONE);
        Dossier.HistoryEntry row = d.pendingHistory().get(d.pendingHistory().size() - 1);
        assertThat(row.action()).isEqualTo(Action.COMPLETE);
        assertThat(row.reason()).isEqualTo("Lãnh đạo sở trực tiếp thẩm định và ký");
        assertThat(row.details()).containsEntry("skippedSteps", List.of("Phê duyệt"));
        assertThat(d.steps().get(2).finishedAt()).isEqualTo(vn("2026-03-03T09:00"));

        // at the leader's own step nothing is skipped and no reason is asked
        Dossier signing = atSigning();
        assertThat(signing.unfinishedStepsAtCompletion()).isEmpty();
        signing.complete(vn("2026-03-05T09:00"), LEADER, "2/KQ", null, CAL);
        assertThat(signing.pendingHistory().get(signing.pendingHistory().size() - 1).reason()).isNull();
    }

    @Test
    void aSupplementStopsTheClockAndMovesTheAppointmentByTheWorkingTimePaused() {
        Dossier d = processing();
        d.requestSupplement(vn("2026-03-03T09:00"), SPECIALIST, List.of("Bản sao giấy khai sinh"), "Thiếu giấy tờ");
        assertThat(d.status()).isEqualTo(DossierStatus.WAITING_SUPPLEMENT);
        // back Thursday 09:00: two working days paused → the appointment moves from Mon 9 Mar to Wed 11 Mar
        d.supplementReceived(vn("2026-03-05T09:00"), DESK, CAL);
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(d.appointmentAt()).isEqualTo(vn("2026-03-11T09:00"));
        assertThat(d.pausedMinutes()).isEqualTo(2 * 450);
        assertThat(d.originalAppointmentAt()).isEqualTo(vn("2026-03-09T09:00"));
    }

    @Test
    void aPauseOverAWeekendAddsOnlyTheWorkingTime() {
        Dossier d = processing();
        d.requestPayment(vn("2026-03-06T16:00"), SPECIALIST, 50_000, "Lệ phí");
        d.paymentReceived(vn("2026-03-09T08:30"), DESK, CAL);
        // Friday 16:00–17:00 and Monday 07:30–08:30: two working hours
        assertThat(d.pausedMinutes()).isEqualTo(120);
        assertThat(d.appointmentAt()).isEqualTo(vn("2026-03-09T11:00"));
    }

    @Test
    void refusesASecondSupplementRequest() {
        Dossier d = processing();
        d.requestSupplement(vn("2026-03-03T09:00"), SPECIALIST, List.of("Tờ khai"), "Thiếu");
        d.supplementReceived(vn("2026-03-03T10:00"), DESK, CAL);
        Instant appointment = d.appointmentAt();
        assertThatThrownBy(() -> d.requestSupplement(vn("2026-03-04T09:00"), SPECIALIST, List.of("Ảnh"), "Thiếu nữa"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("supplement-once"));
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(d.supplementCount()).isEqualTo(1);
        assertThat(d.appointmentAt()).isEqualTo(appointment);
    }

    @Test
    void aSupplementRequestMustListTheMissingItems() {
        Dossier d = processing();
        assertThatThrownBy(() -> d.requestSupplement(vn("2026-03-03T09:00"), SPECIALIST, List.of(" "), "Thiếu"))
                .isInstanceOf(InvalidInput.class);
        assertThat(d.supplementCount()).isZero();
    }

    @Test
    void anApologySetsANewAppointmentOnceAndOnlyBeforeTheDeadline() {
        Dossier d = processing();
        d.apologize(vn("2026-03-06T09:00"), SPECIALIST, "Cần xác minh thêm", vn("2026-03-12T16:00"));
        assertThat(d.appointmentAt()).isEqualTo(vn("2026-03-12T16:00"));
        assertThatThrownBy(() -> d.apologize(vn("2026-03-10T09:00"), SPECIALIST, "Lần nữa", vn("2026-03-13T16:00")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("apology-once"));
    }

    @Test
    void anApologyAfterTheDeadlineIsRefused() {
        Dossier d = processing();
        assertThatThrownBy(() -> d.apologize(vn("2026-03-09T10:00"), SPECIALIST, "Muộn", vn("2026-03-12T16:00")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("apology-after-deadline"));
        assertThatThrownBy(() -> d.apologize(vn("2026-03-05T10:00"), SPECIALIST, "Sớm hơn", vn("2026-03-06T16:00")))
                .isInstanceOf(InvalidInput.class);
        assertThat(d.apologyCount()).isZero();
    }

    @Test
    void completingSendsTheResultBackToTheDeskAndReturningEndsIt() {
        Dossier d = processing();
        d.forward(vn("2026-03-04T09:00"), SPECIALIST, null, null, null, null, CAL);
        d.complete(vn("2026-03-05T09:00"), LEADER, "123/QĐ-STP", null, CAL);
        assertThat(d.status()).isEqualTo(DossierStatus.DONE);
        assertThat(d.handlingUnit()).isEqualTo(new UnitId(10L));
        assertThat(d.timing(CAL)).isEqualTo(Timing.EARLY);
        d.returnResult(vn("2026-03-06T09:00"), DESK, Channel.IN_PERSON);
        assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(d.returnedAt()).isEqualTo(vn("2026-03-06T09:00"));
        assertThat(d.steps()).allSatisfy(s -> assertThat(s.finishedAt()).isNotNull());
    }

    @Test
    void aResultAfterTheAppointmentIsLateAndTheDossierOverdue() {
        Dossier d = atSigning();
        assertThat(d.overdue(vn("2026-03-09T08:59"))).isFalse();
        assertThat(d.overdue(vn("2026-03-09T09:01"))).isTrue();
        d.complete(vn("2026-03-10T09:00"), LEADER, "1/KQ", null, CAL);
        assertThat(d.timing(CAL)).isEqualTo(Timing.LATE);
        assertThat(d.overdue(vn("2026-03-01T00:00"))).isTrue();
    }

    @Test
    void theClockStoppedByASupplementDoesNotMakeTheDossierOverdue() {
        Dossier d = processing();
        d.requestSupplement(vn("2026-03-05T09:00"), SPECIALIST, List.of("Tờ khai"), "Thiếu");
        assertThat(d.overdue(vn("2026-04-30T09:00"))).isFalse();
    }

    @Test
    void completingRequiresAResultNumber() {
        Dossier d = processing();
        assertThatThrownBy(() -> d.complete(vn("2026-03-05T09:00"), LEADER, "", null, CAL)).isInstanceOf(InvalidInput.class);
        assertThat(d.status()).isEqualTo(DossierStatus.PROCESSING);
    }

    @Test
    void returningOnlineNeedsAnElectronicResult() {
        Dossier d = atSigning();
        d.complete(vn("2026-03-05T09:00"), LEADER, "1/KQ", null, CAL);
        assertThatThrownBy(() -> d.returnResult(vn("2026-03-06T09:00"), DESK, Channel.ONLINE)).isInstanceOf(InvalidInput.class);
        assertThat(d.status()).isEqualTo(DossierStatus.DONE);
    }

    @Test
    void aDossierMovesToTheSuccessorOfItsDissolvedUnitWithCodeAndDeadlinesKept() {
        Dossier d = processing();
        Instant appointment = d.appointmentAt();
        d.transferToSuccessor(vn("2026-03-03T09:00"), Actor.system("Hệ thống"), java.util.Set.of(20L), 77L);
        assertThat(d.handlingUnit()).isEqualTo(new UnitId(77L));
        assertThat(d.code()).isEqualTo("000.00.20.H40-260302-0001");
        assertThat(d.appointmentAt()).isEqualTo(appointment);
        assertThat(d.pendingHistory()).last().extracting(Dossier.HistoryEntry::action).isEqualTo(Action.TRANSFER_TO_SUCCESSOR);
    }

    /** Every act tried from every status: allowed ones succeed, the rest fail with illegal-transition and change nothing. */
    static Stream<Arguments> transitions() {
        record Case(String name, Consumer<Dossier> act) {
        }
        List<Case> acts = List.of(
                new Case("receive", d -> d.receive(vn("2026-03-03T09:00"), DESK, CAL)),
                new Case("refuse", d -> d.refuse(vn("2026-03-03T09:00"), DESK, "Lý do")),
                new Case("forward", d -> d.forward(vn("2026-03-03T09:00"), DESK, null, null, null, null, CAL)),
                new Case("request-supplement", d -> d.requestSupplement(vn("2026-03-03T09:00"), DESK, List.of("A"), "Lý do")),
                new Case("supplement-received", d -> d.supplementReceived(vn("2026-03-03T09:30"), DESK, CAL)),
                new Case("request-payment", d -> d.requestPayment(vn("2026-03-03T09:00"), DESK, 1000, "Phí")),
                new Case("payment-received", d -> d.paymentReceived(vn("2026-03-03T09:30"), DESK, CAL)),
                new Case("stop", d -> d.stop(vn("2026-03-03T09:00"), DESK, "Lý do")),
                new Case("withdraw", d -> d.withdraw(vn("2026-03-03T09:00"), DESK, "Lý do")),
                new Case("complete", d -> d.complete(vn("2026-03-03T09:00"), LEADER, "1/KQ", "f1", "Ký ngay", CAL)),
                new Case("return", d -> d.returnResult(vn("2026-03-03T09:00"), DESK, Channel.POST)));
        // status → a dossier in it
        java.util.Map<DossierStatus, java.util.function.Supplier<Dossier>> in = new java.util.LinkedHashMap<>();
        in.put(DossierStatus.NEW, () -> online(MON));
        in.put(DossierStatus.RECEIVED, () -> received(MON));
        in.put(DossierStatus.REFUSED, () -> { Dossier d = online(MON); d.refuse(MON, DESK, "x"); return d; });
        in.put(DossierStatus.PROCESSING, DossierLifecycleTests::processing);
        in.put(DossierStatus.WAITING_SUPPLEMENT, () -> { Dossier d = processing(); d.requestSupplement(vn("2026-03-02T11:00"), DESK, List.of("A"), "x"); return d; });
        in.put(DossierStatus.WAITING_PAYMENT, () -> { Dossier d = processing(); d.requestPayment(vn("2026-03-02T11:00"), DESK, 1, "x"); return d; });
        in.put(DossierStatus.WITHDRAWN, () -> { Dossier d = processing(); d.withdraw(vn("2026-03-02T11:00"), DESK, "x"); return d; });
        in.put(DossierStatus.STOPPED, () -> { Dossier d = processing(); d.stop(vn("2026-03-02T11:00"), DESK, "x"); return d; });
        in.put(DossierStatus.DONE, () -> { Dossier d = atSigning(); d.complete(vn("2026-03-04T11:00"), LEADER, "1", "f", CAL); return d; });
        in.put(DossierStatus.RETURNED, () -> { Dossier d = atSigning(); d.complete(vn("2026-03-04T11:00"), LEADER, "1", "f", CAL); d.returnResult(vn("2026-03-04T11:10"), DESK, Channel.IN_PERSON); return d; });
        java.util.Map<String, java.util.Set<DossierStatus>> allowed = java.util.Map.ofEntries(
                java.util.Map.entry("receive", java.util.Set.of(DossierStatus.NEW)),
                java.util.Map.entry("refuse", java.util.Set.of(DossierStatus.NEW)),
                java.util.Map.entry("forward", java.util.Set.of(DossierStatus.RECEIVED, DossierStatus.PROCESSING)),
                java.util.Map.entry("request-supplement", java.util.Set.of(DossierStatus.RECEIVED, DossierStatus.PROCESSING)),
                java.util.Map.entry("supplement-received", java.util.Set.of(DossierStatus.WAITING_SUPPLEMENT)),
                java.util.Map.entry("request-payment", java.util.Set.of(DossierStatus.RECEIVED, DossierStatus.PROCESSING)),
                java.util.Map.entry("payment-received", java.util.Set.of(DossierStatus.WAITING_PAYMENT)),
                java.util.Map.entry("stop", java.util.Set.of(DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.WAITING_SUPPLEMENT)),
                java.util.Map.entry("withdraw", java.util.Set.of(DossierStatus.RECEIVED, DossierStatus.PROCESSING,
                        DossierStatus.WAITING_SUPPLEMENT, DossierStatus.WAITING_PAYMENT)),
                java.util.Map.entry("complete", java.util.Set.of(DossierStatus.PROCESSING)),
                java.util.Map.entry("return", java.util.Set.of(DossierStatus.DONE)));
        return in.entrySet().stream().flatMap(e -> acts.stream().map(c ->
                Arguments.of(e.getKey(), c.name(), e.getValue(), c.act(), allowed.get(c.name()).contains(e.getKey()))));
    }

    @ParameterizedTest(name = "{1} from {0}: allowed={4}")
    @MethodSource("transitions")
    void everyActIsAllowedOnlyFromItsStatuses(DossierStatus from, String act, java.util.function.Supplier<Dossier> make,
                                              Consumer<Dossier> apply, boolean allowed) {
        Dossier d = make.get();
        assertThat(d.status()).isEqualTo(from);
        if (allowed) {
            int before = d.pendingHistory().size();
            apply.accept(d);
            assertThat(d.pendingHistory()).as("one history row per act").hasSize(before + 1);
            assertThat(d.pendingHistory().get(before).action().path()).isEqualTo(act);
        } else {
            int history = d.pendingHistory().size();
            Instant appointment = d.appointmentAt();
            assertThatThrownBy(() -> apply.accept(d))
                    .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("illegal-transition"));
            assertThat(d.status()).isEqualTo(from);
            assertThat(d.pendingHistory()).hasSize(history);
            assertThat(d.appointmentAt()).isEqualTo(appointment);
        }
    }
}
