package vn.motcua.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/** Plans and tasks against the real working calendar, the guards, progress reports, reminders and the workbook. */
class PlanServiceTests extends IntegrationTest {

    @Autowired
    PlanService plans;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    /** An agency with a division, its leader and the division's specialist; a supervisor. */
    record World(UnitView agency, UnitView division, StaffPrincipal leader, StaffPrincipal specialist, StaffPrincipal supervisor) {
    }

    World world() {
        UnitView agency = fixtures.agency("Sở Thử nghiệm Kế hoạch CCHC");
        UnitView division = fixtures.child(agency, "Phòng Cải cách hành chính", UnitKind.DIVISION);
        return new World(agency, division, p(fixtures.staff(Role.LEADER, agency)), p(fixtures.staff(Role.SPECIALIST, division)),
                p(fixtures.staff(Role.SUPERVISOR, fixtures.province())));
    }

    static StaffPrincipal p(StaffView s) {
        return DossierFixtures.World.principal(s);
    }

    TaskCommand fixed(String title, long owner, LocalDate date) {
        return new TaskCommand(title, owner, TaskDeadlineRule.FIXED_DATE, date, null, "Báo cáo kết quả", 5_000_000L);
    }

    @Test
    void aFixedDeadlineOnTetMovesPastTheHolidaysOnTheWorkingCalendar() {
        World w = world();
        PlanView plan = plans.create(new PlanCommand(2026, w.agency().id(), "Kế hoạch CCHC năm 2026 của Sở"), w.leader());
        TaskView t = plans.addTask(plan.id(), fixed("Rà soát quy trình nội bộ", w.division().id(), LocalDate.of(2026, 2, 14)),
                w.leader());
        assertThat(t.dueOn()).isEqualTo(LocalDate.of(2026, 2, 23));
        TaskView makeUp = plans.addTask(plan.id(), fixed("Họp giao ban", w.division().id(), LocalDate.of(2026, 1, 10)), w.leader());
        assertThat(makeUp.dueOn()).isEqualTo(LocalDate.of(2026, 1, 10));
    }

