package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;

/** Procedures for tests, each with a code never used before in this run (prefix 9.). */
public final class Samples {

    private static final AtomicInteger SEQ = new AtomicInteger(100_000);

    /** Units of the demo organization the samples name. */
    public static final String CENTRE = "000.00.20.H40";
    public static final String JUSTICE = "000.00.03.H40";
    public static final String JUSTICE_ADMIN = "000.01.03.H40";

    private Samples() {
    }

    public static String code() {
        return "9." + SEQ.incrementAndGet();
    }

    /** A province-level procedure of the Department of Justice: 10 working days in four steps. */
    public static ProcedureCommand province(String code, String name) {
        return new ProcedureCommand(code, name, "Lý lịch tư pháp", UnitLevel.PROVINCE, UnitRef.unitCode(JUSTICE),
                List.of("Công dân Việt Nam"), Set.of(FilingMethod.IN_PERSON, FilingMethod.ONLINE), OnlineLevel.FULL, false, true,
                List.of(new ProcedureCase("TH1", "Trường hợp thông thường", ProcessingTime.of("10", DurationUnit.WORKING_DAYS),
                        ProcessingTime.of("8", DurationUnit.WORKING_DAYS), List.of(
                        step("Tiếp nhận hồ sơ", Role.ONE_STOP_OFFICER, UnitRef.unitCode(CENTRE), "0"),
                        step("Thẩm định hồ sơ", Role.SPECIALIST, UnitRef.unitCode(JUSTICE_ADMIN), "8.5"),
                        step("Ký kết quả", Role.LEADER, UnitRef.unitCode(JUSTICE), "1.5"),
                        step("Trả kết quả", Role.ONE_STOP_OFFICER, UnitRef.unitCode(CENTRE), "0")))),
                List.of(new ProcedureComponent("Tờ khai yêu cầu", 1, 0, "TK-01"), new ProcedureComponent("Bản chụp căn cước", 0, 1, null)),
                List.of(new FormTemplate("TK-01", "Tờ khai yêu cầu", null)),
                List.of(new Fee("Phí cung cấp thông tin", 200_000L, null)), null, "Phiếu kết quả",
                List.of(new LegalDocument("28/2009/QH12", "Luật Lý lịch tư pháp", LocalDate.of(2009, 6, 17))), null);
    }

    /** A commune-level procedure: 3 working days, steps on kinds of commune units. */
    public static ProcedureCommand commune(String code, String name) {
        return new ProcedureCommand(code, name, "Hộ tịch", UnitLevel.COMMUNE, null, List.of("Công dân"),
                Set.of(FilingMethod.IN_PERSON), OnlineLevel.NONE, false, false,
                List.of(new ProcedureCase(null, "Thông thường", ProcessingTime.of("3", DurationUnit.WORKING_DAYS), null, List.of(
                        step("Tiếp nhận", Role.ONE_STOP_OFFICER, UnitRef.kind(UnitKind.ONE_STOP_DESK), "0"),
                        step("Xử lý", Role.SPECIALIST, UnitRef.kind(UnitKind.DIVISION), "2"),
                        step("Ký", Role.LEADER, UnitRef.kind(UnitKind.COMMUNE), "1")))),
                List.of(new ProcedureComponent("Tờ khai", 1, 0, null)), List.of(), List.of(), null, "Giấy xác nhận", List.of(), null);
    }

    public static Step step(String name, Role role, UnitRef unit, String share) {
        return new Step(name, role, unit, new BigDecimal(share));
    }

    /** The command with other cases. */
    public static ProcedureCommand withCases(ProcedureCommand c, List<ProcedureCase> cases) {
        return new ProcedureCommand(c.code(), c.name(), c.field(), c.level(), c.agency(), c.subjects(), c.methods(),
                c.onlineLevel(), c.interAgency(), c.crossBoundary(), cases, c.components(), c.forms(), c.fees(), c.feeVnd(),
                c.resultType(), c.legalBasis(), c.revision());
    }

    /** The command with another name. */
    public static ProcedureCommand named(ProcedureCommand c, String name) {
        return new ProcedureCommand(c.code(), name, c.field(), c.level(), c.agency(), c.subjects(), c.methods(),
                c.onlineLevel(), c.interAgency(), c.crossBoundary(), c.cases(), c.components(), c.forms(), c.fees(), c.feeVnd(),
                c.resultType(), c.legalBasis(), c.revision());
    }
}
