package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.support.IntegrationTest;

/**
 * A PAKN through every status on the province's working calendar of 2026,
 * whose Hùng Kings' day (Monday 27 April) and 30 April – 1 May holidays fall
 * inside its limits: each due time is checked against the calendar, and an
 * answer on the 16th working day after the referral is late.
 */
@RecordApplicationEvents
class FeedbackLifecycleTests extends IntegrationTest {

    /** Thursday 23 April 2026, 09:00 in Vietnam. */
    static final Instant FILED = at("2026-04-23T09:00");

    @Autowired
    FeedbackService feedback;

    @Autowired
    FeedbackWorld worlds;

    @Autowired
    ApplicationEvents events;

    FeedbackWorld.World w;

    static Instant at(String local) {
        return OffsetDateTime.parse(local + ":00+07:00").toInstant();
    }

    static OffsetDateTime vn(String local) {
        return OffsetDateTime.parse(local + ":00+07:00");
    }

    @BeforeEach
    void world() {
        w = worlds.world();
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    private FiledFeedback file(Instant when, String title) {
        clock.pin(when);
        return feedback.file(FeedbackWorld.about(w.agency(), title), List.of(), FeedbackChannel.PUBLIC_SITE, null, "192.0.2.7");
    }

    private FeedbackView act(Instant when, String code, FeedbackAction action, FeedbackAct body, FeedbackWorld.World world,
                             boolean desk) {
        clock.pin(when);
        return feedback.act(code, action, body, desk ? world.deskPrincipal() : world.specialistPrincipal());
    }

    @Test
    void drivesAPaknThroughEveryStatusAndEachDueTimeSkipsTheHolidays() {
        FiledFeedback filed = file(FILED, "Yêu cầu giấy tờ ngoài quy định");
        assertThat(filed.code()).matches("PAKN-260423-\\d{4}");
        assertThat(filed.key()).hasSize(12);
        assertThat(filed.status()).isEqualTo(FeedbackStatus.WAITING_INTAKE);
        FeedbackView v = feedback.get(filed.code(), w.deskPrincipal());
        // 2 working days: Friday 24, (Monday 27 is Hùng Kings' day) Tuesday 28
        assertThat(v.intakeDueAt()).isEqualTo(vn("2026-04-28T09:00"));
        // 5 working days: 24, 28, 29, (30 April, 1 May, the weekend) 4 May, 5 May
        assertThat(v.supplementDueAt()).isEqualTo(vn("2026-05-05T09:00"));
        assertThat(v.dueAt()).isEqualTo(v.intakeDueAt());

        // the desk asks for more on Friday; the sender answers on Tuesday afternoon
        v = act(at("2026-04-24T10:00"), filed.code(), FeedbackAction.REQUEST_SUPPLEMENT,
                FeedbackAct.text("Đề nghị cho biết tên thủ tục và ngày nộp hồ sơ."), w, true);
        assertThat(v.status()).isEqualTo(FeedbackStatus.WAITING_SUPPLEMENT);
        assertThat(v.dueAt()).isNull();
        assertThatThrownBy(() -> act(at("2026-04-24T10:05"), filed.code(), FeedbackAction.RECEIVE,
                FeedbackAct.route(w.division().id()), w, true))
                .isInstanceOf(DomainRuleViolation.class).extracting("rule").isEqualTo("feedback-illegal-transition");
        clock.pin(at("2026-04-28T14:00"));
        SenderFeedbackView s = feedback.supplement(filed.code(), filed.key(), null, "Thủ tục đăng ký thường trú, nộp ngày 20/4.", null);
        assertThat(s.status().status()).isEqualTo(FeedbackStatus.WAITING_INTAKE);
        v = feedback.get(filed.code(), w.deskPrincipal());
        // 2 working days from Tuesday 14:00: Wednesday 29, (30 April – 3 May off) Monday 4 May
        assertThat(v.intakeDueAt()).isEqualTo(vn("2026-05-04T14:00"));
        assertThatThrownBy(() -> act(at("2026-04-28T15:00"), filed.code(), FeedbackAction.REQUEST_SUPPLEMENT,
                FeedbackAct.text("Thêm nữa"), w, true)).extracting("rule").isEqualTo("feedback-supplement-once");

        // received and routed on Wednesday 29: the answer is due 15 working days later
        v = act(at("2026-04-29T10:00"), filed.code(), FeedbackAction.RECEIVE, FeedbackAct.route(w.division().id()), w, true);
        assertThat(v.status()).isEqualTo(FeedbackStatus.PROCESSING);
        assertThat(v.intakeOnTime()).isTrue();
        assertThat(v.handleDueAt()).isEqualTo(vn("2026-05-22T10:00"));
        assertThat(v.routedUnit().id()).isEqualTo(w.division().id());

        // the division says it is not its matter; the desk routes it to the agency the next morning
        v = act(at("2026-05-04T09:00"), filed.code(), FeedbackAction.RETURN, FeedbackAct.reason("Không thuộc thẩm quyền của phòng"),
                w, false);
        assertThat(v.status()).isEqualTo(FeedbackStatus.RETURNED);
        assertThat(v.intakeDueAt()).isEqualTo(vn("2026-05-06T09:00"));
        v = act(at("2026-05-05T08:00"), filed.code(), FeedbackAction.ROUTE, FeedbackAct.route(w.agency().id()), w, true);
        assertThat(v.status()).isEqualTo(FeedbackStatus.PROCESSING);
        // a new referral, a new limit: 15 working days from Tuesday 5 May 08:00
        assertThat(v.handleDueAt()).isEqualTo(vn("2026-05-26T08:00"));

        // the leader answers on day 15: on time; published the next day, within 2 working days
        clock.pin(at("2026-05-26T07:45"));
        v = feedback.act(filed.code(), FeedbackAction.ANSWER, FeedbackAct.text("Thủ tục không yêu cầu giấy xác nhận cư trú. "
                + "Sở đã chấn chỉnh bộ phận tiếp nhận; ông Nguyễn Văn Phản Ánh nộp lại hồ sơ theo đúng thành phần."), w.leaderPrincipal());
        assertThat(v.status()).isEqualTo(FeedbackStatus.WAITING_PUBLISH);
        assertThat(v.answeredOnTime()).isTrue();
        assertThat(v.publishDueAt()).isEqualTo(vn("2026-05-28T07:45"));
        v = act(at("2026-05-27T16:00"), filed.code(), FeedbackAction.PUBLISH, FeedbackAct.empty(), w, true);
        assertThat(v.status()).isEqualTo(FeedbackStatus.PUBLISHED);
        assertThat(v.publishedOnTime()).isTrue();
        // published without personal data: the sender's name and phone number are gone
        assertThat(v.publishedQuestion()).doesNotContain("0912345678").contains("[…]");
        assertThat(v.publishedAnswer()).doesNotContain("Nguyễn Văn Phản Ánh");

        PublicFeedbackView pub = feedback.publicView(filed.code());
        assertThat(pub.publishedAnswer()).isEqualTo(v.publishedAnswer());
        assertThat(pub.unitName()).isEqualTo(w.agency().name());

        // the sender rates once
        clock.pin(at("2026-05-28T09:00"));
        s = feedback.rate(filed.code(), filed.key(), null, FeedbackRating.SATISFIED, "Cảm ơn", null);
        assertThat(s.rating()).isEqualTo(FeedbackRating.SATISFIED);
        assertThatThrownBy(() -> feedback.rate(filed.code(), filed.key(), null, FeedbackRating.NOT_SATISFIED, null, null))
                .extracting("rule").isEqualTo("feedback-rating-once");

        FeedbackPublished published = events.stream(FeedbackPublished.class)
                .filter(e -> e.code().equals(filed.code())).findFirst().orElseThrow();
        assertThat(published.handledOnTime()).isTrue();
        assertThat(published.unit().value()).isEqualTo(w.agency().id());
        assertThat(events.stream(FeedbackRerouted.class).filter(e -> e.code().equals(filed.code()))).hasSize(1);
        assertThat(events.stream(FeedbackAnswerRated.class).filter(e -> e.code().equals(filed.code()))).hasSize(1);
        assertThat(feedback.history(filed.code(), w.supervisorPrincipal())).extracting("kind").containsExactly(
                "feedback.filed", "feedback.request-supplement", "feedback.supplemented", "feedback.receive", "feedback.return",
                "feedback.route", "feedback.answer", "feedback.publish", "feedback.rated");
    }

    @Test
    void anAnswerOnThe16thWorkingDayIsLateAndSoIsItsPublication() {
        FiledFeedback filed = file(at("2026-05-04T08:00"), "Thời hạn giải quyết quá dài");
        act(at("2026-05-04T09:00"), filed.code(), FeedbackAction.RECEIVE, FeedbackAct.route(w.division().id()), w, true);
        FeedbackView v = feedback.get(filed.code(), w.deskPrincipal());
        assertThat(v.handleDueAt()).isEqualTo(vn("2026-05-25T09:00"));
        // day 15 passes without an answer: overdue, counted
        clock.pin(at("2026-05-25T10:00"));
        assertThat(feedback.get(filed.code(), w.deskPrincipal()).overdue()).isTrue();
        assertThat(feedback.queue(FeedbackQueue.OVERDUE, filed.code(), 0, 20, w.deskPrincipal()).items())
                .extracting(FeedbackSummary::code).containsExactly(filed.code());
        assertThat(feedback.counts(w.specialistPrincipal()).get(FeedbackQueue.OVERDUE)).isGreaterThanOrEqualTo(1);
        // answered and published on day 16
        v = act(at("2026-05-26T08:00"), filed.code(), FeedbackAction.ANSWER, FeedbackAct.text("Đã rút ngắn thời hạn."), w, false);
        assertThat(v.answeredOnTime()).isFalse();
        v = act(at("2026-05-26T09:00"), filed.code(), FeedbackAction.PUBLISH, FeedbackAct.empty(), w, true);
        assertThat(v.publishedOnTime()).isTrue();
        FeedbackPublished e = events.stream(FeedbackPublished.class).filter(p -> p.code().equals(filed.code())).findFirst().orElseThrow();
        assertThat(e.answeredOnTime()).isFalse();
        assertThat(e.handledOnTime()).isFalse();
    }

    @Test
    void anAnswerInTimeButPublishedAfterTwoWorkingDaysIsHandledLate() {
        FiledFeedback filed = file(at("2026-06-01T08:00"), "Công khai thủ tục chưa đầy đủ");
        act(at("2026-06-01T09:00"), filed.code(), FeedbackAction.RECEIVE, FeedbackAct.route(w.division().id()), w, true);
        FeedbackView v = act(at("2026-06-03T09:00"), filed.code(), FeedbackAction.ANSWER, FeedbackAct.text("Đã bổ sung."), w, false);
        assertThat(v.publishDueAt()).isEqualTo(vn("2026-06-05T09:00"));
        clock.pin(at("2026-06-05T10:00"));
        assertThat(feedback.get(filed.code(), w.deskPrincipal()).overdue()).isTrue();
        v = act(at("2026-06-08T09:00"), filed.code(), FeedbackAction.PUBLISH, FeedbackAct.empty(), w, true);
        assertThat(v.answeredOnTime()).isTrue();
        assertThat(v.publishedOnTime()).isFalse();
        assertThat(events.stream(FeedbackPublished.class).filter(p -> p.code().equals(filed.code())).findFirst().orElseThrow()
                .handledOnTime()).isFalse();
    }

    @Test
    void aRefusedPaknKeepsNothingPublicAndAWaitingOneIsLateAfterTwoWorkingDays() {
        FiledFeedback filed = file(at("2026-04-29T16:00"), "Nội dung không thuộc phạm vi tiếp nhận PAKN");
        FeedbackView v = feedback.get(filed.code(), w.deskPrincipal());
        // Wednesday 16:00 + 2 working days: (30 April – 3 May off) Monday 4, Tuesday 5 May 16:00
        assertThat(v.intakeDueAt()).isEqualTo(vn("2026-05-05T16:00"));
        clock.pin(at("2026-05-05T16:30"));
        assertThat(feedback.get(filed.code(), w.deskPrincipal()).overdue()).isTrue();
        v = act(at("2026-05-06T08:00"), filed.code(), FeedbackAction.REFUSE, FeedbackAct.reason("Khiếu nại, không phải PAKN"), w, true);
        assertThat(v.status()).isEqualTo(FeedbackStatus.REFUSED);
        assertThat(v.intakeOnTime()).isFalse();
        assertThat(v.overdue()).isFalse();
        PublicFeedbackView pub = feedback.publicView(filed.code());
        assertThat(pub.status()).isEqualTo(FeedbackStatus.REFUSED);
        assertThat(pub.publishedTitle()).isNull();
        assertThat(pub.publishedQuestion()).isNull();
        assertThat(pub.unitName()).isNull();
        assertThat(feedback.published("pham vi tiep nhan", 0, 20).items()).extracting(PublicFeedbackView::code)
                .doesNotContain(filed.code());
        assertThat(events.stream(FeedbackRefused.class).filter(e -> e.code().equals(filed.code())).findFirst().orElseThrow().onTime())
                .isFalse();
    }

    @Test
    void onlyTheDeskAndTheRoutedUnitActAndOthersDoNotSeeIt() {
        FiledFeedback filed = file(at("2026-06-10T09:00"), "Thái độ cán bộ tiếp nhận");
        assertThatThrownBy(() -> feedback.get(filed.code(), w.specialistPrincipal())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> feedback.act(filed.code(), FeedbackAction.RECEIVE, FeedbackAct.route(w.division().id()),
                w.supervisorPrincipal())).isInstanceOf(AccessDeniedException.class);
        assertThat(feedback.get(filed.code(), w.supervisorPrincipal()).code()).isEqualTo(filed.code());
        assertThatThrownBy(() -> feedback.act(filed.code(), FeedbackAction.RECEIVE, FeedbackAct.empty(), w.deskPrincipal()))
                .isInstanceOf(InvalidInput.class);
        feedback.act(filed.code(), FeedbackAction.RECEIVE, FeedbackAct.route(w.division().id()), w.deskPrincipal());
        assertThat(feedback.allowedActs(filed.code(), w.specialistPrincipal()))
                .containsExactlyInAnyOrder(FeedbackAction.ANSWER, FeedbackAction.RETURN);
        assertThat(feedback.allowedActs(filed.code(), w.deskPrincipal())).isEmpty();
        assertThatThrownBy(() -> feedback.act(filed.code(), FeedbackAction.ANSWER, FeedbackAct.text("Trả lời"), w.deskPrincipal()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> feedback.get(filed.code(), w.otherPrincipal())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> feedback.senderView(filed.code(), "WRONGKEY1234")).isInstanceOf(NotFound.class);
        assertThat(feedback.senderView(filed.code(), filed.key().toLowerCase()).title()).isEqualTo("Thái độ cán bộ tiếp nhận");
    }

    @Test
    void oneContactFilesAtMostFivePaknADay() {
        clock.pin(at("2026-06-15T09:00"));
        FileFeedback cmd = FeedbackWorld.about(w.agency(), "Góp ý nhiều lần trong ngày");
        for (int i = 0; i < 5; i++) {
            feedback.file(cmd, List.of(), FeedbackChannel.API, null, null);
        }
        assertThatThrownBy(() -> feedback.file(cmd, List.of(), FeedbackChannel.API, null, null))
                .extracting("rule").isEqualTo("feedback-daily-limit");
        clock.pin(at("2026-06-16T09:01"));
        assertThat(feedback.file(cmd, List.of(), FeedbackChannel.API, null, null).status()).isEqualTo(FeedbackStatus.WAITING_INTAKE);
    }

    @Test
    void publishedAnswersAreFoundWithoutDiacritics() {
        FiledFeedback filed = file(at("2026-06-17T09:00"), "Lệ phí đăng ký khai sinh cho trẻ em xã vùng cao");
        act(at("2026-06-17T10:00"), filed.code(), FeedbackAction.RECEIVE, FeedbackAct.route(w.division().id()), w, true);
        act(at("2026-06-18T10:00"), filed.code(), FeedbackAction.ANSWER, FeedbackAct.text("Miễn lệ phí theo quy định."), w, false);
        act(at("2026-06-18T11:00"), filed.code(), FeedbackAction.PUBLISH, FeedbackAct.empty(), w, true);
        assertThat(feedback.published("le phi dang ky khai sinh vung cao", 0, 20).items()).extracting(PublicFeedbackView::code)
                .contains(filed.code());
        assertThat(feedback.published("LỆ PHÍ ĐĂNG KÝ KHAI SINH", 0, 20).items()).extracting(PublicFeedbackView::code)
                .contains(filed.code());
    }

    @Test
    void filingRefusesMissingContactsAndShortTexts() {
        clock.pin(at("2026-06-19T09:00"));
        FileFeedback bad = new FileFeedback(FeedbackKind.RECOMMENDATION, "A", null, "12", null, FeedbackSubject.PROCEDURE,
                "0.000000", null, null, null, "Ngắn", "Quá ngắn");
        assertThatThrownBy(() -> feedback.file(bad, List.of(), FeedbackChannel.PUBLIC_SITE, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKeys(
                        "senderName", "phone", "procedureCode", "title", "content"));
        FileFeedback noContact = new FileFeedback(FeedbackKind.RECOMMENDATION, "Người Không Liên Hệ", " ", null, null,
                FeedbackSubject.UNIT, null, w.agency().id(), null, null, "Không để lại liên hệ", "Nội dung đủ dài để gửi đi.");
        assertThatThrownBy(() -> feedback.file(noContact, List.of(), FeedbackChannel.PUBLIC_SITE, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("contact"));
    }
}
