package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.Timing;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.ApplicantNotice;
import vn.motcua.dossier.ApplicantNoticesQueued;
import vn.motcua.dossier.DossierActed;
import vn.motcua.dossier.DossierApologized;
import vn.motcua.dossier.DossierCompleted;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierRefused;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStopped;
import vn.motcua.dossier.DossierWithdrawn;
import vn.motcua.dossier.PaymentReceived;
import vn.motcua.dossier.PaymentRequested;
import vn.motcua.dossier.StepCompleted;
import vn.motcua.dossier.SupplementReceived;
import vn.motcua.dossier.SupplementRequested;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.Role;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.Texts;

/**
 * The dossier aggregate. Every state change is a method named for the act,
 * guarded by the lifecycle of DOMAIN.md §3; an illegal act throws
 * {@link DomainRuleViolation} naming the rule and changes nothing (checks come
 * before any change). Each act appends one {@link HistoryEntry} that the store
 * writes in the same transaction, owes the applicant their message when the
 * law says so (the outbox row is written by the same save), and registers its
 * events: its own past-tense event and a {@link DossierActed} per history row,
 * taken by the service after the save ({@link #takeEvents}). The acts arrive
 * as the sealed family {@link vn.motcua.dossier.DossierAct}; the statuses each
 * act starts from, where and by whom it is done, are {@link ActPolicy}'s. No
 * Spring inside, so the rules are tested as plain Java ({@code DossierLifecycleTests}).
 *
 * <p>Why one class of some 850 lines: the acts (a dozen, 20 to 60 lines
 * each) change the same private state under the same rules, and the house
 * rules allow no public setters; split, the state would need package-wide
 * mutators that any class could call around the guards.
 */
public class Dossier {

    /** A step of this dossier's workflow, with its own due time. */
    public static final class Step {
        final int seq;
        final String name;
        final Role role;
        Long unitId;
        Long assigneeId;
        final BigDecimal share;
        Instant dueAt;
        Instant startedAt;
        Instant finishedAt;

        Step(int seq, String name, Role role, Long unitId, Long assigneeId, BigDecimal share,
             Instant dueAt, Instant startedAt, Instant finishedAt) {
            this.seq = seq;
            this.name = name;
            this.role = role;
            this.unitId = unitId;
            this.assigneeId = assigneeId;
            this.share = share;
            this.dueAt = dueAt;
            this.startedAt = startedAt;
            this.finishedAt = finishedAt;
        }

        public int seq() { return seq; }
        public String name() { return name; }
        public Role role() { return role; }
        public UnitId unit() { return unitId == null ? null : new UnitId(unitId); }
        public StaffId assignee() { return assigneeId == null ? null : new StaffId(assigneeId); }
        public BigDecimal share() { return share; }
        public Instant dueAt() { return dueAt; }
        public Instant startedAt() { return startedAt; }
        public Instant finishedAt() { return finishedAt; }
    }

    /** One row of the process control slip (form 06). */
    public record Handover(int seq, Integer stepSeq, Long fromUnitId, Long toUnitId, Instant handedAt,
                           String deliverer, String receiver, Instant stepDueAt, Timing timing) {
    }

    /** One act, as the history keeps it. */
    public record HistoryEntry(Instant at, Long actorId, String actorName, Long unitId, Action action,
                               DossierStatus from, DossierStatus to, String reason, Map<String, Object> details) {
    }

    // identity and snapshot of the procedure
    Long id;
    String code;
    String procedureCode;
    int procedureVersion;
    String procedureName;
    String caseId;
    String caseName;
    Channel channel;
    DossierStatus status;
    Applicant applicant;
    List<ComponentItem> components = new ArrayList<>();
    long receivingUnitId;
    Long handlingUnitId;
    Long assigneeId;
    Integer currentStep;
    List<Step> steps = new ArrayList<>();
    List<Handover> handovers = new ArrayList<>();
    BigDecimal durationAmount;
    DurationUnit durationUnit;
    long feeVnd;
    Long paymentAmountVnd;
    // times
    Instant filedAt;
    Instant receivedAt;
    Instant appointmentAt;
    Instant originalAppointmentAt;
    Instant pausedSince;
    long pausedMinutes;
    Instant finishedAt;
    Instant returnedAt;
    Channel returnChannel;
    String resultNumber;
    String resultFileId;
    int supplementCount;
    int apologyCount;
    String supplementItems;
    int version;

