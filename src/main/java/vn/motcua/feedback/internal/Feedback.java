package vn.motcua.feedback.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.feedback.FeedbackAboutOfficerFiled;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackAnswerRated;
import vn.motcua.feedback.FeedbackAnswered;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackFiled;
import vn.motcua.feedback.FeedbackKind;
import vn.motcua.feedback.FeedbackLimit;
import vn.motcua.feedback.FeedbackPublished;
import vn.motcua.feedback.FeedbackRating;
import vn.motcua.feedback.FeedbackReceived;
import vn.motcua.feedback.FeedbackRefused;
import vn.motcua.feedback.FeedbackRerouted;
import vn.motcua.feedback.FeedbackReturned;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.FeedbackSubject;
import vn.motcua.feedback.FeedbackSupplementRequested;
import vn.motcua.feedback.FeedbackSupplemented;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;
import vn.motcua.shared.DomainRuleViolation;

/**
 * One PAKN and its lifecycle (DOMAIN.md §7). Every act is a method named for
 * it, guarded by the status, taking the moment it happens and the working
 * calendar that turns {@link FeedbackLimit}s into due times; each registers
 * the event other modules are told of. Illegal acts fail with a
 * {@link DomainRuleViolation} naming the rule:
 * {@code feedback-illegal-transition}, {@code feedback-supplement-once},
 * {@code feedback-rating-once}. Fields are package-private for the store.
 */
public final class Feedback {

    public static final String ILLEGAL = "feedback-illegal-transition";
    public static final String SUPPLEMENT_ONCE = "feedback-supplement-once";
    public static final String RATING_ONCE = "feedback-rating-once";

    Long id;
    String code;
    String keyHash;
    FeedbackKind kind;
    FeedbackStatus status;
    FeedbackChannel channel;
    String senderName;
    String senderEmail;
    String senderPhone;
    String senderAddress;
    Long senderAccountId;
    String contactKey;
    FeedbackSubject subject;
    String procedureCode;
    Long unitId;
    String officerName;
    Long officerId;
    String dossierCode;
    String title;
    String content;
    Instant filedAt;
    Instant intakeDueAt;
    Instant supplementDueAt;
    String supplementRequest;
    Instant supplementRequestedAt;
    String supplementText;
    Instant supplementedAt;
    Instant refusedAt;
    String refusalReason;
    Instant receivedAt;
    String intakeDecidedBy;
    Boolean intakeOnTime;
    Boolean supplementOnTime;
    Long routedUnitId;
    Instant routedAt;
    int routings;
    Instant handleDueAt;
    Instant returnedAt;
    String returnReason;
    String answer;
    Instant answeredAt;
    String answeredBy;
    Long answeredById;
    Long answeredUnitId;
    Instant publishDueAt;
    Instant publishedAt;
    String publishedBy;
    String publishedTitle;
    String publishedQuestion;
    String publishedAnswer;
    FeedbackRating rating;
    String ratingComment;
    Instant ratedAt;
    int version;

    private final List<Object> events = new ArrayList<>();

    Feedback() {
    }

    /** The sender's details as filed. */
    public record Sender(String name, String email, String phone, String address, Long accountId, String contactKey) {
    }

    /** What the PAKN is about, as filed. */
    public record About(FeedbackSubject subject, String procedureCode, Long unitId, String officerName, String dossierCode) {
    }

