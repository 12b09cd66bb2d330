package vn.motcua.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;

/**
 * A small province of its own for a dossier test: an agency with a division,
 * a one-stop desk, one officer of each role, and a published 5-working-day
 * procedure whose workflow runs desk → division → agency leader → desk.
 */
@Component
public class DossierFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger(100);

    private final Fixtures fixtures;
    private final CatalogService catalog;

    public DossierFixtures(Fixtures fixtures, CatalogService catalog) {
        this.fixtures = fixtures;
        this.catalog = catalog;
    }

    /** Everything a dossier journey needs, with principals to act as. */
    public record World(UnitView agency, UnitView division, UnitView desk, StaffView deskOfficer, StaffView specialist,
                        StaffView leader, ProcedureDetail procedure) {

        public StaffPrincipal deskPrincipal() {
            return principal(deskOfficer);
        }

        public StaffPrincipal specialistPrincipal() {
            return principal(specialist);
        }

        public StaffPrincipal leaderPrincipal() {
            return principal(leader);
        }

        public static StaffPrincipal principal(StaffView s) {
            return new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
        }
    }

    public World world() {
        return world(false);
    }

    /** As {@link #world()}, the procedure flagged inter-agency (liên thông) or not. */
    public World world(boolean interAgency) {
        UnitView agency = fixtures.agency("Sở Thử nghiệm Hồ sơ " + SEQ.incrementAndGet());
        UnitView division = fixtures.child(agency, "Phòng Nghiệp vụ", UnitKind.DIVISION);
        UnitView desk = fixtures.child(fixtures.province(), "Quầy Một cửa " + SEQ.incrementAndGet(), UnitKind.ONE_STOP_DESK);
        StaffView officer = fixtures.staff(Role.ONE_STOP_OFFICER, desk);
        StaffView specialist = fixtures.staff(Role.SPECIALIST, division);
        StaffView leader = fixtures.staff(Role.LEADER, agency);
        String code = String.format("9.%06d", SEQ.incrementAndGet());
        ProcedureCommand cmd = new ProcedureCommand(code, "Cấp giấy phép thử nghiệm số " + code, "Thử nghiệm",
                UnitLevel.PROVINCE, UnitRef.unit(agency.id()), List.of("Công dân"),
                Set.of(FilingMethod.IN_PERSON, FilingMethod.ONLINE), OnlineLevel.FULL, interAgency, true,
                List.of(new ProcedureCase("chung", "Trường hợp chung", ProcessingTime.of("5", DurationUnit.WORKING_DAYS), null,
                        List.of(new Step("Tiếp nhận hồ sơ", Role.ONE_STOP_OFFICER, UnitRef.unit(desk.id()), BigDecimal.ZERO),
                                new Step("Thẩm định", Role.SPECIALIST, UnitRef.unit(division.id()), new BigDecimal("3.5")),
                                new Step("Phê duyệt", Role.LEADER, UnitRef.unit(agency.id()), new BigDecimal("1.5")),
                                new Step("Trả kết quả", Role.ONE_STOP_OFFICER, UnitRef.unit(desk.id()), BigDecimal.ZERO)))),
                List.of(new ProcedureComponent("Tờ khai đề nghị", 1, 0, null),
                        new ProcedureComponent("Bản sao căn cước", 0, 1, null)),
                List.of(), List.of(new Fee("Lệ phí", 100_000L, null)), 100_000L, "Giấy phép", List.of(), null);
        catalog.create(cmd, "test");
        ProcedureDetail published = catalog.publish(code, "01/QĐ-UBND", LocalDate.of(2026, 1, 5), "test");
        return new World(agency, division, desk, officer, specialist, leader, published);
    }
}