    final List<HistoryEntry> newHistory = new ArrayList<>();
    final java.util.Set<Integer> changedComponents = new java.util.TreeSet<>();
    /** Components appended since loading (papers the applicant sent as a supplement), by seq. */
    final java.util.Set<Integer> addedComponents = new java.util.TreeSet<>();
    final List<Handover> newHandovers = new ArrayList<>();
    /** Messages owed to the applicant since loading, written with the next save (the outbox, see ApplicantNotices). */
    final List<Notice> newNotices = new ArrayList<>();
    /** The steps' changeable fields as last read or written, so saving writes only the steps that changed. */
    List<Object> savedSteps = List.of();
    /** Events the acts registered since they were last taken ({@link #takeEvents}). */
    private final List<EventDraft> newEvents = new ArrayList<>();
    /** Whether an act since the events were last taken owes the applicant a message. */
    private boolean noticesQueued;

    /**
     * An event as an act registers it, completed when taken: a filing's code
     * is numbered only after its insert, and {@code version} is the version
     * the save gave.
     */
    @FunctionalInterface
    private interface EventDraft {
        Object complete(String code, int version, int index);
    }

    Dossier() {
    }

    /**
     * A new dossier: online filings wait at status 1; filings at the desk are
     * received at once (status 2) with the appointment the calendar gives,
     * the clock starting at {@code receivedAt}. Every row the filing writes
     * (file, then receive) carries {@code now}, the one instant of the act;
     * a receipt time earlier than {@code now} is recorded on the receive row
     * as back-dated.
     */
    public static Dossier file(String code, FilingTemplate t, Channel channel, Applicant applicant,
                               List<ComponentItem> components, long receivingUnitId, Instant now, Instant receivedAt,
                               Actor actor, WorkingCalendar calendar) {
        return file(code, t, channel, applicant, components, receivingUnitId, now, receivedAt, actor, calendar, null);
    }

    /**
     * As above; {@code populationLookupId}, when given, names the population
     * database look-up the applicant's data came from and is kept on the
     * filing's history row (detail {@code populationLookup}).
     */
    public static Dossier file(String code, FilingTemplate t, Channel channel, Applicant applicant,
                               List<ComponentItem> components, long receivingUnitId, Instant now, Instant receivedAt,
                               Actor actor, WorkingCalendar calendar, String populationLookupId) {
        if (t.steps().isEmpty()) {
            throw new DomainRuleViolation("workflow-missing", "dossier.workflow.missing");
        }
        Dossier d = new Dossier();
        d.code = code;
        d.procedureCode = t.procedureCode();
        d.procedureVersion = t.procedureVersion();
        d.procedureName = t.procedureName();
        d.caseId = t.caseId();
        d.caseName = t.caseName();
        d.channel = channel;
        d.applicant = applicant;
        d.components = new ArrayList<>(components);
        d.receivingUnitId = receivingUnitId;
        d.durationAmount = t.amount();
        d.durationUnit = t.unit();
        d.feeVnd = t.feeVnd();
        d.filedAt = now;
        int seq = 1;
        for (FilingTemplate.Step s : t.steps()) {
            d.steps.add(new Step(seq++, s.name(), s.role(), s.unitId(), null, s.share(), null, null, null));
        }
        d.status = DossierStatus.NEW;
        d.record(now, actor, Action.FILE, null, DossierStatus.NEW, null, populationLookupId == null
                ? Map.of("channel", channel.name())
                : Map.of("channel", channel.name(), "populationLookup", populationLookupId));
        String procedure = d.procedureCode;
        UnitId receiving = new UnitId(receivingUnitId);
        d.register(code2 -> new DossierFiled(code2, procedure, receiving, channel, now));
        if (channel != Channel.ONLINE) {
            d.receive(now, receivedAt == null ? now : receivedAt, actor, calendar);
        }
        return d;
    }

    // --- acts ------------------------------------------------------------------------------------

    /** 1 → 2: the desk takes the dossier; the clock starts and every step gets its due time. */
    public void receive(Instant at, Actor actor, WorkingCalendar calendar) {
        receive(at, at, actor, calendar);
    }

