package vn.motcua.reform.internal.plans;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.InspectionStatus;
import vn.motcua.reform.InspectionTargetKind;
import vn.motcua.reform.LegalReviewOutcome;
import vn.motcua.reform.LegalReviewProblem;
import vn.motcua.reform.LegalReviewProposal;
import vn.motcua.reform.PlanService;
import vn.motcua.reform.TaskDeadlineRule;
import vn.motcua.reform.UnitFunctionKind;
import vn.motcua.reform.internal.functions.UnitFunctionStore;
import vn.motcua.reform.internal.inspections.InspectionStore;
import vn.motcua.reform.internal.legal.LegalReviewStore;
import vn.motcua.shared.Texts;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/**
 * Demo profile: a full year of reform work, dated from January of the current
 * year: the province's plan (approved in January) with tasks for departments
 * and communes in every state (done with evidence, in progress, not started,
 * overdue), the plans of Sở Tư pháp and Phường Trường Vinh, three inspections
 * (one closed, one with fixes open, one planned), legal-document reviews linked
 * to procedures of the demo catalogue, and units' functions with one planted
 * overlap (the same function held by Sở Nội vụ and the Office of the People's
 * Committee). Runs once: not when the demo's province plan exists.
 */
@Component
@Profile("demo")
@Order(60)
class DemoPlanData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlanData.class);
    private static final String BY = "giamsat";
    private static final String PROVINCE_DECISION = "12/KH-UBND";

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final InspectionStore inspections;
    private final LegalReviewStore legal;
    private final UnitFunctionStore functions;
    private final OrganizationService org;
    private final CatalogService catalog;
    private final CalendarService calendar;
    private final FileService files;
    private final PlanService planService;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoPlanData(JdbcClient jdbc, PlanStore plans, InspectionStore inspections, LegalReviewStore legal,
                 UnitFunctionStore functions, OrganizationService org, CatalogService catalog, CalendarService calendar,
                 FileService files, PlanService planService, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.inspections = inspections;
        this.legal = legal;
        this.functions = functions;
        this.org = org;
        this.catalog = catalog;
        this.calendar = calendar;
        this.files = files;
        this.planService = planService;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM rf_plan WHERE unit_id IS NULL AND decision = ? AND title LIKE ?")
                .params(PROVINCE_DECISION, "% của tỉnh Nghệ An").query(Long.class).single() > 0) {
            return;
        }
        Optional<UnitView> justice = unit("000.00.03.H40");
        if (justice.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> load());
            int notices = planService.remind();
            log.info("Demo reform data loaded ({} reminders)", notices);
        } catch (RuntimeException e) {
            log.warn("Demo reform data not loaded: {}", e.toString());
        }
    }

    private void load() {
        LocalDate today = LocalDate.now(clock.withZone(CalendarService.ZONE));
        int year = today.getYear();
        TaskDeadlines d = new TaskDeadlines(calendar.calendar()::isWorkingDay);
        long homeAffairs = id("000.00.02.H40");
        long office = id("000.00.01.H40");
        long justice = id("000.00.03.H40");
        long justiceDiv = id("000.01.03.H40");
        long finance = id("000.00.04.H40");
        long construction = id("000.00.05.H40");
        long health = id("000.00.08.H40");
        long truongVinh = id("000.00.31.H40");
        long truongVinhSocial = id("000.03.31.H40");
        long dienChau = id("000.00.37.H40");
        long dienChauEco = id("000.02.37.H40");

        // the province's plan, approved in January
        LocalDate approved = d.onOrAfter(LocalDate.of(year, 1, 12));
        long province = plan(year, null, "Kế hoạch cải cách hành chính năm " + year + " của tỉnh Nghệ An", approved,
                PROVINCE_DECISION);
        Object[][] tasks = {
            {"Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền của tỉnh", office, 3, 31, "Quyết định phê duyệt phương án đơn giản hóa", 150_000_000L},
            {"Công bố, công khai đầy đủ thủ tục hành chính trên Cổng Dịch vụ công", office, 4, 30, "100% thủ tục được công khai đúng hạn", 0L},
            {"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", justice, 6, 30, "Tỷ lệ số hóa hồ sơ đạt trên 80%", 420_000_000L},
            {"Kiện toàn bộ phận một cửa cấp xã sau sắp xếp", truongVinh, 5, 15, "Quyết định kiện toàn; quy chế hoạt động", 35_000_000L},
            {"Đào tạo kỹ năng giao tiếp cho công chức tiếp nhận hồ sơ", homeAffairs, 7, 31, "02 lớp tập huấn, 120 học viên", 80_000_000L},
            {"Đánh giá mức độ hài lòng của người dân (SIPAS cấp tỉnh)", homeAffairs, 9, 30, "Báo cáo kết quả khảo sát", 200_000_000L},
            {"Tích hợp dữ liệu dân cư vào giải quyết thủ tục liên thông", dienChau, 8, 31, "Dịch vụ liên thông khai sinh - thường trú - BHYT", 60_000_000L},
            {"Cắt giảm thời gian giải quyết thủ tục xây dựng", construction, 10, 15, "Giảm ít nhất 20% thời gian giải quyết", 0L},
            {"Triển khai thanh toán trực tuyến phí, lệ phí", finance, 11, 30, "Tỷ lệ thanh toán trực tuyến đạt 50%", 45_000_000L},
            {"Báo cáo tổng kết công tác cải cách hành chính năm " + year, homeAffairs, 12, 15, "Báo cáo của UBND tỉnh", 0L},
            {"Chấm điểm chỉ số cải cách hành chính năm " + year + " (tự đánh giá)", homeAffairs, 12, 28, "Bảng tự chấm điểm kèm tài liệu kiểm chứng", 0L},
            {"Rà soát thủ tục lĩnh vực y tế chưa đạt dịch vụ công trực tuyến toàn trình", health, 12, 20, "Danh mục thủ tục đề nghị nâng mức", 0L},
        };
        int i = 0;
        for (Object[] t : tasks) {
            LocalDate due = d.onOrAfter(LocalDate.of(year, (Integer) t[2], (Integer) t[3]));
            long task = plans.insertTask(province, (String) t[0], (Long) t[1], TaskDeadlineRule.FIXED_DATE,
                    LocalDate.of(year, (Integer) t[2], (Integer) t[3]), null, due, (String) t[4], (Long) t[5],
                    at(approved), BY);
            progress(task, due, today, i++);
        }

        // a department's plan and a ward's plan, some deadlines counted from approval
        LocalDate justiceApproved = d.onOrAfter(LocalDate.of(year, 1, 26));
        long justicePlan = plan(year, justice, "Kế hoạch cải cách hành chính năm " + year + " của Sở Tư pháp", justiceApproved,
                "05/KH-STP");
        Object[][] justiceTasks = {
            {"Xây dựng quy trình nội bộ giải quyết thủ tục lý lịch tư pháp", 20, "Quy trình được phê duyệt"},
            {"Cấp phiếu lý lịch tư pháp trên ứng dụng VNeID", 60, "Dịch vụ chạy thử và chính thức"},
            {"Kiểm tra việc công khai thủ tục tại bộ phận một cửa", 150, "Biên bản kiểm tra"},
            {"Rà soát văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành", 230, "Báo cáo rà soát"},
        };
        for (Object[] t : justiceTasks) {
            LocalDate due = d.workingDaysAfter(justiceApproved, (Integer) t[1]);
            long task = plans.insertTask(justicePlan, (String) t[0], justiceDiv, TaskDeadlineRule.AFTER_APPROVAL, null,
                    (Integer) t[1], due, (String) t[2], 0L, at(justiceApproved), "lanhdao.tuphap");
            progress(task, due, today, i++);
        }
        LocalDate wardApproved = d.onOrAfter(LocalDate.of(year, 2, 2));
        long wardPlan = plan(year, truongVinh, "Kế hoạch cải cách hành chính năm " + year + " của phường Trường Vinh",
                wardApproved, "03/KH-UBND");
        Object[][] wardTasks = {
            {"Niêm yết công khai thủ tục tại Trung tâm Phục vụ hành chính công phường", 3, 31, "Bảng niêm yết, mã QR tra cứu"},
            {"Hướng dẫn người dân nộp hồ sơ trực tuyến", 9, 30, "Tổ hỗ trợ tại trung tâm"},
            {"Số hóa sổ hộ tịch lưu trữ", 12, 31, "Dữ liệu hộ tịch được số hóa"},
        };
        for (Object[] t : wardTasks) {
            LocalDate date = LocalDate.of(year, (Integer) t[1], (Integer) t[2]);
            LocalDate due = d.onOrAfter(date);
            long task = plans.insertTask(wardPlan, (String) t[0], truongVinhSocial, TaskDeadlineRule.FIXED_DATE, date, null, due,
                    (String) t[3], 0L, at(wardApproved), "lanhdao.truongvinh");
            progress(task, due, today, i++);
        }
        // a draft plan for next year
        plans.insertPlan(year + 1, null, "Dự thảo kế hoạch cải cách hành chính năm " + (year + 1), at(today), BY);

        inspectionsOf(year, today, justice, dienChau, dienChauEco, health);
        legalReviews(year, today, justice, construction, finance);
        functions(office, homeAffairs, justice, justiceDiv, dienChau);
    }

    /** Past deadlines: done (with evidence) or overdue; future ones: in progress or not started. */
    private void progress(long task, LocalDate due, LocalDate today, int i) {
        LocalDate first = due.minusDays(40);
        if (due.isBefore(today)) {
            if (i % 3 == 2) {
                report(task, 50, "Đang hoàn thiện, chậm do chờ ý kiến các sở", first, false, null);
            } else {
                report(task, 50, "Đã triển khai, hoàn thành một nửa khối lượng", first, false, null);
                report(task, 100, "Đã hoàn thành, kèm văn bản kết quả", due.minusDays(2), true, due.minusDays(2));
            }
        } else if (i % 2 == 0 && first.isBefore(today)) {
            report(task, 30, "Đã xây dựng kế hoạch triển khai chi tiết", first.isBefore(today.minusDays(5)) ? first : today.minusDays(1),
                    false, null);
        }
    }

    private void report(long task, int percent, String note, LocalDate on, boolean evidence, LocalDate completed) {
        StoredFile f = null;
        if (evidence) {
            try {
                f = files.upload("bao-cao-ket-qua.pdf", new ByteArrayInputStream(pdf(note)), BY);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        plans.insertProgress(task, percent, note, f == null ? null : f.id(), f == null ? null : f.name(), at(on), BY);
        plans.progress(task, percent, completed);
    }

    private void inspectionsOf(int year, LocalDate today, long justice, long dienChau, long dienChauEco, long health) {
        long closed = inspections.insert(justice, "Kiểm tra công tác cải cách hành chính tại Sở Tư pháp", LocalDate.of(year, 4, 14),
                at(LocalDate.of(year, 3, 20)), BY);
        long f1 = inspections.insertFinding(closed, "Quy trình nội bộ thủ tục lý lịch tư pháp chưa cập nhật theo quy định mới",
                InspectionTargetKind.NONE, null, at(LocalDate.of(year, 4, 14)), BY);
        long x1 = inspections.insertFix(f1, "Cập nhật, trình phê duyệt quy trình nội bộ", LocalDate.of(year, 5, 30));
        inspections.reported(x1, "Đã trình và được phê duyệt tại Quyết định 210/QĐ-UBND", at(LocalDate.of(year, 5, 20)), "lanhdao.tuphap");
        inspections.closed(x1, "Đạt yêu cầu", at(LocalDate.of(year, 5, 25)), BY);
        inspections.status(closed, InspectionStatus.CLOSED);

        long open = inspections.insert(dienChau, "Kiểm tra bộ phận một cửa xã Diễn Châu sau sắp xếp", LocalDate.of(year, 8, 11),
                at(LocalDate.of(year, 7, 20)), BY);
        String procedure = procedures(1).stream().findFirst().orElse(null);
        long f2 = inspections.insertFinding(open, "Chưa niêm yết đầy đủ thủ tục lĩnh vực hộ tịch",
                procedure == null ? InspectionTargetKind.NONE : InspectionTargetKind.PROCEDURE, procedure,
                at(LocalDate.of(year, 8, 11)), BY);
        long f3 = inspections.insertFinding(open, "Công chức chưa gửi phiếu xin lỗi khi hồ sơ trễ hạn",
                InspectionTargetKind.OFFICER, "chuyenvien.dienchau", at(LocalDate.of(year, 8, 11)), BY);
        long x2 = inspections.insertFix(f2, "Niêm yết đủ thủ tục, bổ sung mã QR", LocalDate.of(year, 9, 15));
        inspections.reported(x2, "Đã niêm yết bổ sung 14 thủ tục", at(LocalDate.of(year, 9, 10)), "lanhdao.dienchau");
        inspections.insertFix(f3, "Tổ chức kiểm điểm, báo cáo kết quả", LocalDate.of(year, 9, 30));
        inspections.status(open, InspectionStatus.DONE);

        LocalDate next = today.plusDays(20);
        inspections.insert(health, "Kiểm tra việc cung cấp dịch vụ công trực tuyến tại Sở Y tế", next, at(today), BY);
    }

    private void legalReviews(int year, LocalDate today, long justice, long construction, long finance) {
        List<String> codes = procedures(4);
        List<String> first = codes.isEmpty() ? List.of() : codes.subList(0, Math.min(2, codes.size()));
        List<String> rest = codes.size() > 2 ? codes.subList(2, codes.size()) : List.of();
        long a = legal.insert(year, "15/2019/QĐ-UBND", "Quy định thời hạn giải quyết thủ tục cấp phép xây dựng trên địa bàn tỉnh",
                LegalReviewProblem.CONTRADICTORY, "Thời hạn 20 ngày mâu thuẫn với 15 ngày theo Luật Xây dựng sửa đổi",
                LegalReviewProposal.AMEND, construction, LocalDate.of(year, 6, 30), first, at(LocalDate.of(year, 3, 5)), BY);
        legal.outcome(a, LegalReviewOutcome.DONE, "Đã sửa đổi tại Quyết định 41/" + year + "/QĐ-UBND", LocalDate.of(year, 6, 20));
        legal.insert(year, "27/2020/QĐ-UBND", "Quy định mức thu phí thẩm định hồ sơ",
                LegalReviewProblem.ILLEGAL, "Quy định thu phí không còn căn cứ sau khi Luật Phí và lệ phí sửa đổi",
                LegalReviewProposal.ANNUL, finance, LocalDate.of(year, 9, 30), rest, at(LocalDate.of(year, 5, 12)), BY);
        legal.insert(year, "08/2021/QĐ-UBND", "Quy chế phối hợp liên thông đăng ký hộ tịch, cư trú",
                LegalReviewProblem.OVERLAPPING, "Chồng chéo với quy chế của Bộ Công an về liên thông điện tử",
                LegalReviewProposal.REPLACE, justice, today.plusDays(45), List.of(), at(today.minusDays(10)), BY);
    }

    private void functions(long office, long homeAffairs, long justice, long justiceDiv, long dienChau) {
        fn(homeAffairs, UnitFunctionKind.FUNCTION, "Tham mưu quản lý nhà nước về cải cách hành chính", "Nghị định 45/2025/NĐ-CP");
        fn(homeAffairs, UnitFunctionKind.FUNCTION, "Quản lý nhà nước về công tác văn thư, lưu trữ", "Nghị định 45/2025/NĐ-CP");
        // the planted overlap: the same function at the Office of the People's Committee
        fn(office, UnitFunctionKind.TASK, "Quản lý nhà nước về công tác văn thư, lưu trữ", "Quyết định 18/2025/QĐ-UBND");
        fn(office, UnitFunctionKind.FUNCTION, "Kiểm soát thủ tục hành chính", "Nghị định 63/2010/NĐ-CP");
        fn(justice, UnitFunctionKind.FUNCTION, "Quản lý nhà nước về hộ tịch, lý lịch tư pháp", "Thông tư 09/2025/TT-BTP");
        fn(justiceDiv, UnitFunctionKind.TASK, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", null);
        fn(dienChau, UnitFunctionKind.FUNCTION, "Quản lý hộ tịch trên địa bàn xã", "Luật Hộ tịch 2014");
    }

    private void fn(long unit, UnitFunctionKind kind, String title, String basis) {
        String key = Texts.fold(title);
        if (!functions.exists(unit, kind, key)) {
            functions.insert(unit, kind, title, key, null, basis, clock.instant(), BY);
        }
    }

    private long plan(int year, Long unit, String title, LocalDate approved, String decision) {
        long id = plans.insertPlan(year, unit, title, at(approved.minusDays(7)), unit == null ? BY : "lanhdao");
        plans.approve(id, approved, decision);
        return id;
    }

    private List<String> procedures(int n) {
        return catalog.searchPublished(new ProcedureQuery(null, null, null, null, null, 0, Math.max(n, 1))).items().stream()
                .map(ProcedureSummary::code).limit(n).toList();
    }

    private Optional<UnitView> unit(String code) {
        return org.findUnitByCode(code);
    }

    private long id(String code) {
        return unit(code).orElseThrow(() -> new IllegalStateException("no demo unit " + code)).id();
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atTime(9, 0).atZone(CalendarService.ZONE).toInstant();
    }

    /** A one-page PDF holding the text (enough for the file type check). */
    private static byte[] pdf(String text) {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% " + Texts.fold(text) + "\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }
}