    @Test
    void aDeadlineInWorkingDaysAfterApprovalIsComputedWhenThePlanIsApproved() {
        World w = world();
        clock.pin(Instant.parse("2026-02-12T03:00:00Z")); // Thursday 12 February 2026, 10:00 in Vietnam
        PlanView plan = plans.create(new PlanCommand(2026, w.agency().id(), "Kế hoạch CCHC bổ sung"), w.leader());
        TaskView t = plans.addTask(plan.id(), new TaskCommand("Ban hành quy chế", w.division().id(), TaskDeadlineRule.AFTER_APPROVAL,
                null, 3, "Quy chế được ban hành", 0L), w.leader());
        assertThat(t.dueOn()).isNull();
        assertThat(t.state()).isEqualTo(TaskState.NOT_STARTED);

        PlanView approved = plans.approve(plan.id(), "15/QĐ-STN", plan.version(), w.leader());
        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.approvedOn()).isEqualTo(LocalDate.of(2026, 2, 12));
        // Friday 13, then Tết (16-20) and the weekends: the 23rd and the 24th
        assertThat(plans.task(t.id(), w.leader()).task().dueOn()).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThatThrownBy(() -> plans.approve(plan.id(), "16/QĐ-STN", null, w.leader()))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void aDeadlineInAYearWithoutACalendarIsRefusedAndNothingIsAdded() {
        World w = world();
        PlanView plan = plans.create(new PlanCommand(2030, w.agency().id(), "Kế hoạch CCHC năm 2030"), w.leader());
        assertThatThrownBy(() -> plans.addTask(plan.id(), fixed("Nhiệm vụ", w.division().id(), LocalDate.of(2030, 3, 4)), w.leader()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("fixedDate", "reform.task.calendar.undefined"));
        assertThat(plans.plan(plan.id(), w.leader()).tasks()).isEmpty();
    }

    @Test
    void onlyTheProvinceLevelMakesTheProvincePlanAndLeadersOnlyTheirUnits() {
        World w = world();
        World other = world();
        assertThatThrownBy(() -> plans.create(new PlanCommand(2026, null, "Kế hoạch của tỉnh"), w.leader()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.create(new PlanCommand(2026, other.agency().id(), "Kế hoạch"), w.leader()))
                .isInstanceOf(InvalidInput.class); // another unit is unknown to this leader
        assertThatThrownBy(() -> plans.create(new PlanCommand(2026, w.division().id(), "Kế hoạch"), w.specialist()))
                .isInstanceOf(AccessDeniedException.class);
        PlanView province = plans.create(new PlanCommand(2026, null, "Kế hoạch CCHC tỉnh (thử nghiệm)"), w.supervisor());
        assertThat(province.province()).isTrue();
        // a task of the province plan for any unit; leaders see it but cannot add to it
        plans.addTask(province.id(), fixed("Số hóa hồ sơ", w.agency().id(), LocalDate.of(2026, 6, 30)), w.supervisor());
        assertThat(plans.plan(province.id(), other.leader()).tasks()).hasSize(1);
        assertThatThrownBy(() -> plans.addTask(province.id(), fixed("x", w.agency().id(), LocalDate.of(2026, 6, 30)), w.leader()))
                .isInstanceOf(AccessDeniedException.class);
        PlanView unitPlan = plans.create(new PlanCommand(2026, w.agency().id(), "Kế hoạch của Sở"), w.leader());
        assertThatThrownBy(() -> plans.plan(unitPlan.id(), other.leader())).isInstanceOf(NotFound.class);
        // a unit plan's task stays within the unit
        assertThatThrownBy(() -> plans.addTask(unitPlan.id(), fixed("x", other.agency().id(), LocalDate.of(2026, 6, 30)), w.leader()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("ownerUnitId", "reform.task.owner.outside"));
    }

    @Autowired
    vn.motcua.reform.ClassificationReformTasks reformTasks;

    @Test
    void theShareOfTasksDoneFeedsTheAgenciesClassification() throws Exception {
        World w = world();
        assertThat(reformTasks.shareDone(w.agency().id(), 2026)).isEmpty(); // no task: no data
        clock.pin(Instant.parse("2026-03-02T02:00:00Z"));
        PlanView plan = plans.create(new PlanCommand(2026, w.agency().id(), "Kế hoạch CCHC (tỷ lệ hoàn thành)"), w.leader());
        TaskView a = plans.addTask(plan.id(), fixed("Rà soát thủ tục", w.division().id(), LocalDate.of(2026, 4, 15)), w.leader());
        plans.addTask(plan.id(), fixed("Số hóa kết quả", w.division().id(), LocalDate.of(2026, 5, 15)), w.leader());
        plans.addTask(plan.id(), fixed("Niêm yết công khai", w.agency().id(), LocalDate.of(2026, 6, 15)), w.leader());
        // a draft plan's tasks do not count yet
        assertThat(reformTasks.shareDone(w.agency().id(), 2026)).isEmpty();
        plans.approve(plan.id(), "05/QĐ-STN", null, w.leader());
        assertThat(reformTasks.shareDone(w.agency().id(), 2026)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
        plans.report(a.id(), 100, "Đã rà soát xong", "ket-qua.pdf", new ByteArrayInputStream(TestFiles.pdf()), w.specialist());
        // one of three done, counted for the agency (the division's tasks are below it) and for the division alone
        assertThat(reformTasks.shareDone(w.agency().id(), 2026)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("33.33"));
        assertThat(reformTasks.shareDone(w.division().id(), 2026)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("50.00"));
        assertThat(reformTasks.shareDone(w.agency().id(), 2025)).isEmpty();
    }

    @Test
    void progressIsReportedByTheOwnerUnitWithEvidenceAndCompletesTheTask() throws Exception {
        World w = world();
        World other = world();
        clock.pin(Instant.parse("2026-03-02T02:00:00Z"));
        PlanView plan = plans.create(new PlanCommand(2026, null, "Kế hoạch CCHC tỉnh (tiến độ)"), w.supervisor());
        TaskView t = plans.addTask(plan.id(), fixed("Công khai thủ tục", w.division().id(), LocalDate.of(2026, 4, 15)), w.supervisor());
        assertThatThrownBy(() -> plans.report(t.id(), 10, "Bắt đầu", null, null, w.specialist()))
                .isInstanceOf(DomainRuleViolation.class); // not approved yet
        plans.approve(plan.id(), "01/KH-UBND", null, w.supervisor());

        assertThatThrownBy(() -> plans.report(t.id(), 10, "x", null, null, other.specialist()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.report(t.id(), 10, "x", null, null, w.supervisor()))
                .isInstanceOf(AccessDeniedException.class);
        TaskProgressView first = plans.report(t.id(), 40, "Đã niêm yết 40% thủ tục", "bang-ke.pdf",
                new ByteArrayInputStream(TestFiles.pdf()), w.specialist());
        assertThat(first.fileId()).isNotNull();
        assertThat(first.fileName()).isEqualTo("bang-ke.pdf");
        assertThat(plans.evidence(t.id(), first.fileId(), w.leader()).name()).isEqualTo("bang-ke.pdf");
        assertThatThrownBy(() -> plans.evidence(t.id(), first.fileId(), other.leader())).isInstanceOf(NotFound.class);

        assertThatThrownBy(() -> plans.report(t.id(), 30, "Lùi", null, null, w.leader()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("percent"));
        assertThatThrownBy(() -> plans.report(t.id(), 100, "Xong", null, null, w.leader()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry("file",
                        "reform.progress.evidenceRequired"));
        assertThat(plans.task(t.id(), w.leader()).task().percent()).isEqualTo(40);

        plans.report(t.id(), 100, "Đã niêm yết đủ", "ket-qua.pdf", new ByteArrayInputStream(TestFiles.pdf()), w.leader());
        TaskDetail done = plans.task(t.id(), w.leader());
        assertThat(done.task().state()).isEqualTo(TaskState.DONE);
        assertThat(done.task().completedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(done.reports()).hasSize(2);
        assertThat(plans.plan(plan.id(), w.supervisor()).plan().completedPercent()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE kind = 'reform.task.progress' AND subject_id = ?")
                .param(String.valueOf(t.id())).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theDailyJobRemindsBeforeTheDeadlineOnceAndFlagsOverdueTasks() throws Exception {
        World w = world();
        clock.pin(Instant.parse("2026-03-02T02:00:00Z"));
        PlanView plan = plans.create(new PlanCommand(2026, w.agency().id(), "Kế hoạch nhắc việc"), w.leader());
        TaskView soon = plans.addTask(plan.id(), fixed("Nộp báo cáo quý", w.division().id(), LocalDate.of(2026, 3, 12)), w.leader());
        TaskView done = plans.addTask(plan.id(), fixed("Nhiệm vụ đã xong", w.division().id(), LocalDate.of(2026, 3, 12)), w.leader());
        plans.approve(plan.id(), "02/KH-STN", null, w.leader());
        plans.report(done.id(), 100, "Xong", "kq.pdf", new ByteArrayInputStream(TestFiles.pdf()), w.specialist());

        clock.pin(Instant.parse("2026-03-05T23:30:00Z")); // Friday 6 March, 06:30: four working days left
        plans.remind();
        assertThat(plans.notices(w.leader())).noneMatch(n -> n.taskId() == soon.id());

        clock.pin(Instant.parse("2026-03-08T23:30:00Z")); // Monday 9 March: three working days left
        plans.remind();
        plans.remind(); // a second run (another node, a retry) adds nothing
        assertThat(plans.notices(w.specialist())).filteredOn(n -> n.taskId() == soon.id())
                .singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo("REMINDER"));
        assertThat(plans.notices(w.leader())).noneMatch(n -> n.taskId() == done.id());

        clock.pin(Instant.parse("2026-03-12T23:30:00Z")); // Friday 13 March: a day late
        plans.remind();
        assertThat(plans.notices(w.leader())).filteredOn(n -> n.taskId() == soon.id())
                .extracting(TaskNoticeView::kind).containsExactlyInAnyOrder("REMINDER", "OVERDUE");
        assertThat(plans.task(soon.id(), w.leader()).task().state()).isEqualTo(TaskState.OVERDUE);
        assertThat(plans.plan(plan.id(), w.leader()).plan().overdue()).isEqualTo(1);
        StaffPrincipal stranger = p(fixtures.staff(Role.LEADER, fixtures.agency("Sở khác")));
        assertThat(plans.notices(stranger)).noneMatch(n -> n.taskId() == soon.id());
    }

    @Test
    void thePlanProgressWorkbookListsTasksAndUnits() throws Exception {
        World w = world();
        clock.pin(Instant.parse("2026-03-02T02:00:00Z"));
        PlanView plan = plans.create(new PlanCommand(2026, w.agency().id(), "Kế hoạch CCHC năm 2026 (xuất Excel)"), w.leader());
        TaskView a = plans.addTask(plan.id(), fixed("Chuẩn hóa quy trình", w.division().id(), LocalDate.of(2026, 2, 14)), w.leader());
        plans.addTask(plan.id(), fixed("Đào tạo cán bộ một cửa", w.agency().id(), LocalDate.of(2026, 9, 30)), w.leader());
        plans.approve(plan.id(), "03/KH-STN", null, w.leader());
        plans.report(a.id(), 60, "Đang làm", null, null, w.specialist());

        byte[] xlsx = plans.exportXlsx(plan.id(), w.leader(), Locale.forLanguageTag("vi"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet tasks = wb.getSheetAt(0);
            assertThat(tasks.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kế hoạch CCHC năm 2026 (xuất Excel)");
            assertThat(tasks.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Nhiệm vụ");
            assertThat(tasks.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Chuẩn hóa quy trình");
            assertThat(tasks.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Phòng Cải cách hành chính");
            assertThat(tasks.getRow(4).getCell(3).getStringCellValue()).isEqualTo("23/02/2026");
            assertThat(tasks.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(5_000_000);
            assertThat(tasks.getRow(4).getCell(6).getNumericCellValue()).isEqualTo(60);
            assertThat(tasks.getRow(4).getCell(7).getStringCellValue()).isEqualTo("Quá hạn");
            assertThat(tasks.getRow(5).getCell(7).getStringCellValue()).isEqualTo("Chưa triển khai");
            Sheet units = wb.getSheetAt(1);
            assertThat(units.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Đơn vị chủ trì");
            // one row per owner unit, then the total: 2 tasks, none done, one overdue, mean (60 + 0) / 2
            assertThat(units.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Tổng cộng");
            assertThat(units.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(units.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(1);
            assertThat(units.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(30);
        }
    }
}
