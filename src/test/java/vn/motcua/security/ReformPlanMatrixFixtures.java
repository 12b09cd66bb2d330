package vn.motcua.security;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.reform.InspectionCommand;
import vn.motcua.reform.InspectionFindingCommand;
import vn.motcua.reform.InspectionFixCommand;
import vn.motcua.reform.InspectionService;
import vn.motcua.reform.LegalReviewCommand;
import vn.motcua.reform.LegalReviewProblem;
import vn.motcua.reform.LegalReviewProposal;
import vn.motcua.reform.LegalReviewService;
import vn.motcua.reform.PlanCommand;
import vn.motcua.reform.PlanService;
import vn.motcua.reform.TaskCommand;
import vn.motcua.reform.TaskDeadlineRule;
import vn.motcua.support.TestFiles;

/**
 * The reform module's plan, inspection and legal-review records for the matrix,
 * made once per run. "Own" records belong to the specialist's division (Phòng
 * Hành chính tư pháp, under the leader's Sở Tư pháp); "other" ones to Phường
 * Trường Vinh's division. Plans are approved and fixes open, so an allowed
 * write fails on validation or a rule and changes nothing.
 */
final class ReformPlanMatrixFixtures {

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("reformPlan", "an approved reform plan of the specialist's division; other: one of Phường Trường Vinh's division"),
            Map.entry("reformTask", "a task of @reformPlan owned by its unit"),
            Map.entry("reformEvidence", "the evidence file of a progress report on @reformTask"),
            Map.entry("reformInspection", "an inspection of the specialist's division; other: of Phường Trường Vinh's division"),
            Map.entry("reformFinding", "a finding of @reformInspection"),
            Map.entry("reformFix", "an open fix required by @reformFinding"),
            Map.entry("reformLegal", "a pending legal review the specialist's division is responsible for; other: Phường Trường Vinh's"));

    private final long[] plan = new long[2];
    private final long[] task = new long[2];
    private final String[] evidence = new String[2];
    private final long[] inspection = new long[2];
    private final long[] finding = new long[2];
    private final long[] fix = new long[2];
    private final long[] legal = new long[2];

    static ReformPlanMatrixFixtures create(ApplicationContext context) throws Exception {
        OrganizationService org = context.getBean(OrganizationService.class);
        PlanService plans = context.getBean(PlanService.class);
        InspectionService inspections = context.getBean(InspectionService.class);
        LegalReviewService legal = context.getBean(LegalReviewService.class);
        StaffPrincipal supervisor = principal(org, "giamsat");
        ReformPlanMatrixFixtures f = new ReformPlanMatrixFixtures();
        String[][] sides = {{"lanhdao.tuphap", "chuyenvien.tuphap"}, {"lanhdao.truongvinh", "chuyenvien.truongvinh"}};
        int year = plans.today().getYear();
        for (int i = 0; i < 2; i++) {
            StaffPrincipal leader = principal(org, sides[i][0]);
            StaffPrincipal specialist = principal(org, sides[i][1]);
            long division = org.findStaffByUsername(sides[i][1]).orElseThrow().units().get(0).id();
            f.plan[i] = plans.create(new PlanCommand(year, division, "Kế hoạch thử ma trận quyền"), leader).id();
            f.task[i] = plans.addTask(f.plan[i], new TaskCommand("Nhiệm vụ thử ma trận quyền", division, TaskDeadlineRule.AFTER_APPROVAL,
                    null, 200, "Báo cáo", 0L), leader).id();
            plans.approve(f.plan[i], "99/KH-THU", null, leader);
            f.evidence[i] = plans.report(f.task[i], 10, "Bắt đầu", "minh-chung.pdf", new ByteArrayInputStream(TestFiles.pdf()),
                    specialist).fileId().toString();
            LocalDate later = plans.today().plusDays(30);
            f.inspection[i] = inspections.schedule(new InspectionCommand(division, "Kiểm tra thử ma trận quyền", later), supervisor).id();
            f.finding[i] = inspections.addFinding(f.inspection[i], new InspectionFindingCommand("Kết luận thử", null, null),
                    supervisor).id();
            f.fix[i] = inspections.requireFix(f.finding[i], new InspectionFixCommand("Khắc phục thử", later), supervisor).id();
            f.legal[i] = legal.create(new LegalReviewCommand(year, "01/THU-MATRAN", "Văn bản thử ma trận quyền",
                    LegalReviewProblem.OVERLAPPING, "Thử", LegalReviewProposal.AMEND, division, later, List.of()), supervisor).id();
        }
        return f;
    }

    /** The value of a fixture, or null when the name is not one of these. */
    String value(String name, boolean own) {
        int i = own ? 0 : 1;
        switch (name) {
            case "reformPlan":
                return String.valueOf(plan[i]);
            case "reformTask":
                return String.valueOf(task[i]);
            case "reformEvidence":
                return evidence[i];
            case "reformInspection":
                return String.valueOf(inspection[i]);
            case "reformFinding":
                return String.valueOf(finding[i]);
            case "reformFix":
                return String.valueOf(fix[i]);
            case "reformLegal":
                return String.valueOf(legal[i]);
            default:
                return null;
        }
    }

    private static StaffPrincipal principal(OrganizationService org, String username) {
        StaffView s = org.findStaffByUsername(username).orElseThrow(() -> new IllegalStateException("no demo account " + username));
        return MatrixFixtures.principal(s);
    }
}
