package vn.motcua.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.feedback.AssessmentService;
import vn.motcua.feedback.SurveyDimension;
import vn.motcua.feedback.SurveyFactor;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.portal.RatingService;

/**
 * Demo profile, after the demo dossiers: ratings of most returned dossiers
 * (some not satisfied, with reasons and comments), nine-criteria assessments
 * of a third of them, two SIPAS campaigns (one closed with answers, one open),
 * and three consultations (a draft, an open one with moderated comments, a
 * concluded one). The dossiers come from this module's read model, fed by
 * the dossier module's events; the loader first waits for it to catch up
 * with the demo dossiers (at most a minute). Ratings and assessments go
 * through their services with past times; surveys and consultations are
 * written directly (their dates lie in the past, which the services refuse).
 */
@Component
@Profile("demo")
@Order(49)
class DemoSatisfactionData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSatisfactionData.class);
    private static final String[] COMMENTS_GOOD = {"Cán bộ hướng dẫn tận tình, trả kết quả sớm.", "Thủ tục nhanh gọn, hài lòng.",
        "Nhân viên lịch sự, chu đáo.", "Nộp trực tuyến rất thuận tiện."};
    private static final String[] COMMENTS_BAD = {"Phải đi lại nhiều lần mới đủ giấy tờ.", "Trả kết quả trễ hẹn, không được báo trước.",
        "Hướng dẫn không rõ ràng, mỗi người nói một kiểu.", "Chờ đợi lâu tại quầy."};
    private static final String[][] REASONS = {{"LATE"}, {"MANY_TRIPS", "UNCLEAR_GUIDANCE"}, {"UNCLEAR_GUIDANCE"}, {"ATTITUDE"},
        {"EXTRA_PAPERS", "MANY_TRIPS"}, {"ONLINE_SERVICE"}};

    private final JdbcClient jdbc;
    private final RatingService ratings;
    private final AssessmentService assessments;
    private final DossierService dossiers;
    private final OrganizationService org;

    DemoSatisfactionData(JdbcClient jdbc, RatingService ratings, AssessmentService assessments, DossierService dossiers,
                         OrganizationService org) {
        this.jdbc = jdbc;
        this.ratings = ratings;
        this.assessments = assessments;
        this.dossiers = dossiers;
        this.org = org;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM survey").query(Long.class).single() > 0) {
            return;
        }
        awaitReadModel();
        Random rnd = new Random(6122026L);
        Instant now = Instant.now();
        List<String[]> returned = jdbc.sql("""
                SELECT code, returned_at FROM satisfaction_dossier WHERE returned_at IS NOT NULL ORDER BY returned_at""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant().toString()}).list();
        int rated = 0;
        int assessed = 0;
        for (String[] r : returned) {
            Instant back = Instant.parse(r[1]);
            Instant at = back.plus(Duration.ofMinutes(5 + rnd.nextInt(600)));
            if (at.isAfter(now)) {
                at = now;
            }
            try {
                if (rnd.nextInt(100) < 70) {
                    int x = rnd.nextInt(100);
                    RatingService.Rating rating = x < 38 ? RatingService.Rating.VERY_SATISFIED : x < 82 ? RatingService.Rating.SATISFIED
                            : RatingService.Rating.NOT_SATISFIED;
                    boolean not = rating == RatingService.Rating.NOT_SATISFIED;
                    String comment = not ? COMMENTS_BAD[rnd.nextInt(COMMENTS_BAD.length)]
                            : rnd.nextInt(100) < 40 ? COMMENTS_GOOD[rnd.nextInt(COMMENTS_GOOD.length)] : null;
                    ratings.recordGiven(r[0], new RatingService.RateDossier(rating, not ? List.of(REASONS[rnd.nextInt(REASONS.length)])
                            : List.of(), comment), rnd.nextBoolean() ? RatingService.Channel.KIOSK : RatingService.Channel.LINK, null, at);
                    rated++;
                }
                if (rnd.nextInt(100) < 35) {
                    DossierView d = dossiers.get(r[0], OfficerScope.everything(null));
                    int base = rnd.nextInt(100) < 70 ? 2 : 1;
                    List<Integer> points = new ArrayList<>();
                    for (int i = 0; i < 9; i++) {
                        points.add(Math.max(0, Math.min(2, base - (rnd.nextInt(100) < 25 ? 1 : 0))));
                    }
                    assessments.submitGiven(d, points, rnd.nextInt(100) < 30 ? COMMENTS_GOOD[rnd.nextInt(COMMENTS_GOOD.length)] : null,
                            at.plus(Duration.ofMinutes(3)).isAfter(now) ? now : at.plus(Duration.ofMinutes(3)));
                    assessed++;
                }
            } catch (RuntimeException e) {
                log.debug("Skipped the demo rating of {}: {}", r[0], e.getMessage());
            }
        }
        int surveyed = surveys(returned, rnd, now);
        consultations(now);
        log.info("Loaded demo satisfaction data: {} ratings, {} assessments, {} survey answers, 3 consultations", rated, assessed,
                surveyed);
    }

    /** Waits until the read model of dossiers stops growing (the events of the demo dossiers are handled), at most a minute. */
    private void awaitReadModel() {
        long deadline = System.currentTimeMillis() + 60_000;
        long last = -1;
        while (System.currentTimeMillis() < deadline) {
            long count = jdbc.sql("SELECT count(*) + count(returned_at) FROM satisfaction_dossier").query(Long.class).single();
            long pending = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                    + "AND listener_id LIKE 'vn.motcua.feedback.%'").query(Long.class).single();
            if (count > 0 && count == last && pending == 0) {
                return;
            }
            last = count;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int surveys(List<String[]> returned, Random rnd, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, CalendarService.ZONE);
        int answers = 0;
        answers += survey("Khảo sát mức độ hài lòng (SIPAS) tháng trước", today.minusDays(60), today.minusDays(21), 40, "CLOSED",
                today.minusDays(5), 0.6, returned, rnd, now);
        answers += survey("Khảo sát mức độ hài lòng (SIPAS) đang diễn ra", today.minusDays(20), today.minusDays(1), 25, "OPEN",
                today.plusDays(14), 0.3, returned, rnd, now);
        return answers;
    }

    private int survey(String title, LocalDate from, LocalDate to, int size, String status, LocalDate closes, double answerRate,
                       List<String[]> returned, Random rnd, Instant now) {
        OffsetDateTime created = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).minusDays(status.equals("CLOSED") ? 20 : 1);
        long id = jdbc.sql("""
                INSERT INTO survey (title, unit_id, returned_from, returned_to, sample_size, status, closes_on, created_by, created_at,
                                    opened_at, closed_at)
                VALUES (?, NULL, ?, ?, ?, ?, ?, 'giamsat', ?, ?, ?) RETURNING id""")
                .params(title, from, to, size, status, closes, created, created.plusMinutes(30),
                        status.equals("CLOSED") ? created.plusDays(15) : null)
                .query(Long.class).single();
        List<String> sample = returned.stream()
                .filter(r -> {
                    LocalDate d = LocalDate.ofInstant(Instant.parse(r[1]), CalendarService.ZONE);
                    return !d.isBefore(from) && !d.isAfter(to);
                }).map(r -> r[0]).limit(size).toList();
        int answered = 0;
        for (String code : sample) {
            var row = jdbc.sql("SELECT receiving_unit_id, procedure_code FROM satisfaction_dossier WHERE code = ?").param(code)
                    .query((rs, n) -> new Object[] {rs.getObject(1), rs.getString(2)}).single();
            boolean answers = rnd.nextDouble() < answerRate;
            long inv = jdbc.sql("""
                    INSERT INTO survey_invitation (survey_id, dossier_code, unit_id, procedure_code, applicant_name, email, created_at,
                                                   sent_at, send_attempts, answered_at, comment)
                    VALUES (?, ?, ?, ?, 'Người dân', ?, ?, ?, 1, ?, ?) RETURNING id""")
                    .params(id, code, row[0], row[1], "khaosat." + code.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.vn",
                            created.plusMinutes(30), created.plusMinutes(31), answers ? created.plusDays(1 + rnd.nextInt(5)) : null,
                            answers && rnd.nextInt(100) < 30 ? COMMENTS_GOOD[rnd.nextInt(COMMENTS_GOOD.length)] : null)
                    .query(Long.class).single();
            if (answers) {
                answered++;
                for (SurveyFactor f : SurveyFactor.values()) {
                    for (SurveyDimension dim : SurveyDimension.values()) {
                        int score = dim == SurveyDimension.EXPECTATION ? 4 + rnd.nextInt(2) : 3 + rnd.nextInt(3) - (rnd.nextInt(100) < 10 ? 1 : 0);
                        jdbc.sql("INSERT INTO survey_answer (invitation_id, factor, dimension, score) VALUES (?, ?, ?, ?)")
                                .params(inv, f.name(), dim.name(), Math.max(1, Math.min(5, score))).update();
                    }
                }
            }
        }
        return answered;
    }

    private void consultations(Instant now) {
        Long justice = org.findUnitByCode("000.00.03.H40").map(u -> u.id()).orElse(null);
        Long finance = org.findUnitByCode("000.00.04.H40").map(u -> u.id()).orElse(null);
        Long ward = org.findUnitByCode("000.00.31.H40").map(u -> u.id()).orElse(null);
        if (justice == null || finance == null || ward == null) {
            return;
        }
        OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        long open = consultation(justice, "SIMPLIFICATION", "Phương án đơn giản hóa thủ tục cấp Phiếu lý lịch tư pháp",
                "Đề xuất bỏ yêu cầu nộp bản sao giấy tờ tùy thân và sổ hộ khẩu, khai thác thông tin từ Cơ sở dữ liệu quốc gia về dân cư; "
                        + "rút ngắn thời hạn giải quyết từ 10 xuống 7 ngày làm việc.", "Thủ tục cấp Phiếu lý lịch tư pháp", "OPEN",
                t.minusDays(5), t.plusDays(10), null);
        comment(open, "Nguyễn Văn Hòa", "Đồng ý bỏ bản sao giấy tờ tùy thân. Đề nghị cho nhận Phiếu bản điện tử.", "APPROVED",
                "Tiếp thu; Sở sẽ trả Phiếu lý lịch tư pháp điện tử có chữ ký số.", t.minusDays(4));
        comment(open, "Công ty Luật Hồng Lam", "Thời hạn 7 ngày vẫn dài với trường hợp không cần xác minh; đề nghị 5 ngày.", "APPROVED",
                null, t.minusDays(3));
        comment(open, "Trần Thị Thu", "Cần hướng dẫn rõ cách khai trực tuyến cho người cao tuổi.", "APPROVED", null, t.minusDays(2));
        comment(open, "Lê Văn Minh", "Đề nghị bỏ luôn lệ phí cho người có công với cách mạng.", "PENDING", null, t.minusDays(1));
        comment(open, "Quảng cáo", "Dịch vụ làm giấy tờ nhanh, liên hệ số điện thoại…", "PENDING", null, t.minusHours(5));
        long done = consultation(finance, "REGULATION", "Dự thảo quy định mức thu phí thẩm định cấp giấy phép kinh doanh",
                "Dự thảo Nghị quyết quy định mức thu, miễn, giảm phí thẩm định điều kiện kinh doanh trên địa bàn tỉnh.",
                "Dự thảo Nghị quyết HĐND tỉnh", "CONCLUDED", t.minusDays(45), t.minusDays(15),
                "Đã nhận 2 ý kiến; tiếp thu ý kiến miễn phí cho hộ kinh doanh lần đầu đăng ký; giải trình mức thu chung giữ nguyên "
                        + "theo khung của Bộ Tài chính.");
        comment(done, "Hộ kinh doanh Phúc An", "Đề nghị miễn phí thẩm định cho hộ kinh doanh đăng ký lần đầu.", "APPROVED",
                "Tiếp thu, đã bổ sung vào Điều 4 dự thảo.", t.minusDays(40));
        comment(done, "Nguyễn Hữu Lộc", "Mức thu chung còn cao so với tỉnh bạn.", "APPROVED",
                "Giải trình: mức thu nằm trong khung quy định của Bộ Tài chính.", t.minusDays(30));
        consultation(ward, "REFORM_PLAN", "Kế hoạch cải cách hành chính năm tới của phường Trường Vinh",
                "Dự thảo kế hoạch: số hóa 100% hồ sơ tiếp nhận, mở quầy sáng thứ Bảy, khảo sát hài lòng hằng quý.", null, "DRAFT",
                null, t.plusDays(30), null);
    }

    private long consultation(long unit, String kind, String title, String body, String reference, String status, OffsetDateTime opened,
                              OffsetDateTime closes, String conclusion) {
        return jdbc.sql("""
                INSERT INTO consultation (unit_id, kind, title, body, reference, status, closes_at, opened_at, conclusion, concluded_at,
                                          created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'lanhdao.tuphap', ?) RETURNING id""")
                .params(unit, kind, title, body, reference, status, closes, opened, conclusion,
                        conclusion == null ? null : closes.plusDays(3), opened == null ? closes.minusDays(40) : opened.minusDays(1))
                .query(Long.class).single();
    }

    private void comment(long consultation, String author, String text, String status, String reply, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO consultation_comment (consultation_id, author_name, text, status, submitted_at, moderated_by, moderated_at, reply)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(consultation, author, text, status, at, status.equals("PENDING") ? null : "lanhdao.tuphap",
                        status.equals("PENDING") ? null : at.plusHours(4), reply)
                .update();
    }
}