    /** A new PAKN, waiting for intake: the desk owes its decision by 2 working days, a request for more by 5. */
    public static Feedback file(String code, String keyHash, FeedbackKind kind, FeedbackChannel channel, Sender sender, About about,
                                String title, String content, Instant at, WorkingCalendar cal) {
        Feedback f = new Feedback();
        f.code = code;
        f.keyHash = keyHash;
        f.kind = kind;
        f.channel = channel;
        f.status = FeedbackStatus.WAITING_INTAKE;
        f.senderName = sender.name();
        f.senderEmail = sender.email();
        f.senderPhone = sender.phone();
        f.senderAddress = sender.address();
        f.senderAccountId = sender.accountId();
        f.contactKey = sender.contactKey();
        f.subject = about.subject();
        f.procedureCode = about.procedureCode();
        f.unitId = about.unitId();
        f.officerName = about.officerName();
        f.dossierCode = about.dossierCode();
        f.title = title;
        f.content = content;
        f.filedAt = at;
        f.intakeDueAt = due(cal, at, FeedbackLimit.INTAKE);
        f.supplementDueAt = due(cal, at, FeedbackLimit.SUPPLEMENT_REQUEST);
        f.events.add(new FeedbackFiled(code, kind, about.subject(), about.procedureCode(),
                about.unitId() == null ? null : new UnitId(about.unitId()), about.dossierCode(), channel, at, f.intakeDueAt));
        return f;
    }

    /**
     * The desk receives the PAKN and routes it to the competent unit, which
     * owes the answer within 15 working days. {@code officer} is the account of
     * the officer a PAKN about an officer names, when the desk identified it,
     * with the unit the officer works in.
     */
    public void receive(Instant at, long toUnit, StaffId officer, UnitId officerUnit, String actor, WorkingCalendar cal) {
        require(FeedbackAction.RECEIVE, FeedbackStatus.WAITING_INTAKE);
        receivedAt = at;
        intakeDecidedBy = actor;
        intakeOnTime = !at.isAfter(intakeDueAt);
        routeTo(at, toUnit, cal);
        status = FeedbackStatus.PROCESSING;
        events.add(new FeedbackReceived(code, new UnitId(toUnit), at, intakeOnTime, handleDueAt));
        if (officer != null) {
            officerId = officer.value();
            events.add(new FeedbackAboutOfficerFiled(code, officer, officerUnit, dossierCode, filedAt, at));
        }
    }

    /** The desk refuses it (not about administrative regulations or procedures, anonymous, abusive...), with the reason. */
    public void refuse(Instant at, String reason, String actor) {
        require(FeedbackAction.REFUSE, FeedbackStatus.WAITING_INTAKE, FeedbackStatus.WAITING_SUPPLEMENT, FeedbackStatus.RETURNED);
        // waiting for the sender, the desk owes nothing: a refusal then is never late
        boolean onTime = status == FeedbackStatus.WAITING_SUPPLEMENT || !at.isAfter(intakeDueAt);
        if (status != FeedbackStatus.RETURNED) {
            intakeOnTime = onTime;
        }
        refusedAt = at;
        refusalReason = reason;
        intakeDecidedBy = actor;
        status = FeedbackStatus.REFUSED;
        events.add(new FeedbackRefused(code, at, onTime));
    }

    /** The desk asks the sender for more, once, in writing. The desk's clock stops until it comes. */
    public void requestSupplement(Instant at, String request, String actor) {
        require(FeedbackAction.REQUEST_SUPPLEMENT, FeedbackStatus.WAITING_INTAKE);
        if (supplementRequestedAt != null) {
            throw new DomainRuleViolation(SUPPLEMENT_ONCE, "feedback.rule.supplementOnce");
        }
        supplementRequest = request;
        supplementRequestedAt = at;
        supplementOnTime = !at.isAfter(supplementDueAt);
        intakeDecidedBy = actor;
        status = FeedbackStatus.WAITING_SUPPLEMENT;
        events.add(new FeedbackSupplementRequested(code, at, supplementOnTime));
    }

    /** The sender sends what was asked: the desk decides again within 2 working days. */
    public void supplement(Instant at, String text, WorkingCalendar cal) {
        require(FeedbackAction.SUPPLEMENT, FeedbackStatus.WAITING_SUPPLEMENT);
        supplementText = text;
        supplementedAt = at;
        intakeDueAt = due(cal, at, FeedbackLimit.INTAKE);
        status = FeedbackStatus.WAITING_INTAKE;
        events.add(new FeedbackSupplemented(code, at, intakeDueAt));
    }