    /**
     * 1 → 2 recorded at {@code now} with the clock started at {@code at}
     * (not after {@code now}): a desk filing may give the receipt time, and
     * an earlier one is kept on the history row as back-dated.
     */
    private void receive(Instant now, Instant at, Actor actor, WorkingCalendar calendar) {
        check(Action.RECEIVE, now);
        if (at.isAfter(now)) {
            throw new IllegalArgumentException("receipt time " + at + " is after the act " + now);
        }
        List<Instant> dues = calendar.stepDueTimes(at, durationUnit, steps.stream().map(Step::share).toList());
        Instant appointment = calendar.due(at, durationAmount, durationUnit);
        DossierStatus from = status;
        receivedAt = at;
        appointmentAt = appointment;
        originalAppointmentAt = appointment;
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).dueAt = dues.get(i);
        }
        currentStep = 1;
        Step first = steps.get(0);
        first.startedAt = at;
        if (first.unitId == null) {
            first.unitId = receivingUnitId;
        }
        first.assigneeId = actor.staffId();
        handlingUnitId = first.unitId;
        assigneeId = actor.staffId();
        status = DossierStatus.RECEIVED;
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("appointmentAt", appointment.toString());
        if (at.isBefore(now)) {
            details.put("receivedAt", at.toString());
            details.put("backDated", true);
        }
        record(now, actor, Action.RECEIVE, from, status, null, details);
        tellApplicant(ApplicantNotice.Kind.RECEIVED, null, now);
        String procedure = procedureCode;
        UnitId receiving = receivingUnit();
        Channel ch = channel;
        register(c -> new DossierReceived(c, procedure, receiving, ch, at, appointment));
    }

    /** 1 → 3: refused at intake, with the reason the refusal slip (form 03) states. */
    public void refuse(Instant at, Actor actor, String reason) {
        check(Action.REFUSE, at);
        String why = requireReason(reason);
        DossierStatus from = status;
        status = DossierStatus.REFUSED;
        finishedAt = at;
        record(at, actor, Action.REFUSE, from, status, why, Map.of());
        tellApplicant(ApplicantNotice.Kind.REFUSED, why, at);
        UnitId receiving = receivingUnit();
        register(c -> new DossierRefused(c, receiving, why, at));
    }

    /**
     * 2/4 → 4: the current step is done and the dossier goes to the next one,
     * to the unit of the workflow or to {@code toUnit} (inter-agency), and
     * optionally to one officer. Each hand-over is a row of form 06.
     */
    public void forward(Instant at, Actor actor, Long toUnit, Long toOfficer, String receiverName, String note,
                        WorkingCalendar calendar) {
        forward(at, actor, toUnit, java.util.Set.of(), toOfficer, receiverName, note, calendar);
    }

    /**
     * As above, where {@code toUnit}, when given, must be the next step's unit
     * or one of {@code allowedUnits} (the units under it and, for an
     * inter-agency procedure, the units it names: see DossierService); any
     * other unit is refused with rule {@code forward-unit-not-allowed}.
     */
    public void forward(Instant at, Actor actor, Long toUnit, java.util.Set<Long> allowedUnits, Long toOfficer,
                        String receiverName, String note, WorkingCalendar calendar) {
        checkForward(toUnit, allowedUnits);
        Step current = steps.get(currentStep - 1);
        Step next = steps.get(currentStep);
        Long targetUnit = toUnit != null ? toUnit : (next.unitId != null ? next.unitId : handlingUnitId);
        DossierStatus from = status;
        current.finishedAt = at;
        Timing timing = calendar.classify(at, current.dueAt);
        Long fromUnit = handlingUnitId;
        next.unitId = targetUnit;
        next.assigneeId = toOfficer;
        next.startedAt = at;
        currentStep = next.seq;
        handlingUnitId = targetUnit;
        assigneeId = toOfficer;
        status = DossierStatus.PROCESSING;
        handover(current.seq, fromUnit, targetUnit, at, actor.name(), receiverName, current.dueAt, timing);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("fromStep", current.name);
        details.put("toStep", next.name);
        details.put("toUnit", targetUnit);
        if (toOfficer != null) {
            details.put("toOfficer", toOfficer);
        }
        details.put("stepTiming", timing.name());
        if (!Texts.isBlank(note)) {
            details.put("note", Texts.clean(note));
        }
        record(at, actor, Action.FORWARD, from, status, null, details);
        int seq = current.seq;
        String stepName = current.name;
        UnitId fromU = fromUnit == null ? null : new UnitId(fromUnit);
        UnitId toU = targetUnit == null ? null : new UnitId(targetUnit);
        register(c -> new StepCompleted(c, seq, stepName, fromU, toU, timing.name(), at));
    }

    /**
     * The rules of {@link #forward}, checked without changing anything: the
     * status, a next step to go to, and the receiving unit.
     */
    public void checkForward(Long toUnit, java.util.Set<Long> allowedUnits) {
        check(Action.FORWARD, null);
        Step next = steps.get(currentStep);
        if (toUnit != null && !toUnit.equals(next.unitId) && (allowedUnits == null || !allowedUnits.contains(toUnit))) {
            throw new DomainRuleViolation("forward-unit-not-allowed", "dossier.forward.unitNotAllowed");
        }
    }

    /**
     * 4 → 5: the one written request to supplement, listing everything that is
     * missing; the clock stops. A second request is refused (rule
     * {@code supplement-once}).
     */
    public void requestSupplement(Instant at, Actor actor, List<String> items, String reason) {
        check(Action.REQUEST_SUPPLEMENT, at);
        List<String> list = items == null ? List.of() : items.stream().filter(s -> !Texts.isBlank(s)).map(Texts::clean).toList();
        if (list.isEmpty()) {
            throw InvalidInput.of("items", "dossier.supplement.items");
        }
        String why = requireReason(reason);
        DossierStatus from = status;
        supplementCount++;
        supplementItems = String.join("\n", list);
        pausedSince = at;
        status = DossierStatus.WAITING_SUPPLEMENT;
        record(at, actor, Action.REQUEST_SUPPLEMENT, from, status, why, Map.of("items", list));
        tellApplicant(ApplicantNotice.Kind.SUPPLEMENT, String.join("; ", list), at);
        UnitId unit = handlingUnit();
        register(c -> new SupplementRequested(c, list, unit, at));
    }

    /** 5 → 4: the supplement came; the appointment and the open steps move by the working time paused. */
    public void supplementReceived(Instant at, Actor actor, WorkingCalendar calendar) {
        check(Action.SUPPLEMENT_RECEIVED, at);
        resume(at, actor, Action.SUPPLEMENT_RECEIVED, calendar);
        Instant appointment = appointmentAt;
        register(c -> new SupplementReceived(c, at, appointment));
    }

    /** 4 → 6: waiting for a fee or tax; the clock stops. */
    public void requestPayment(Instant at, Actor actor, long amountVnd, String reason) {
        check(Action.REQUEST_PAYMENT, at);
        if (amountVnd <= 0) {
            throw InvalidInput.of("amountVnd", "dossier.payment.amount");
        }
        DossierStatus from = status;
        paymentAmountVnd = amountVnd;
        pausedSince = at;
        status = DossierStatus.WAITING_PAYMENT;
        record(at, actor, Action.REQUEST_PAYMENT, from, status, Texts.clean(reason), Map.of("amountVnd", amountVnd));
        register(c -> new PaymentRequested(c, amountVnd, at));
    }

    /** 6 → 4: paid; the clock resumes with the paused working time added. */
    public void paymentReceived(Instant at, Actor actor, WorkingCalendar calendar) {
        check(Action.PAYMENT_RECEIVED, at);
        resume(at, actor, Action.PAYMENT_RECEIVED, calendar);
        Instant appointment = appointmentAt;
        register(c -> new PaymentReceived(c, at, appointment));
    }

    private void resume(Instant at, Actor actor, Action action, WorkingCalendar calendar) {
        Instant since = pausedSince;
        long minutes = Math.max(0, calendar.workingMinutesBetween(since, at));
        Instant newAppointment = calendar.shiftByPause(appointmentAt, since, at);
        List<Instant> shifted = new ArrayList<>();
        for (Step s : steps) {
            shifted.add(s.finishedAt == null && s.dueAt != null ? calendar.shiftByPause(s.dueAt, since, at) : s.dueAt);
        }
        DossierStatus from = status;
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).dueAt = shifted.get(i);
        }
        Instant old = appointmentAt;
        appointmentAt = newAppointment;
        pausedMinutes += minutes;
        pausedSince = null;
        status = DossierStatus.PROCESSING;
        record(at, actor, action, from, status, null, Map.of("pausedWorkingMinutes", minutes,
                "appointmentBefore", old.toString(), "appointmentAfter", newAppointment.toString()));
    }

    /**
     * The agency apologises and sets a new appointment: once, before the
     * current appointment has passed, and later than it (rules
     * {@code apology-once}, {@code apology-after-deadline}).
     */
    public void apologize(Instant at, Actor actor, String reason, Instant newAppointment) {
        check(Action.APOLOGIZE, at);
        String why = requireReason(reason);
        if (newAppointment == null || !newAppointment.isAfter(appointmentAt)) {
            throw InvalidInput.of("newAppointmentAt", "dossier.apology.newAppointment");
        }
        Instant old = appointmentAt;
        apologyCount++;
        appointmentAt = newAppointment;
        record(at, actor, Action.APOLOGIZE, status, status, why,
                Map.of("appointmentBefore", old.toString(), "appointmentAfter", newAppointment.toString()));
        register(c -> new DossierApologized(c, why, at, newAppointment));
    }

    /** 4/5 → 8: processing stops (stop notice, form 05), also when a requested supplement never comes. */
    public void stop(Instant at, Actor actor, String reason) {
        check(Action.STOP, at);
        String why = requireReason(reason);
        end(at, actor, Action.STOP, DossierStatus.STOPPED, why);
        register(c -> new DossierStopped(c, why, at));
    }

    /** → 7: the applicant withdraws the dossier while it is still open. */
    public void withdraw(Instant at, Actor actor, String reason) {
        check(Action.WITHDRAW, at);
        String why = requireReason(reason);
        end(at, actor, Action.WITHDRAW, DossierStatus.WITHDRAWN, why);
        register(c -> new DossierWithdrawn(c, why, at));
    }

    private void end(Instant at, Actor actor, Action action, DossierStatus to, String reason) {
        DossierStatus from = status;
        if (pausedSince != null) {
            pausedSince = null;
        }
        if (currentStep != null) {
            Step s = steps.get(currentStep - 1);
            if (s.finishedAt == null) {
                s.finishedAt = at;
            }
        }
        finishedAt = at;
        status = to;
        record(at, actor, action, from, to, reason, Map.of());
    }

    /**
     * 4 → 9: the result is signed and ready; the dossier goes back to the
     * receiving desk to be returned. Refused while steps of the workflow are
     * unfinished (see {@link #unfinishedStepsAtCompletion}), rule
     * {@code complete-steps-unfinished}, unless a skip reason is given.
     */
    public void complete(Instant at, Actor actor, String resultNumber, String resultFileId, WorkingCalendar calendar) {
        complete(at, actor, resultNumber, resultFileId, null, calendar);
    }

    /**
     * As {@link #complete(Instant, Actor, String, String, WorkingCalendar)};
     * with unfinished steps the leader must say why they are skipped
     * ({@code skipReason}): the reason is the history row's reason and the
     * skipped steps are named in its details; the skipped steps are closed.
     */
    public void complete(Instant at, Actor actor, String resultNumber, String resultFileId, String skipReason,
                         WorkingCalendar calendar) {
        check(Action.COMPLETE, at);
        if (Texts.isBlank(resultNumber)) {
            throw InvalidInput.of("resultNumber", "validation.required");
        }
        List<Step> skipped = unfinishedStepsAtCompletion();
        String why = null;
        if (!skipped.isEmpty()) {
            if (Texts.isBlank(skipReason)) {
                throw new DomainRuleViolation("complete-steps-unfinished", "dossier.complete.stepsUnfinished",
                        String.join(", ", skipped.stream().map(Step::name).toList()));
            }
            why = Texts.clean(skipReason);
        }
        Step current = steps.get(currentStep - 1);
        DossierStatus from = status;
        for (Step s : skipped) {
            s.finishedAt = at;
        }
        current.finishedAt = at;
        Timing stepTiming = calendar.classify(at, current.dueAt);
        Long fromUnit = handlingUnitId;
        this.resultNumber = Texts.clean(resultNumber);
        this.resultFileId = Texts.isBlank(resultFileId) ? null : resultFileId.trim();
        finishedAt = at;
        // the last step, when it is the return at the desk, starts now
        Step last = steps.get(steps.size() - 1);
        if (last.seq > current.seq && last.finishedAt == null) {
            last.startedAt = at;
            if (last.unitId == null) {
                last.unitId = receivingUnitId;
            }
            currentStep = last.seq;
            handlingUnitId = last.unitId;
        } else {
            handlingUnitId = receivingUnitId;
        }
        assigneeId = null;
        status = DossierStatus.DONE;
        handover(current.seq, fromUnit, handlingUnitId, at, actor.name(), null, current.dueAt, stepTiming);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("resultNumber", this.resultNumber);
        details.put("timing", calendar.classify(at, appointmentAt).name());
        if (!skipped.isEmpty()) {
            details.put("skippedSteps", skipped.stream().map(Step::name).toList());
        }
        record(at, actor, Action.COMPLETE, from, status, why, details);
        tellApplicant(ApplicantNotice.Kind.COMPLETED, this.resultNumber, at);
        UnitId receiving = receivingUnit();
        String number = this.resultNumber;
        String timing = String.valueOf(timing(calendar));
        register(c -> new DossierCompleted(c, receiving, number, timing, at));
    }

    /**
     * The steps of the workflow still unfinished if the result were signed now:
     * every step other than the current one that has not finished, except the
     * last step when it comes after the current one and is the desk's (the
     * return of the result, which starts with it).
     */
    public List<Step> unfinishedStepsAtCompletion() {
        if (currentStep == null) {
            return List.of();
        }
        Step last = steps.get(steps.size() - 1);
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            boolean returnStep = s.seq == last.seq && last.seq > currentStep && last.role == Role.ONE_STOP_OFFICER;
            if (s.seq != currentStep && !returnStep && s.finishedAt == null) {
                out.add(s);
            }
        }
        return out;
    }

    /** 9 → 10: the result is handed over in person or sent by post. */
    public void returnResult(Instant at, Actor actor, Channel channel) {
        check(Action.RETURN, at);
        if (channel == null || channel == Channel.ONLINE && resultFileId == null) {
            throw InvalidInput.of("channel", channel == null ? "validation.required" : "dossier.return.noElectronicResult");
        }
        DossierStatus from = status;
        Step last = steps.get(steps.size() - 1);
        if (last.finishedAt == null && last.startedAt != null) {
            last.finishedAt = at;
        }
        returnedAt = at;
        returnChannel = channel;
        status = DossierStatus.RETURNED;
        record(at, actor, Action.RETURN, from, status, null, Map.of("channel", channel.name()));
        tellApplicant(ApplicantNotice.Kind.RETURNED, null, at);
        UnitId receiving = receivingUnit();
        register(c -> new DossierReturned(c, receiving, channel, at));
    }

    /**
     * A paper component without a file gets its scan (digitisation state 1),
     * while the dossier is new or open: a finished dossier (refused,
     * withdrawn, stopped, result ready or returned) is refused with rule
     * {@code dossier-finished}, a component that already has a file with
     * {@code component-has-file}. The status does not change.
     */
    public void scan(Instant at, Actor actor, int seq, String fileId, String fileName) {
        checkScan(seq);
        ComponentItem c = components.get(seq - 1);
        if (Texts.isBlank(fileId)) {
            throw InvalidInput.of("file", "validation.required");
        }
        components.set(seq - 1, new ComponentItem(c.name(), c.originals(), c.copies(), fileId, 1));
        changedComponents.add(seq);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("component", seq);
        details.put("name", c.name());
        details.put("fileId", fileId);
        if (!Texts.isBlank(fileName)) {
            details.put("fileName", fileName);
        }
        record(at, actor, Action.SCAN, status, status, null, details);
    }

    /**
     * The applicant sends, online, papers a supplement request asked for: they
     * join the dossier's components (digitisation state 1) and one history row
     * names them. The status stays "waiting for supplement" and the clock stays
     * stopped until the desk checks them and records supplement-received.
     * Only while a supplement is awaited (rule {@code supplement-not-requested}).
     *
     * @return the sequence number the first new paper got
     */
    public int supplementSubmitted(Instant at, Actor actor, List<ComponentItem> papers) {
        checkSupplementSubmission();
        int first = components.size() + 1;
        List<String> names = new ArrayList<>();
        for (ComponentItem c : papers) {
            components.add(new ComponentItem(c.name(), 0, 1, c.fileId(), 1));
            addedComponents.add(components.size());
            names.add(c.name());
        }
        record(at, actor, Action.SUPPLEMENT_SUBMITTED, status, status, null, Map.of("papers", names));
        return first;
    }

    /** The rule of {@link #supplementSubmitted}, checked before any file is stored. */
    public void checkSupplementSubmission() {
        if (status != DossierStatus.WAITING_SUPPLEMENT) {
            throw new DomainRuleViolation("supplement-not-requested", "dossier.supplement.notRequested");
        }
    }

    /** The rules of {@link #scan}, checked without changing anything (so a refused scan stores no file). */
    public void checkScan(int seq) {
        if (status != DossierStatus.NEW && !status.open()) {
            throw new DomainRuleViolation("dossier-finished", "dossier.scan.finished", status.code());
        }
        if (seq < 1 || seq > components.size()) {
            throw new vn.motcua.shared.NotFound("component " + seq + " of dossier " + code);
        }
        ComponentItem c = components.get(seq - 1);
        if (c.fileId() != null) {
            throw new DomainRuleViolation("component-has-file", "dossier.scan.hasFile", c.name());
        }
    }

    /** Whether a component can still take a scan: it exists, has no file, and the dossier is new or open. */
    public boolean mayScan(int seq) {
        return (status == DossierStatus.NEW || status.open()) && seq >= 1 && seq <= components.size()
                && components.get(seq - 1).fileId() == null;
    }

    /** The unit holding this dossier was merged away: the successor takes it, code and deadlines unchanged. */
    public void transferToSuccessor(Instant at, Actor actor, java.util.Set<Long> dissolved, long successor) {
        boolean moved = false;
        for (Step s : steps) {
            if (s.finishedAt == null && s.unitId != null && dissolved.contains(s.unitId)) {
                s.unitId = successor;
                moved = true;
            }
        }
        if (handlingUnitId != null && dissolved.contains(handlingUnitId)) {
            handlingUnitId = successor;
            moved = true;
        }
        if (moved) {
            record(at, actor, Action.TRANSFER_TO_SUCCESSOR, status, status, null, Map.of("successor", successor));
        }
    }

    // --- rules ---------------------------------------------------------------------------------

    /**
     * The rule that refuses this act now whatever it carries, or null: the
     * status it must start from ({@link ActPolicy#from}), a next step to
     * forward to, the supplement requested once, the apology once and before
     * the appointment. Every act checks it first; {@link ActPolicy#allowedActs}
     * asks it for the page's buttons.
     */
    public DomainRuleViolation refusal(Action action, Instant at) {
        if (!ActPolicy.from(action).contains(status)) {
            return new DomainRuleViolation("illegal-transition", "dossier.illegalTransition", action.path(), status.code());
        }
        switch (action) {
            case FORWARD -> {
                if (currentStep == null || currentStep >= steps.size()) {
                    return new DomainRuleViolation("no-next-step", "dossier.forward.noNextStep");
                }
            }
            case REQUEST_SUPPLEMENT -> {
                if (supplementCount >= 1) {
                    return new DomainRuleViolation("supplement-once", "dossier.supplement.once");
                }
            }
            case APOLOGIZE -> {
                if (apologyCount >= 1) {
                    return new DomainRuleViolation("apology-once", "dossier.apology.once");
                }
                if (appointmentAt == null || at == null || !at.isBefore(appointmentAt)) {
                    return new DomainRuleViolation("apology-after-deadline", "dossier.apology.late");
                }
            }
            default -> { }
        }
        return null;
    }

    private void check(Action action, Instant at) {
        DomainRuleViolation refused = refusal(action, at);
        if (refused != null) {
            throw refused;
        }
    }

    private static String requireReason(String reason) {
        if (Texts.isBlank(reason)) {
            throw InvalidInput.of("reason", "dossier.reason.required");
        }
        return Texts.clean(reason);
    }

    private void handover(Integer stepSeq, Long fromUnit, Long toUnit, Instant at, String deliverer, String receiver,
                          Instant stepDue, Timing timing) {
        Handover h = new Handover(handovers.size() + 1, stepSeq, fromUnit, toUnit, at, deliverer, receiver, stepDue, timing);
        handovers.add(h);
        newHandovers.add(h);
    }

    /** A message owed to the applicant because of an act, saved in the act's own statement. */
    public record Notice(vn.motcua.dossier.ApplicantNotice.Kind kind, String detail, Instant at) {
    }

    /** Owes the applicant a message about the act just done; it is written with the next save. */
    private void tellApplicant(ApplicantNotice.Kind kind, String detail, Instant at) {
        newNotices.add(new Notice(kind, detail, at));
        noticesQueued = true;
    }

    /**
     * Drops the messages owed so far: for dossiers written as history (the
     * demo data), whose applicants were told at the time.
     */
    void forgetOwedNotices() {
        newNotices.clear();
        noticesQueued = false;
    }

    private void register(java.util.function.Function<String, Object> event) {
        newEvents.add((code, version, index) -> event.apply(code));
    }

    /**
     * The events the acts registered since the last call, in order, to be
     * published after the save (the code and version are then final): each
     * act's own event, a {@link DossierActed} per history row, and one
     * {@link ApplicantNoticesQueued} when an act owes the applicant a message.
     */
    public List<Object> takeEvents() {
        List<Object> out = new ArrayList<>(newEvents.size() + 1);
        int index = 0;
        for (EventDraft e : newEvents) {
            Object event = e.complete(code, version, index);
            if (event instanceof DossierActed) {
                index++;
            }
            out.add(event);
        }
        if (noticesQueued) {
            out.add(new ApplicantNoticesQueued(code));
        }
        newEvents.clear();
        noticesQueued = false;
        return out;
    }

    /** Appends the act's history row and registers its {@link DossierActed}, with the state right after the act. */
    private void record(Instant at, Actor actor, Action action, DossierStatus from, DossierStatus to, String reason,
                        Map<String, Object> details) {
        Long unit = actor.unitId() != null ? actor.unitId() : handlingUnitId;
        newHistory.add(new HistoryEntry(at, actor.staffId(), actor.name(), unit, action, from, to, reason, details));
        UnitId actedFor = unit == null ? null : new UnitId(unit);
        String procedure = procedureCode;
        UnitId receiving = receivingUnit();
        UnitId handling = handlingUnit();
        StaffId holder = assignee();
        Step cur = currentStepOrNull();
        Instant stepDue = cur == null ? null : cur.dueAt;
        Channel ch = channel;
        Instant received = receivedAt;
        Instant appointment = appointmentAt;
        int supplements = supplementCount;
        int apologies = apologyCount;
        newEvents.add((code, version, index) -> new DossierActed(code, version, index, action, from, to, actor.staff(),
                actor.name(), actedFor, procedure, receiving, handling, holder, ch, at, received, appointment, stepDue, reason,
                details, supplements, apologies));
    }

    // --- derived -------------------------------------------------------------------------------

    /**
     * Past the appointment: measured at the end for finished dossiers, at the
     * start of the pause while the clock is stopped, else now.
     */
    public boolean overdue(Instant now) {
        if (appointmentAt == null) {
            return false;
        }
        Instant end = finishedAt != null ? finishedAt : pausedSince != null ? pausedSince : now;
        return end.isAfter(appointmentAt);
    }

    /** Early, on time or late once finished (Decision 766): more than one supplement request counts as late. */
    public Timing timing(WorkingCalendar calendar) {
        if (finishedAt == null || appointmentAt == null || status == DossierStatus.REFUSED) {
            return null;
        }
        if (supplementCount > 1) {
            return Timing.LATE;
        }
        return calendar.classify(finishedAt, appointmentAt);
    }

    public Step currentStepOrNull() {
        return currentStep == null ? null : steps.get(currentStep - 1);
    }

    // read access for the store and views
    public Long id() { return id; }
    public String code() { return code; }
    public DossierStatus status() { return status; }
    public String procedureCode() { return procedureCode; }
    public int procedureVersion() { return procedureVersion; }
    public String procedureName() { return procedureName; }
    public String caseId() { return caseId; }
    public String caseName() { return caseName; }
    public Channel channel() { return channel; }
    public Applicant applicant() { return applicant; }
    public List<ComponentItem> components() { return List.copyOf(components); }
    public UnitId receivingUnit() { return new UnitId(receivingUnitId); }
    public UnitId handlingUnit() { return handlingUnitId == null ? null : new UnitId(handlingUnitId); }
    public StaffId assignee() { return assigneeId == null ? null : new StaffId(assigneeId); }
    public List<Step> steps() { return List.copyOf(steps); }
    public List<Handover> handovers() { return List.copyOf(handovers); }
    public Instant filedAt() { return filedAt; }
    public Instant receivedAt() { return receivedAt; }
    public Instant appointmentAt() { return appointmentAt; }
    public Instant originalAppointmentAt() { return originalAppointmentAt; }
    public Instant pausedSince() { return pausedSince; }
    public long pausedMinutes() { return pausedMinutes; }
    public Instant finishedAt() { return finishedAt; }
    public Instant returnedAt() { return returnedAt; }
    public Channel returnChannel() { return returnChannel; }
    public String resultNumber() { return resultNumber; }
    public String resultFileId() { return resultFileId; }
    public int supplementCount() { return supplementCount; }
    public int apologyCount() { return apologyCount; }
    public String supplementItems() { return supplementItems; }
    public long feeVnd() { return feeVnd; }
    public Long paymentAmountVnd() { return paymentAmountVnd; }
    public BigDecimal durationAmount() { return durationAmount; }
    public DurationUnit durationUnit() { return durationUnit; }
    public int version() { return version; }
    public List<HistoryEntry> pendingHistory() { return List.copyOf(newHistory); }
}
