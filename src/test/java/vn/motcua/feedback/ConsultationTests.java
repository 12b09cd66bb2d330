package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.motcua.shared.NotFound;
import vn.motcua.support.IntegrationTest;

/** A unit puts a draft out for comments; comments wait for moderation; after the closing date the unit publishes its summary. */
class ConsultationTests extends IntegrationTest {

    @Autowired
    ConsultationService consultations;

    @Autowired
    FeedbackWorld worlds;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    @Test
    void commentsAreModeratedAnsweredAndCountedAndTheSummaryComesAfterTheClosingDate() {
        FeedbackWorld.World w = worlds.world();
        clock.pin(FeedbackLifecycleTests.at("2026-07-01T09:00"));
        ConsultationView c = consultations.create(new ConsultationCommand(w.agency().id(), ConsultationKind.SIMPLIFICATION,
                "Phương án đơn giản hóa thủ tục cấp phép thử nghiệm", "Đề xuất bỏ thành phần bản sao giấy tờ tùy thân vì đã khai thác "
                + "từ Cơ sở dữ liệu quốc gia về dân cư.", "Thủ tục 9.000123", LocalDate.of(2026, 7, 10)), w.leaderPrincipal());
        assertThat(c.status()).isEqualTo(ConsultationStatus.DRAFT);
        assertThatThrownBy(() -> consultations.publicView(c.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> consultations.open(c.id(), w.otherPrincipal())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> consultations.open(c.id(), w.supervisorPrincipal())).isInstanceOf(AccessDeniedException.class);
        // the division's specialist runs the division's consultations, not the agency's above it
        assertThatThrownBy(() -> consultations.open(c.id(), w.specialistPrincipal())).isInstanceOf(NotFound.class);
        consultations.open(c.id(), w.leaderPrincipal());
        consultations.comment(c.id(), "Công ty TNHH Thử", "phap.che@example.vn", "Công ty TNHH Thử", "Đồng ý bỏ bản sao, đề nghị bỏ luôn "
                + "yêu cầu xác nhận cư trú.", null);
        consultations.comment(c.id(), "Kẻ Quảng Cáo", null, null, "Mua hàng giá rẻ tại trang của chúng tôi!!!", null);
        ConsultationView pub = consultations.publicView(c.id());
        assertThat(pub.comments()).isEmpty();
        assertThat(pub.acceptingComments()).isTrue();
        ConsultationView staff = consultations.staffView(c.id(), w.leaderPrincipal());
        assertThat(staff.pending()).isEqualTo(2);
        long good = staff.comments().get(0).id();
        long spam = staff.comments().get(1).id();
        consultations.moderate(c.id(), good, true, null, "Tiếp thu; sẽ rà soát yêu cầu xác nhận cư trú.", w.leaderPrincipal());
        consultations.moderate(c.id(), spam, false, "Quảng cáo, không liên quan", null, w.leaderPrincipal());
        pub = consultations.publicView(c.id());
        assertThat(pub.comments()).singleElement().satisfies(m -> {
            assertThat(m.reply()).startsWith("Tiếp thu");
            assertThat(m.authorEmail()).isNull();
        });
        assertThatThrownBy(() -> consultations.conclude(c.id(), "Tổng hợp ý kiến: một ý kiến đồng ý.", w.leaderPrincipal()))
                .extracting("rule").isEqualTo("consultation-still-open");
        clock.pin(FeedbackLifecycleTests.at("2026-07-11T08:00"));
        assertThatThrownBy(() -> consultations.comment(c.id(), "Muộn Màng", null, null, "Góp ý sau khi hết hạn.", null))
                .extracting("rule").isEqualTo("consultation-closed");
        ConsultationView done = consultations.conclude(c.id(), "Tổng hợp ý kiến: một ý kiến đồng ý và đề nghị thêm, đã tiếp thu.",
                w.leaderPrincipal());
        assertThat(done.status()).isEqualTo(ConsultationStatus.CONCLUDED);
        assertThat(consultations.perUnit(FeedbackLifecycleTests.vn("2026-07-01T00:00"), FeedbackLifecycleTests.vn("2026-07-31T00:00")))
                .filteredOn(u -> u.unitId() == w.agency().id()).singleElement()
                .satisfies(u -> {
                    assertThat(u.comments()).isEqualTo(2);
                    assertThat(u.approved()).isEqualTo(1);
                });
    }
}