    /** The unit sends it back to the desk as outside its competence; the desk decides again within 2 working days. */
    public void returnToDesk(Instant at, String reason, String actor, WorkingCalendar cal) {
        require(FeedbackAction.RETURN, FeedbackStatus.PROCESSING);
        returnedAt = at;
        returnReason = reason;
        intakeDueAt = due(cal, at, FeedbackLimit.INTAKE);
        status = FeedbackStatus.RETURNED;
        events.add(new FeedbackReturned(code, new UnitId(routedUnitId), at));
    }

    /** The desk routes a returned PAKN again: a new referral, a new 15-day limit. */
    public void route(Instant at, long toUnit, String actor, WorkingCalendar cal) {
        require(FeedbackAction.ROUTE, FeedbackStatus.RETURNED);
        UnitId from = routedUnitId == null ? null : new UnitId(routedUnitId);
        routeTo(at, toUnit, cal);
        status = FeedbackStatus.PROCESSING;
        events.add(new FeedbackRerouted(code, from, new UnitId(toUnit), at, handleDueAt));
    }

    /** The unit answers; the desk publishes within 2 working days. */
    public void answer(Instant at, String text, String actor, StaffId by, WorkingCalendar cal) {
        require(FeedbackAction.ANSWER, FeedbackStatus.PROCESSING);
        answer = text;
        answeredAt = at;
        answeredBy = actor;
        answeredById = by == null ? null : by.value();
        answeredUnitId = routedUnitId;
        publishDueAt = due(cal, at, FeedbackLimit.PUBLICATION);
        status = FeedbackStatus.WAITING_PUBLISH;
        events.add(new FeedbackAnswered(code, new UnitId(routedUnitId), by, at, handleDueAt, answeredOnTime()));
    }

    /** The desk publishes the answer in its own words, personal data removed. */
    public void publish(Instant at, String title, String question, String answerText, String actor) {
        require(FeedbackAction.PUBLISH, FeedbackStatus.WAITING_PUBLISH);
        publishedAt = at;
        publishedBy = actor;
        publishedTitle = title;
        publishedQuestion = question;
        publishedAnswer = answerText;
        status = FeedbackStatus.PUBLISHED;
        boolean answered = Boolean.TRUE.equals(answeredOnTime());
        boolean published = Boolean.TRUE.equals(publishedOnTime());
        events.add(new FeedbackPublished(code, new UnitId(answeredUnitId), receivedAt, answeredAt, at, answered, published,
                answered && published));
    }

    /** The sender rates the published answer, once. */
    public void rate(Instant at, FeedbackRating r, String comment) {
        if (rating != null) {
            throw new DomainRuleViolation(RATING_ONCE, "feedback.rule.ratingOnce");
        }
        require(FeedbackAction.RATE, FeedbackStatus.PUBLISHED);
        rating = r;
        ratingComment = comment;
        ratedAt = at;
        events.add(new FeedbackAnswerRated(code, answeredUnitId == null ? null : new UnitId(answeredUnitId), r, at));
    }

    private void routeTo(Instant at, long toUnit, WorkingCalendar cal) {
        routedUnitId = toUnit;
        routedAt = at;
        routings++;
        handleDueAt = due(cal, at, FeedbackLimit.HANDLING);
    }

    private void require(FeedbackAction action, FeedbackStatus... allowed) {
        if (!EnumSet.copyOf(List.of(allowed)).contains(status)) {
            throw new DomainRuleViolation(ILLEGAL, "feedback.rule.illegal", action.path(), status.name());
        }
    }

    /** The acts the status allows (who may do them is the service's rule). */
    public Set<FeedbackAction> possibleActs() {
        return switch (status) {
            case WAITING_INTAKE -> supplementRequestedAt == null
                    ? EnumSet.of(FeedbackAction.RECEIVE, FeedbackAction.REFUSE, FeedbackAction.REQUEST_SUPPLEMENT)
                    : EnumSet.of(FeedbackAction.RECEIVE, FeedbackAction.REFUSE);
            case WAITING_SUPPLEMENT -> EnumSet.of(FeedbackAction.REFUSE, FeedbackAction.SUPPLEMENT);
            case PROCESSING -> EnumSet.of(FeedbackAction.ANSWER, FeedbackAction.RETURN);
            case RETURNED -> EnumSet.of(FeedbackAction.ROUTE, FeedbackAction.REFUSE);
            case WAITING_PUBLISH -> EnumSet.of(FeedbackAction.PUBLISH);
            case PUBLISHED -> rating == null ? EnumSet.of(FeedbackAction.RATE) : EnumSet.noneOf(FeedbackAction.class);
            case REFUSED -> EnumSet.noneOf(FeedbackAction.class);
        };
    }

