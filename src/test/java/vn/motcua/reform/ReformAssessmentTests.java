package vn.motcua.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierService;
import vn.motcua.feedback.FeedbackAboutOfficerFiled;
import vn.motcua.indicators.IndicatorFixtures;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.ClassificationView.OfficerAssessment;
import vn.motcua.reform.ParIndexView.Line;
import vn.motcua.reform.ParIndexView.NodeDocument;
import vn.motcua.reform.ParIndexView.Sheet;
import vn.motcua.reform.internal.classification.ClassificationReadModel;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.supervision.ConductSignals;
import vn.motcua.supervision.Resolution;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The reform module's assessment part against datasets worked out by hand:
 * the PAR INDEX proposals from the 766 index of a quarter whose figures the
 * indicators' own tests derive (ON_TIME 3/6, ONLINE 1/6, total 70/100), an
 * officer's month from real dossier acts, a confirmed conduct signal and a
 * PAKN, the leader's override with its reason, the cap on excellent, the
 * XLSX exports read back cell by cell, and job positions' workload.
 */
class ReformAssessmentTests extends IntegrationTest {

    /** The tests' own PAR INDEX year (the demo uses the last full year). */
    static final int YEAR = 2026;
    static final Instant MAR_2 = IndicatorFixtures.MAR_2;
    static final Instant MAR_3 = IndicatorFixtures.MAR_3;
    static final Instant MAR_4 = IndicatorFixtures.MAR_4;
    static final Instant MAR_16 = IndicatorFixtures.MAR_16;

    @Autowired
    IndicatorFixtures indicatorData;
    @Autowired
    DossierFixtures dossierFixtures;
    @Autowired
    DossierService dossiers;
    @Autowired
    ConductSignals signals;
    @Autowired
    ParIndexService par;
    @Autowired
    ClassificationService classification;
    @Autowired
    PositionService positions;
    @Autowired
    ClassificationReadModel readModel;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    static StaffPrincipal principal(StaffView s) {
        return DossierFixtures.World.principal(s);
    }

    StaffPrincipal admin() {
        return principal(fixtures.staff(Role.ADMIN, fixtures.province()));
    }

    StaffPrincipal supervisor() {
        return principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
    }

    static NodeDocument leaf(String code, String name, String max, String evidence, String source, String metric) {
        return new NodeDocument(code, "SUB_CRITERION", name, new BigDecimal(max), evidence, source, metric, List.of());
    }

