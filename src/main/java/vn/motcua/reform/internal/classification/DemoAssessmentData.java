package vn.motcua.reform.internal.classification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.reform.ClassificationService;
import vn.motcua.reform.ClassificationView.OfficerAssessment;
import vn.motcua.reform.ParIndexService;
import vn.motcua.reform.ParIndexView;
import vn.motcua.reform.ParIndexView.NodeDocument;
import vn.motcua.reform.PositionService;
import vn.motcua.reform.PositionView;
import vn.motcua.shared.DomainRuleViolation;

/**
 * Demo profile: a full year (the last complete one) of the reform
 * assessment, made through the module's own services: a PAR INDEX tree
 * shaped like the published one (eight areas; the points are assumed, see
 * docs/reform.md §3), the self-scores of two departments, a ward and a
 * commune with evidence, the Department of Home Affairs' appraisal of
 * three of them, every month's assessment of their officers confirmed by
 * their leaders, job positions and training records. Runs once: not when
 * the year's tree exists.
 */
@Component
@Profile("demo")
@Order(70)
class DemoAssessmentData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessmentData.class);
    static final List<String> LEADERS = List.of("lanhdao.tuphap", "lanhdao.taichinh", "lanhdao.truongvinh", "lanhdao.dienchau");

    private final ParIndexService par;
    private final ClassificationService classification;
    private final PositionService positions;
    private final OrganizationService org;
    private final java.time.Clock clock;

    DemoAssessmentData(ParIndexService par, ClassificationService classification, PositionService positions, OrganizationService org,
                       java.time.Clock clock) {
        this.par = par;
        this.classification = classification;
        this.positions = positions;
        this.org = org;
        this.clock = clock;
    }

    private Optional<StaffPrincipal> principal(String username) {
        return org.findStaffByUsername(username).map(DemoAssessmentData::principal);
    }

    static StaffPrincipal principal(StaffView s) {
        return new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
    }

    /** The demo's year: the last complete one. */
    static int year(java.time.Clock clock) {
        return CalendarService.today(clock).getYear() - 1;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<StaffPrincipal> admin = principal("admin");
        Optional<StaffPrincipal> supervisor = principal("giamsat");
        if (admin.isEmpty() || supervisor.isEmpty()) {
            return;
        }
        int year = year(clock);
        if (par.trees(admin.get()).stream().anyMatch(t -> t.year() == year)) {
            return;
        }
        par.importTree(tree(year), admin.get(), "127.0.0.1");
        int unitsScored = 0;
        int assessments = 0;
        for (int i = 0; i < LEADERS.size(); i++) {
            Optional<StaffView> leaderView = org.findStaffByUsername(LEADERS.get(i));
            if (leaderView.isEmpty() || leaderView.get().units().isEmpty()) {
                continue;
            }
            StaffPrincipal leader = principal(leaderView.get());
            long unit = leaderView.get().units().get(0).id();
            try {
                selfScore(year, unit, leader, i);
                if (i < 3) {
                    appraise(year, unit, supervisor.get(), i);
                }
                unitsScored++;
                assessments += months(year, unit, leader, i);
                if (i == 0 || i == 2) {
                    positionsOf(unit, leader, i);
                }
            } catch (RuntimeException e) {
                log.info("A demo reform assessment could not be made for {}: {}", LEADERS.get(i), e.getMessage());
            }
        }
        log.info("Demo reform assessment {}: {} units scored, {} monthly assessments confirmed", year, unitsScored, assessments);
    }

    /** A small deterministic share in [low, high] for demo scores. */
    static BigDecimal share(String key, double low, double high) {
        double f = (Math.floorMod(key.hashCode(), 1000)) / 999.0;
        return BigDecimal.valueOf(low + (high - low) * f);
    }

    private void selfScore(int year, long unit, StaffPrincipal leader, int i) {
        ParIndexView.Sheet sheet = par.sheet(year, unit, LocalDate.of(year, 12, 31), leader);
        for (ParIndexView.Line l : sheet.lines()) {
            if (!l.leaf() || !"SELF".equals(l.source())) {
                continue;
            }
            BigDecimal score = l.proposal() != null && l.proposal().points() != null ? l.proposal().points()
                    : l.maxPoints().multiply(share(l.code() + i, 0.7, 1.0)).setScale(2, RoundingMode.HALF_UP);
            String evidence = l.evidenceRequired() == null ? null
                    : "Văn bản số " + (100 + Math.floorMod((l.code() + i).hashCode(), 800)) + "/BC-" + (i < 2 ? "S" : "UBND") + " ngày "
                    + (5 + i) + "/12/" + year;
            par.selfScore(year, unit, l.code(), score, l.proposal() != null && l.proposal().points() != null
                    ? "Theo số liệu trên hệ thống Một cửa" : null, evidence, leader, "127.0.0.1");
        }
    }

    private void appraise(int year, long unit, StaffPrincipal supervisor, int i) {
        ParIndexView.Sheet sheet = par.sheet(year, unit, LocalDate.of(year, 12, 31), supervisor);
        for (ParIndexView.Line l : sheet.lines()) {
            if (!l.leaf()) {
                continue;
            }
            if ("SELF".equals(l.source())) {
                boolean lower = Math.floorMod((l.code() + "a" + i).hashCode(), 4) == 0 && l.selfScore() != null
                        && l.selfScore().compareTo(new BigDecimal("0.25")) >= 0;
                BigDecimal score = l.selfScore() == null ? BigDecimal.ZERO : lower ? l.selfScore().subtract(new BigDecimal("0.25"))
                        : l.selfScore();
                par.appraise(year, unit, l.code(), score, lower ? "Tài liệu kiểm chứng chưa đầy đủ, trừ 0,25 điểm" : null, supervisor,
                        "127.0.0.1");
            } else {
                BigDecimal score = l.maxPoints().multiply(share(l.code() + "s" + i, 0.72, 0.9)).setScale(2, RoundingMode.HALF_UP);
                par.appraise(year, unit, l.code(), score, "SURVEY".equals(l.source()) ? "Kết quả điều tra xã hội học năm " + year
                        : "Sở Nội vụ chấm theo báo cáo của đơn vị", supervisor, "127.0.0.1");
            }
        }
    }

    private int months(int year, long unit, StaffPrincipal leader, int i) {
        int confirmed = 0;
        for (int m = 1; m <= 12; m++) {
            String period = String.format("%d-%02d", year, m);
            List<OfficerAssessment> list = classification.propose(unit, "MONTH", period, leader);
            for (OfficerAssessment a : list) {
                BigDecimal task = a.proposedTask();
                String reason = null;
                if (task == null) {
                    task = BigDecimal.valueOf(70).multiply(share(a.officerId() + period, 0.74, 0.97)).setScale(2, RoundingMode.HALF_UP);
                    reason = "Chấm theo báo cáo kết quả công việc tháng " + m + " (không có bước hồ sơ trên hệ thống trong kỳ)";
                }
                try {
                    classification.confirm(a.id(), a.version(), null, task, reason, leader, "127.0.0.1");
                } catch (DomainRuleViolation capped) {
                    // over the cap on excellent: the leader rates the month good
                    classification.confirm(a.id(), a.version(), null, new BigDecimal("58.00"),
                            "Giới hạn tỷ lệ hoàn thành xuất sắc của đơn vị: xếp hoàn thành tốt", leader, "127.0.0.1");
                }
                confirmed++;
            }
        }
        return confirmed;
    }

    private void positionsOf(long unit, StaffPrincipal leader, int i) {
        List<String[]> defs = new ArrayList<>();
        if (i == 0) {
            defs.add(new String[] {"VT-HCTP", "Chuyên viên hành chính tư pháp", "Luật; nghiệp vụ hộ tịch, chứng thực; kỹ năng số", "2"});
            defs.add(new String[] {"VT-PBGDPL", "Chuyên viên phổ biến, giáo dục pháp luật", "Luật; kỹ năng truyền thông", "1"});
            defs.add(new String[] {"VT-KSTTHC", "Chuyên viên kiểm soát thủ tục hành chính", "Luật hoặc hành chính học; rà soát TTHC", "1"});
        } else {
            defs.add(new String[] {"VT-VHXH", "Công chức Văn hóa - Xã hội", "Văn hóa, xã hội; kỹ năng số", "2"});
            defs.add(new String[] {"VT-TNTKQ", "Công chức tiếp nhận và trả kết quả", "Giao tiếp; nghiệp vụ một cửa", "1"});
        }
        List<PositionView.Position> made = new ArrayList<>();
        for (String[] d : defs) {
            made.add(positions.create(unit, d[0], d[1], d[2], Integer.parseInt(d[3]), leader, "127.0.0.1"));
        }
        String specialist = i == 0 ? "chuyenvien.tuphap" : "chuyenvien.truongvinh";
        String desk = i == 0 ? null : "motcua.truongvinh";
        org.findStaffByUsername(specialist).ifPresent(s -> {
            positions.assign(made.get(0).id(), s.id(), leader, "127.0.0.1");
            positions.addTraining(s.id(), "Bồi dưỡng kỹ năng chuyển đổi số cho cán bộ, công chức", "Trường Chính trị tỉnh Nghệ An",
                    LocalDate.of(year(clock), 5, 12), LocalDate.of(year(clock), 5, 16), 40, "CC-" + year(clock) + "-0" + (112 + i), leader,
                    "127.0.0.1");
            positions.addTraining(s.id(), "Nghiệp vụ kiểm soát thủ tục hành chính", "Sở Nội vụ tỉnh Nghệ An",
                    LocalDate.of(year(clock), 9, 8), LocalDate.of(year(clock), 9, 10), 24, null, leader, "127.0.0.1");
        });
        if (desk != null) {
            org.findStaffByUsername(desk).ifPresent(s -> positions.assign(made.get(1).id(), s.id(), leader, "127.0.0.1"));
        }
    }

    static NodeDocument sub(String code, String name, String max, String evidence, String source, String metric) {
        return new NodeDocument(code, "SUB_CRITERION", name, new BigDecimal(max), evidence, source, metric, List.of());
    }

    static NodeDocument criterion(String code, String name, List<NodeDocument> subs) {
        BigDecimal max = subs.stream().map(NodeDocument::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new NodeDocument(code, "CRITERION", name, max, null, null, null, subs);
    }

    static NodeDocument area(String code, String name, List<NodeDocument> criteria) {
        BigDecimal max = criteria.stream().map(NodeDocument::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new NodeDocument(code, "AREA", name, max, null, null, null, criteria);
    }

    /**
     * The demo tree: the eight areas of the provincial PAR INDEX (the seven of
     * Decision 876/QĐ-BNV plus the impact of reform on people and
     * organisations); criteria, sub-criteria and points are this demo's own
     * (100 in all, 28 of them from the sociological survey).
     */
    static ParIndexView.TreeDocument tree(int year) {
        String plan = "Kế hoạch CCHC năm, báo cáo kết quả";
        return new ParIndexView.TreeDocument(year, "Bộ chỉ số cải cách hành chính của sở, ban, ngành và UBND cấp xã năm " + year,
                "Áp dụng khung Quyết định 876/QĐ-BNV ngày 10/11/2022 (điểm số giả định cho dữ liệu minh họa)", List.of(
                area("1", "Công tác chỉ đạo, điều hành cải cách hành chính", List.of(
                        criterion("1.1", "Kế hoạch cải cách hành chính năm", List.of(
                                sub("1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", "2", "Quyết định ban hành kế hoạch", "SELF", null),
                                sub("1.1.2", "Mức độ hoàn thành kế hoạch CCHC", "3", plan, "SELF", null))),
                        criterion("1.2", "Kiểm tra công tác CCHC", List.of(
                                sub("1.2.1", "Tỷ lệ đơn vị trực thuộc được kiểm tra", "2", "Kế hoạch và báo cáo kiểm tra", "SELF", null),
                                sub("1.2.2", "Xử lý các vấn đề phát hiện qua kiểm tra", "3", "Văn bản chỉ đạo khắc phục", "SELF", null))))),
                area("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", List.of(
                        criterion("2.1", "Rà soát, hệ thống hóa văn bản", List.of(
                                sub("2.1.1", "Thực hiện kế hoạch rà soát văn bản", "4", "Báo cáo rà soát", "SELF", null),
                                sub("2.1.2", "Xử lý kết quả rà soát", "4", "Văn bản xử lý sau rà soát", "APPRAISAL", null))))),
                area("3", "Cải cách thủ tục hành chính", List.of(
                        criterion("3.1", "Kết quả giải quyết thủ tục hành chính", List.of(
                                sub("3.1.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "6", null, "SELF", "ON_TIME"),
                                sub("3.1.2", "Tỷ lệ hồ sơ nộp trực tuyến toàn trình", "4", null, "SELF", "ONLINE"))),
                        criterion("3.2", "Tiếp nhận, xử lý phản ánh, kiến nghị", List.of(
                                sub("3.2.1", "Tỷ lệ PAKN được xử lý đúng hạn", "3", null, "SELF", "FEEDBACK_ON_TIME"),
                                sub("3.2.2", "Công khai kết quả xử lý PAKN", "3", "Đường dẫn công khai", "SELF", null))))),
                area("4", "Cải cách tổ chức bộ máy hành chính nhà nước", List.of(
                        criterion("4.1", "Sắp xếp tổ chức bộ máy", List.of(
                                sub("4.1.1", "Thực hiện quy định về cơ cấu tổ chức", "4", "Quyết định quy định chức năng, nhiệm vụ", "SELF", null),
                                sub("4.1.2", "Thực hiện biên chế được giao", "4", "Báo cáo biên chế", "APPRAISAL", null))))),
                area("5", "Cải cách chế độ công vụ", List.of(
                        criterion("5.1", "Vị trí việc làm và sử dụng công chức", List.of(
                                sub("5.1.1", "Bố trí công chức theo vị trí việc làm", "4", "Đề án vị trí việc làm", "SELF", null),
                                sub("5.1.2", "Đánh giá, xếp loại công chức theo kết quả", "4", "Kết quả xếp loại", "SELF", null))),
                        criterion("5.2", "Kỷ luật, kỷ cương hành chính", List.of(
                                sub("5.2.1", "Không có công chức vi phạm bị xử lý kỷ luật", "4", null, "APPRAISAL", null))))),
                area("6", "Cải cách tài chính công", List.of(
                        criterion("6.1", "Quản lý, sử dụng tài chính, tài sản công", List.of(
                                sub("6.1.1", "Thực hiện quy chế chi tiêu nội bộ", "4", "Quy chế chi tiêu nội bộ", "SELF", null),
                                sub("6.1.2", "Công khai tài chính, ngân sách", "4", "Văn bản công khai", "SELF", null))))),
                area("7", "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số", List.of(
                        criterion("7.1", "Cung cấp dịch vụ công trực tuyến", List.of(
                                sub("7.1.1", "Chỉ số phục vụ người dân, doanh nghiệp (766)", "6", null, "SELF", "INDEX_766"),
                                sub("7.1.2", "Số hóa hồ sơ, kết quả giải quyết", "4", "Báo cáo số hóa", "SELF", null))))),
                area("8", "Tác động của cải cách hành chính đến người dân, tổ chức", List.of(
                        criterion("8.1", "Sự hài lòng của người dân, tổ chức (điều tra xã hội học)", List.of(
                                sub("8.1.1", "Hài lòng với việc giải quyết thủ tục hành chính", "16", null, "SURVEY", null),
                                sub("8.1.2", "Hài lòng với cung cấp dịch vụ công trực tuyến", "12", null, "SURVEY", null)))))));
    }
}