    /** The due time of the stage it waits in: the desk's intake, the unit's answer or the publication; null otherwise. */
    public Instant dueAt() {
        return switch (status) {
            case WAITING_INTAKE, RETURNED -> intakeDueAt;
            case PROCESSING -> handleDueAt;
            case WAITING_PUBLISH -> publishDueAt;
            default -> null;
        };
    }

    public boolean overdueAt(Instant now) {
        Instant due = dueAt();
        return due != null && now.isAfter(due);
    }

    /** Whether the answer came within the handling limit; null before it. */
    public Boolean answeredOnTime() {
        return answeredAt == null ? null : !answeredAt.isAfter(handleDueAt);
    }

    /** Whether the publication came within 2 working days of the answer; null before it. */
    public Boolean publishedOnTime() {
        return publishedAt == null ? null : !publishedAt.isAfter(publishDueAt);
    }

    static Instant due(WorkingCalendar cal, Instant from, FeedbackLimit limit) {
        return cal.due(from, BigDecimal.valueOf(limit.workingDays()), DurationUnit.WORKING_DAYS);
    }

    /** The events registered since the last call, in order. */
    public List<Object> takeEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public Long id() { return id; }
    public String code() { return code; }
    public String keyHash() { return keyHash; }
    public FeedbackKind kind() { return kind; }
    public FeedbackStatus status() { return status; }
    public FeedbackChannel channel() { return channel; }
    public String senderName() { return senderName; }
    public String senderEmail() { return senderEmail; }
    public String senderPhone() { return senderPhone; }
    public String senderAddress() { return senderAddress; }
    public Long senderAccountId() { return senderAccountId; }
    public FeedbackSubject subject() { return subject; }
    public String procedureCode() { return procedureCode; }
    public Long unitId() { return unitId; }
    public String officerName() { return officerName; }
    public Long officerId() { return officerId; }
    public String dossierCode() { return dossierCode; }
    public String title() { return title; }
    public String content() { return content; }
    public Instant filedAt() { return filedAt; }
    public Instant intakeDueAt() { return intakeDueAt; }
    public Instant supplementDueAt() { return supplementDueAt; }
    public String supplementRequest() { return supplementRequest; }
    public Instant supplementRequestedAt() { return supplementRequestedAt; }
    public String supplementText() { return supplementText; }
    public Instant supplementedAt() { return supplementedAt; }
    public Instant refusedAt() { return refusedAt; }
    public String refusalReason() { return refusalReason; }
    public Instant receivedAt() { return receivedAt; }
    public Boolean intakeOnTime() { return intakeOnTime; }
    public Boolean supplementOnTime() { return supplementOnTime; }
    public Long routedUnitId() { return routedUnitId; }
    public Instant routedAt() { return routedAt; }
    public Instant handleDueAt() { return handleDueAt; }
    public Instant returnedAt() { return returnedAt; }
    public String returnReason() { return returnReason; }
    public String answer() { return answer; }
    public Instant answeredAt() { return answeredAt; }
    public String answeredBy() { return answeredBy; }
    public Long answeredUnitId() { return answeredUnitId; }
    public Instant publishDueAt() { return publishDueAt; }
    public Instant publishedAt() { return publishedAt; }
    public String publishedTitle() { return publishedTitle; }
    public String publishedQuestion() { return publishedQuestion; }
    public String publishedAnswer() { return publishedAnswer; }
    public FeedbackRating rating() { return rating; }
    public String ratingComment() { return ratingComment; }
    public Instant ratedAt() { return ratedAt; }
    public int version() { return version; }
}
