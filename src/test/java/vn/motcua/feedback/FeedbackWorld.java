package vn.motcua.feedback;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;

/**
 * A PAKN test's own province corner: a desk unit (registered as a PAKN desk)
 * with its one-stop officer, a competent agency with a division, its
 * specialist and leader, and another agency's specialist who sees nothing.
 */
@Component
public class FeedbackWorld {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Fixtures fixtures;
    private final FeedbackService feedback;

    public FeedbackWorld(Fixtures fixtures, FeedbackService feedback) {
        this.fixtures = fixtures;
        this.feedback = feedback;
    }

    public record World(UnitView deskUnit, StaffView desk, UnitView agency, UnitView division, StaffView specialist,
                        StaffView leader, UnitView otherAgency, StaffView otherSpecialist, StaffView supervisor) {

        public StaffPrincipal deskPrincipal() {
            return DossierFixtures.World.principal(desk);
        }

        public StaffPrincipal specialistPrincipal() {
            return DossierFixtures.World.principal(specialist);
        }

        public StaffPrincipal leaderPrincipal() {
            return DossierFixtures.World.principal(leader);
        }

        public StaffPrincipal otherPrincipal() {
            return DossierFixtures.World.principal(otherSpecialist);
        }

        public StaffPrincipal supervisorPrincipal() {
            return DossierFixtures.World.principal(supervisor);
        }
    }

    public World world() {
        int n = SEQ.incrementAndGet();
        UnitView deskUnit = fixtures.child(fixtures.province(), "Bộ phận Một cửa Văn phòng thử PAKN " + n, UnitKind.SERVICE_CENTRE);
        feedback.registerDesk(deskUnit.unitId(), "test");
        StaffView desk = fixtures.staff(Role.ONE_STOP_OFFICER, deskUnit);
        UnitView agency = fixtures.agency("Sở Thử PAKN " + n);
        UnitView division = fixtures.child(agency, "Phòng Thử PAKN " + n, UnitKind.DIVISION);
        StaffView specialist = fixtures.staff(Role.SPECIALIST, division);
        StaffView leader = fixtures.staff(Role.LEADER, agency);
        UnitView other = fixtures.agency("Sở Khác PAKN " + n);
        StaffView otherSpecialist = fixtures.staff(Role.SPECIALIST, other);
        StaffView supervisor = fixtures.staff(Role.SUPERVISOR, fixtures.province());
        return new World(deskUnit, desk, agency, division, specialist, leader, other, otherSpecialist, supervisor);
    }

    /** A PAKN about a unit, from the public site, with an e-mail address unique to the test. */
    public static FileFeedback about(UnitView unit, String title) {
        return new FileFeedback(FeedbackKind.REFLECTION, "Nguyễn Văn Phản Ánh", "pakn." + System.nanoTime() + "@example.vn",
                "0912345678", "Số 1 Lê Lợi, Vinh", FeedbackSubject.UNIT, null, unit.id(), null, null, title,
                "Cán bộ yêu cầu nộp thêm giấy xác nhận cư trú không có trong thành phần hồ sơ của thủ tục. Số điện thoại của tôi 0912345678.");
    }
}