    /** A small tree shaped like the published one: two areas, criteria, sub-criteria; three with a metric. */
    static ParIndexView.TreeDocument tree() {
        return new ParIndexView.TreeDocument(YEAR, "Bộ chỉ số thử", "QĐ thử", List.of(
                new NodeDocument("T3", "AREA", "Cải cách thủ tục hành chính", new BigDecimal("5.50"), null, null, null, List.of(
                        new NodeDocument("T3.1", "CRITERION", "Kết quả giải quyết hồ sơ", new BigDecimal("5.50"), null, null, null, List.of(
                                leaf("T3.1.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "2", null, "SELF", "ON_TIME"),
                                leaf("T3.1.2", "Tỷ lệ hồ sơ trực tuyến toàn trình", "1.5", null, "SELF", "ONLINE"),
                                leaf("T3.1.3", "Chỉ số phục vụ người dân (766)", "2", null, "SELF", "INDEX_766"))))),
                new NodeDocument("T1", "AREA", "Công tác chỉ đạo, điều hành", new BigDecimal("3"), null, null, null, List.of(
                        new NodeDocument("T1.1", "CRITERION", "Kế hoạch CCHC", new BigDecimal("3"), null, null, null, List.of(
                                leaf("T1.1.1", "Ban hành kế hoạch đúng hạn", "1", "Quyết định ban hành kế hoạch", "SELF", null),
                                leaf("T1.1.2", "Điều tra xã hội học", "2", null, "SURVEY", null)))))));
    }

    ParIndexView.TreeSummary freshTree() {
        jdbc.sql("DELETE FROM ref_par_tree WHERE year = ?").param(YEAR).update();
        return par.importTree(tree(), admin(), "127.0.0.1");
    }

    static Line line(Sheet s, String code) {
        return s.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theParIndexProposesEachComputableScoreFromTheQuartersFigures() throws Exception {
        testsupport.farside.FarSides.NATIONAL_PORTAL.reset(); // acknowledges nothing: the 766 figures stay as worked out
        freshTree();
        IndicatorFixtures.Quarter q = indicatorData.quarter();
        StaffPrincipal leader = q.w().leaderPrincipal();
        Sheet s = par.sheet(YEAR, q.w().agency().id(), LocalDate.of(YEAR, 3, 31), leader);
        // ON_TIME 3 of 6 = 50.00 % of 2 points → 1.00
        assertThat(line(s, "T3.1.1").proposal().numerator()).isEqualTo(3L);
        assertThat(line(s, "T3.1.1").proposal().denominator()).isEqualTo(6L);
        assertThat(line(s, "T3.1.1").proposal().rate()).isEqualByComparingTo("50.00");
        assertThat(line(s, "T3.1.1").proposal().points()).isEqualByComparingTo("1.00");
        // ONLINE 1 of 6 = 16.67 % of 1.5 → 0.25
        assertThat(line(s, "T3.1.2").proposal().rate()).isEqualByComparingTo("16.67");
        assertThat(line(s, "T3.1.2").proposal().points()).isEqualByComparingTo("0.25");
        // the 766 index 52.44 of 100 (IndicatorIndexTests works it out) → 2 × 0.5244 = 1.05
        assertThat(line(s, "T3.1.3").proposal().rate()).isEqualByComparingTo("52.44");
        assertThat(line(s, "T3.1.3").proposal().points()).isEqualByComparingTo("1.05");
        // a criterion without a metric has no proposal; the tree's maximum is the areas' sum
        assertThat(line(s, "T1.1.1").proposal()).isNull();
        assertThat(s.maxPoints()).isEqualByComparingTo("8.50");

        // the leader self-scores with evidence where required; the proposal is kept with the score
        assertThatThrownBy(() -> par.selfScore(YEAR, q.w().agency().id(), "T1.1.1", BigDecimal.ONE, null, null, leader, "127.0.0.1"))
                .isInstanceOf(InvalidInput.class);
        par.selfScore(YEAR, q.w().agency().id(), "T1.1.1", BigDecimal.ONE, "Đã ban hành", "QĐ 12/QĐ-STP", leader, "127.0.0.1");
        par.selfScore(YEAR, q.w().agency().id(), "T3.1.1", new BigDecimal("1.5"), null, null, leader, "127.0.0.1");
        // (saved today: the proposal kept is the one of the figures up to today, D8 having finished late in April: 2/6 → 0.67)
        BigDecimal today = line(par.sheet(YEAR, q.w().agency().id(), null, leader), "T3.1.1").proposal().points();
        assertThat(today).isEqualByComparingTo("0.67");
        assertThat(jdbc.sql("SELECT proposed FROM ref_par_score s JOIN ref_par_node n ON n.id = s.node_id WHERE n.code = 'T3.1.1' "
                + "AND s.unit_id = ?").param(q.w().agency().id()).query(BigDecimal.class).single()).isEqualByComparingTo(today);
        // a score above the maximum, and the survey criterion, are refused
        assertThatThrownBy(() -> par.selfScore(YEAR, q.w().agency().id(), "T3.1.2", new BigDecimal("1.6"), null, null, leader, "x"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> par.selfScore(YEAR, q.w().agency().id(), "T1.1.2", BigDecimal.ONE, null, null, leader, "x"))
                .isInstanceOf(DomainRuleViolation.class);

        // the Department appraises: lower than the self-score only with a reason
        StaffPrincipal sup = supervisor();
        assertThatThrownBy(() -> par.appraise(YEAR, q.w().agency().id(), "T3.1.1", BigDecimal.ONE, "", sup, "x"))
                .isInstanceOf(InvalidInput.class);
        par.appraise(YEAR, q.w().agency().id(), "T3.1.1", BigDecimal.ONE, "Theo số liệu 766: 3/6 hồ sơ đúng hạn", sup, "127.0.0.1");
        par.appraise(YEAR, q.w().agency().id(), "T1.1.2", new BigDecimal("1.75"), null, sup, "127.0.0.1");
        // once appraised, the unit cannot change its self-score
        assertThatThrownBy(() -> par.selfScore(YEAR, q.w().agency().id(), "T3.1.1", new BigDecimal("2"), null, null, leader, "x"))
                .isInstanceOf(DomainRuleViolation.class);
        Sheet after = par.sheet(YEAR, q.w().agency().id(), LocalDate.of(YEAR, 3, 31), leader);
        assertThat(after.selfTotal()).isEqualByComparingTo("2.50");
        assertThat(after.finalTotal()).isEqualByComparingTo("3.75"); // 1 (self) + 1 (appraised) + 1.75 (survey)
        ParIndexView.RankingRow mine = par.ranking(YEAR, sup).stream().filter(r -> r.unitId() == q.w().agency().id()).findFirst()
                .orElseThrow();
        assertThat(mine.finalTotal()).isEqualByComparingTo("3.75");
        assertThat(mine.appraised()).isEqualTo(2);

        // the tree, once scored, cannot be replaced
        assertThatThrownBy(() -> par.importTree(tree(), admin(), "x")).isInstanceOf(DomainRuleViolation.class);

        // the XLSX export: the ranking and the per-criterion matrix
        byte[] xlsx = mvc.perform(get("/reform/par/{y}/scores.xlsx", YEAR).with(user(sup))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet ranking = wb.getSheetAt(0);
            assertThat(ranking.getRow(0).getCell(0).getStringCellValue()).contains(String.valueOf(YEAR));
            int row = findRow(ranking, 1, q.w().agency().name());
            assertThat(ranking.getRow(row).getCell(2).getNumericCellValue()).isEqualTo(2.5);
            assertThat(ranking.getRow(row).getCell(4).getNumericCellValue()).isEqualTo(3.75);
            org.apache.poi.ss.usermodel.Sheet matrix = wb.getSheetAt(1);
            int col = -1;
            for (int c = 3; c < matrix.getRow(2).getLastCellNum(); c++) {
                if (matrix.getRow(2).getCell(c).getStringCellValue().equals(q.w().agency().name())) {
                    col = c;
                }
            }
            assertThat(col).isPositive();
            int t311 = findRow(matrix, 0, "T3.1.1");
            assertThat(matrix.getRow(t311).getCell(col).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    static int findRow(org.apache.poi.ss.usermodel.Sheet sh, int col, String text) {
        for (int r = 0; r <= sh.getLastRowNum(); r++) {
            var row = sh.getRow(r);
            if (row != null && row.getCell(col) != null && row.getCell(col).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && row.getCell(col).getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row " + text);
    }

    @Test
    void aTreeThatDoesNotAddUpIsRefusedWithEveryProblemNamed() throws Exception {
        String body = """
                {"year": 2097, "title": "Sai", "nodes": [
                  {"code": "A", "kind": "AREA", "name": "Lĩnh vực", "maxPoints": 5, "children": [
                    {"code": "A.1", "kind": "CRITERION", "name": "Tiêu chí", "maxPoints": 3, "metric": "NOPE"},
                    {"code": "A.1", "kind": "SUB_CRITERION", "name": "", "maxPoints": 1}]}]}""";
        mvc.perform(post("/api/v1/reform/par/trees").with(user(admin())).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("SELECT count(*) FROM ref_par_tree WHERE year = 2097").query(Long.class).single()).isZero();
        // a leader may not import
        mvc.perform(post("/api/v1/reform/par/trees").with(user(principal(fixtures.staff(Role.LEADER, fixtures.agency("Sở thử cây")))))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
    }

    /**
     * The specialist of a fresh agency, March 2026: four dossiers received and handed to them on 2 March;
     * they hand D1 on 3 March and D2 on 4 March (before the 3.5-working-day step is due), D3 on 16 March
     * (late), and stop D4 with an empty reason (a conduct signal the supervisor confirms as "reminded");
     * one PAKN about them is filed on 10 March.
     * <pre>
     *   handled 3, on time 2, late 1, acts 4 (3 hand-overs + the stop)
     *   general = 30 − 10 (reminded) − 2 (one PAKN) = 18
     *   task    = 70 × (1 − 0.25 × 1/3) = 64.17
     *   total   = 82.17 → good
     * </pre>
     */
    @Test
    void anOfficersMonthIsProposedFromTheirWorkAndTheLeadersOverrideNeedsAReason() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        StaffPrincipal sup = supervisor();
        String[] d = new String[4];
        for (int i = 0; i < 4; i++) {
            d[i] = indicatorData.atDesk(w, MAR_2);
            indicatorData.act(d[i], Action.FORWARD, w.deskPrincipal(), MAR_2);
        }
        indicatorData.act(d[0], Action.FORWARD, w.specialistPrincipal(), MAR_3);
        indicatorData.act(d[1], Action.FORWARD, w.specialistPrincipal(), MAR_4);
        indicatorData.act(d[2], Action.FORWARD, w.specialistPrincipal(), MAR_16);
        clock.pin(MAR_4);
        dossiers.act(d[3], new DossierAct.StopProcessing("x"), null, w.specialistPrincipal());
        long signal = signals.inbox("OPEN", "reason-missing", null, 0, 100, sup, java.util.Locale.ROOT).items().stream()
                .filter(s -> d[3].equals(s.dossierCode())).findFirst().orElseThrow().id();
        clock.pin(MAR_16);
        signals.resolve(signal, Resolution.REMINDED, "Đã nhắc nhở ghi rõ lý do dừng xử lý", sup, "127.0.0.1", java.util.Locale.ROOT);
        readModel.on(new FeedbackAboutOfficerFiled("PAKN-R2-" + w.specialist().id(), new StaffId(w.specialist().id()),
                new UnitId(w.division().id()), null, Instant.parse("2026-03-10T03:00:00Z"), Instant.parse("2026-03-10T03:00:00Z")));
        // an event seen twice counts once
        readModel.on(new FeedbackAboutOfficerFiled("PAKN-R2-" + w.specialist().id(), new StaffId(w.specialist().id()),
                new UnitId(w.division().id()), null, Instant.parse("2026-03-10T03:00:00Z"), Instant.parse("2026-03-10T03:00:00Z")));
        clock.reset();

        StaffPrincipal leader = w.leaderPrincipal();
        List<OfficerAssessment> proposed = classification.propose(w.agency().id(), "MONTH", "2026-03", leader);
        OfficerAssessment a = proposed.stream().filter(x -> x.officerId() == w.specialist().id()).findFirst().orElseThrow();
        assertThat(a.figures().handled()).isEqualTo(3);
        assertThat(a.figures().onTime()).isEqualTo(2);
        assertThat(a.figures().late()).isEqualTo(1);
        assertThat(a.figures().acts()).isEqualTo(4);
        assertThat(a.figures().signalsReminded()).isEqualTo(1);
        assertThat(a.figures().signals()).containsExactly(signal);
        assertThat(a.figures().feedback()).isEqualTo(1);
        assertThat(a.proposedGeneral()).isEqualByComparingTo("18");
        assertThat(a.proposedTask()).isEqualByComparingTo("64.17");
        assertThat(a.proposedTotal()).isEqualByComparingTo("82.17");
        assertThat(a.proposedBand()).isEqualTo(AssessmentBand.GOOD);
        // the leader is not assessed by themselves
        assertThat(proposed).noneMatch(x -> x.officerId() == w.leader().id());

        // the officer sees their own assessment and the figures; another officer does not (404)
        mvc.perform(get("/api/v1/reform/assessments/{id}", a.id()).with(user(w.specialistPrincipal()))).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.late").value(1)).andExpect(jsonPath("$.proposedTask").value(64.17));
        mvc.perform(get("/api/v1/reform/assessments/{id}", a.id()).with(user(w.deskPrincipal()))).andExpect(status().isNotFound());
        mvc.perform(get("/reform/classification/mine").with(user(w.specialistPrincipal()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2026-03")));

        // a changed score without a reason: 422 on the API, a readable message on the page, nothing changed
        mvc.perform(post("/api/v1/reform/assessments/{id}/confirm", a.id()).with(user(leader)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + a.version() + ", \"general\": 25}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
        mvc.perform(post("/reform/classification/assessments/{id}/confirm", a.id()).with(user(leader))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("version", String.valueOf(a.version())).param("general", "25").param("task", "64.17"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("cần ghi rõ lý do")));
        assertThat(classification.get(a.id(), leader).status()).isEqualTo("PROPOSED");

        // with the reason it is confirmed, the change and the reason audited
        OfficerAssessment c = classification.confirm(a.id(), a.version(), new BigDecimal("25"), null,
                "Nhắc nhở đã được khắc phục ngay trong tháng", leader, "127.0.0.1");
        assertThat(c.status()).isEqualTo("CONFIRMED");
        assertThat(c.total()).isEqualByComparingTo("89.17");
        assertThat(c.band()).isEqualTo(AssessmentBand.GOOD);
        assertThat(c.overridden()).isTrue();
        Map<String, Object> audited = jdbc.sql("SELECT actor, reason, detail FROM audit_entry WHERE kind = ? AND subject_id = ? ORDER BY id DESC LIMIT 1")
                .params(ClassificationService.AUDIT_CONFIRMED, String.valueOf(a.id())).query().singleRow();
        assertThat(audited.get("actor")).isEqualTo(leader.username());
        assertThat(audited.get("reason")).isEqualTo("Nhắc nhở đã được khắc phục ngay trong tháng");
        assertThat((String) audited.get("detail")).contains("changed").contains("89.17");
        // a stale version is refused
        assertThatThrownBy(() -> classification.confirm(a.id(), a.version(), null, null, null, leader, "x"))
                .isInstanceOf(DomainRuleViolation.class);
        // the yearly classification
        assertThat(classification.yearly(w.agency().id(), 2026, leader)).singleElement()
                .satisfies(y -> assertThat(y.average()).isEqualByComparingTo("89.17"));
        // the officer cannot confirm anything
        mvc.perform(post("/api/v1/reform/assessments/{id}/confirm", a.id()).with(user(w.specialistPrincipal()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}")).andExpect(status().isForbidden());
    }

    /**
     * Seven officers with nothing handled in the quarter: five confirmed good (30 + 50), so one excellent
     * is allowed (⌊20 % × 5⌋ = 1); a second is refused with 409 and changes nothing. The yearly list
     * and its XLSX read the same.
     */
    @Test
    void noMoreThanTwentyPercentOfTheGoodOnesAreExcellent() throws Exception {
        UnitView unit = fixtures.agency("Sở Thử giới hạn xuất sắc");
        StaffView leaderView = fixtures.staff(Role.LEADER, unit);
        StaffPrincipal leader = principal(leaderView);
        for (int i = 0; i < 7; i++) {
            fixtures.staff(Role.SPECIALIST, unit);
        }
        List<OfficerAssessment> all = classification.propose(unit.id(), "QUARTER", "2026-Q2", leader);
        assertThat(all).hasSize(7).allSatisfy(a -> {
            assertThat(a.proposedTask()).isNull();
            assertThat(a.proposedGeneral()).isEqualByComparingTo("30");
        });
        // nothing handled: the leader must give the task score, with a reason
        assertThatThrownBy(() -> classification.confirm(all.get(0).id(), all.get(0).version(), null, null, null, leader, "x"))
                .isInstanceOf(InvalidInput.class);
        for (int i = 0; i < 5; i++) {
            classification.confirm(all.get(i).id(), all.get(i).version(), null, new BigDecimal("50"), "Theo báo cáo công việc", leader, "x");
        }
        assertThat(classification.confirm(all.get(5).id(), all.get(5).version(), null, new BigDecimal("65"), "Hoàn thành vượt kế hoạch",
                leader, "x").band()).isEqualTo(AssessmentBand.EXCELLENT);
        mvc.perform(post("/api/v1/reform/assessments/{id}/confirm", all.get(6).id()).with(user(leader)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + all.get(6).version() + ", \"task\": 62, \"reason\": \"Xuất sắc\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("excellent-cap"));
        assertThat(classification.get(all.get(6).id(), leader).status()).isEqualTo("PROPOSED");

        List<ClassificationView.YearlyRow> year = classification.yearly(unit.id(), 2026, leader);
        assertThat(year).hasSize(6);
        assertThat(year.get(0).band()).isEqualTo(AssessmentBand.EXCELLENT);
        assertThat(year.get(0).average()).isEqualByComparingTo("95");
        byte[] xlsx = mvc.perform(get("/reform/classification/officers.xlsx").param("unit", String.valueOf(unit.id())).param("year", "2026")
                .with(user(leader))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.getSheetAt(0);
            assertThat(sh.getRow(1).getCell(0).getStringCellValue()).isEqualTo(unit.name());
            assertThat(sh.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(95.0);
            assertThat(sh.getRow(4).getCell(5).getStringCellValue()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(sh.getRow(5).getCell(5).getStringCellValue()).isEqualTo("Hoàn thành tốt nhiệm vụ");
            assertThat(wb.getSheetAt(1).getRow(3).getCell(1).getStringCellValue()).isEqualTo("2026-Q2");
        }
    }

    @Test
    void agenciesAreClassifiedFromTheirIndexAndSatisfactionWithReformTasksAsNoData() throws Exception {
        // the weighted mean over the inputs with data: (70 × 0.5 + 90 × 0.3) ÷ 0.8 = 77.50
        assertThat(ClassificationService.agencyScore(new BigDecimal("70"), new BigDecimal("90"), null)).isEqualByComparingTo("77.50");
        assertThat(ClassificationService.agencyScore(new BigDecimal("70"), new BigDecimal("90"), new BigDecimal("50")))
                .isEqualByComparingTo("72.00");
        assertThat(ClassificationService.agencyScore(null, null, null)).isNull();
        IndicatorFixtures.Quarter q = indicatorData.quarter();
        List<ClassificationView.AgencyRow> rows = classification.agencies(2026, supervisor());
        ClassificationView.AgencyRow a = rows.stream().filter(r -> r.unitId() == q.w().agency().id()).findFirst().orElseThrow();
        assertThat(a.tasksDone()).isNull();
        assertThat(a.index766()).isNotNull();
        byte[] xlsx = mvc.perform(get("/reform/classification/agencies.xlsx").param("year", "2026").with(user(supervisor())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.getSheetAt(0);
            int r = findRow(sh, 1, q.w().agency().name());
            assertThat(sh.getRow(r).getCell(2).getNumericCellValue()).isEqualTo(a.index766().doubleValue());
            assertThat(sh.getRow(r).getCell(5).getStringCellValue()).isEqualTo("Chưa có dữ liệu");
        }
    }

    @Test
    void aPositionsWorkloadShowsWhereHoldersAreShortOrIdle() throws Exception {
        DossierFixtures.World w = dossierFixtures.world();
        for (int i = 0; i < 3; i++) {
            String code = indicatorData.atDesk(w, MAR_2);
            indicatorData.act(code, Action.FORWARD, w.deskPrincipal(), MAR_2);
            indicatorData.act(code, Action.FORWARD, w.specialistPrincipal(), MAR_3);
        }
        clock.reset();
        StaffPrincipal leader = w.leaderPrincipal();
        PositionView.Position desk = positions.create(w.agency().id(), "VT-MC", "Tiếp nhận và trả kết quả", "Kỹ năng giao tiếp", 1, leader,
                "x");
        PositionView.Position exam = positions.create(w.agency().id(), "VT-TD", "Thẩm định hồ sơ", "Am hiểu pháp luật chuyên ngành", 2,
                leader, "x");
        PositionView.Position vacant = positions.create(w.agency().id(), "VT-PC", "Pháp chế", null, 1, leader, "x");
        StaffView newcomer = fixtures.staff(Role.SPECIALIST, w.division());
        positions.assign(desk.id(), newcomer.id(), leader, "x");
        // an officer outside the leader's scope cannot be named
        assertThatThrownBy(() -> positions.assign(desk.id(), w.deskOfficer().id(), leader, "x"))
                .isInstanceOf(vn.motcua.shared.NotFound.class);
        positions.assign(exam.id(), w.specialist().id(), leader, "x");
        assertThatThrownBy(() -> positions.assign(exam.id(), w.specialist().id(), leader, "x")).isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> positions.create(w.agency().id(), "VT-MC", "Trùng", null, 1, leader, "x")).isInstanceOf(InvalidInput.class);
        List<PositionView.Workload> load = positions.workload(w.agency().id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), leader);
        // the specialist 3 hand-overs, the newcomer none: 1.5 per holder; the newcomer is idle (0 < 0.75),
        // the specialist's position plans two people and has one
        assertThat(load).extracting(PositionView.Workload::code, PositionView.Workload::handled, PositionView.Workload::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("VT-MC", 0L, "IDLE"),
                        org.assertj.core.groups.Tuple.tuple("VT-TD", 3L, "SHORT"), org.assertj.core.groups.Tuple.tuple("VT-PC", 0L, "VACANT"));
        assertThat(load.get(0).unitMean()).isEqualByComparingTo("1.50");
        assertThat(PositionService.status(1, 1, new BigDecimal("2"), new BigDecimal("3"))).isEqualTo("BALANCED");
        assertThat(PositionService.status(1, 1, new BigDecimal("5"), new BigDecimal("3"))).isEqualTo("SHORT");
        assertThat(vacant.holders()).isEmpty();

        // training: the leader records, the officer reads their own, another officer gets 404
        positions.addTraining(w.specialist().id(), "Bồi dưỡng kỹ năng số", "Trường Chính trị tỉnh", LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 4, 10), 40, "CC-2026-118", leader, "x");
        assertThatThrownBy(() -> positions.addTraining(w.specialist().id(), "Sai ngày", null, LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 4, 6), 8, null, leader, "x")).isInstanceOf(InvalidInput.class);
        mvc.perform(get("/api/v1/reform/staff/{id}/trainings", w.specialist().id()).with(user(w.specialistPrincipal())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].hours").value(40));
        mvc.perform(get("/api/v1/reform/staff/{id}/trainings", w.specialist().id()).with(user(w.deskPrincipal())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/reform/positions").param("unit", String.valueOf(w.agency().id())).with(user(leader)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Thẩm định hồ sơ")));
    }

    @Test
    void thePagesRenderForTheirRoles() throws Exception {
        freshTree();
        IndicatorFixtures.Quarter q = indicatorData.quarter();
        mvc.perform(get("/reform/par").with(user(admin()))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bộ chỉ số thử")));
        mvc.perform(get("/reform/par/{y}/units/{u}", YEAR, q.w().agency().id()).with(user(q.w().leaderPrincipal())))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Tỷ lệ hồ sơ giải quyết đúng hạn")));
        mvc.perform(put("/api/v1/reform/par/{y}/units/{u}/appraisals/T3.1.1", YEAR, q.w().agency().id()).with(user(q.w().leaderPrincipal()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 1}")).andExpect(status().isForbidden());
        mvc.perform(get("/reform/classification").with(user(q.w().leaderPrincipal()))).andExpect(status().isOk());
        mvc.perform(get("/reform/classification/agencies").with(user(supervisor()))).andExpect(status().isOk());
        mvc.perform(get("/reform/classification/year").with(user(q.w().leaderPrincipal()))).andExpect(status().isOk());
        mvc.perform(get("/reform/par").with(user(q.w().specialistPrincipal()))).andExpect(status().isForbidden());
    }
}
