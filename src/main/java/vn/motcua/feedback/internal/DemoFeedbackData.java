package vn.motcua.feedback.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackKind;
import vn.motcua.feedback.FeedbackRating;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.FeedbackSubject;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitView;

/**
 * Demo profile: the desk of the Office of the People's Committee that receives
 * PAKN (the province's public administration service centre, whose one-stop
 * officer is {@code motcua.tinh}), and a few dozen PAKN of the last weeks in
 * every status, some late, built through the aggregate with acts dated in the
 * past and announced to the other modules as if they had happened. Routed to
 * the units the demo accounts work in (Sở Tư pháp's division, Sở Tài chính's,
 * Phường Trường Vinh's, Xã Diễn Châu's), so each account finds work. Loaded
 * once, into a database without PAKN.
 */
@Component
@Profile("demo")
@Order(50)
class DemoFeedbackData implements ApplicationRunner {

    static final String DESK_UNIT = "000.00.20.H40";
    static final int COUNT = 42;
    private static final Logger log = LoggerFactory.getLogger(DemoFeedbackData.class);

    private static final String[][] TOPICS = {
        {"Yêu cầu nộp thêm giấy xác nhận cư trú", "Khi nộp hồ sơ, cán bộ yêu cầu tôi nộp thêm giấy xác nhận cư trú, trong khi thủ tục công bố không có thành phần này và dữ liệu dân cư đã có thông tin cư trú."},
        {"Thời hạn giải quyết quá dài so với thực tế", "Thủ tục quy định 15 ngày làm việc nhưng phần thẩm định chỉ là đối chiếu giấy tờ. Đề nghị rút ngắn thời hạn giải quyết xuống 7 ngày làm việc."},
        {"Biểu mẫu tờ khai chưa cập nhật", "Mẫu tờ khai đăng tải trên cổng dịch vụ công vẫn là mẫu cũ, khác với mẫu cán bộ tiếp nhận yêu cầu tại quầy."},
        {"Đề nghị cho phép nộp trực tuyến toàn trình", "Thủ tục này hiện chỉ nộp trực tuyến một phần, vẫn phải đến nộp bản giấy. Đề nghị cung cấp dịch vụ trực tuyến toàn trình và trả kết quả điện tử."},
        {"Cán bộ hướng dẫn không đầy đủ", "Tôi phải đi lại ba lần vì mỗi lần cán bộ chỉ hướng dẫn bổ sung một loại giấy tờ. Đề nghị hướng dẫn một lần đầy đủ bằng văn bản."},
        {"Lệ phí niêm yết khác lệ phí thu", "Bảng niêm yết tại quầy ghi lệ phí 50.000 đồng nhưng khi nộp hồ sơ tôi bị thu 100.000 đồng mà không có biên lai ghi rõ."},
        {"Trả kết quả trễ hẹn không có thư xin lỗi", "Hồ sơ của tôi quá hạn hẹn trả năm ngày nhưng không nhận được phiếu xin lỗi và hẹn lại ngày trả kết quả."},
        {"Đề nghị bỏ yêu cầu bản sao có chứng thực", "Quy định yêu cầu nộp bản sao có chứng thực giấy chứng nhận đăng ký doanh nghiệp, trong khi thông tin này tra cứu được trên Cổng thông tin quốc gia về đăng ký doanh nghiệp."},
        {"Thái độ tiếp dân chưa đúng mực", "Cán bộ tiếp nhận nói chuyện điện thoại riêng trong giờ làm việc và có thái độ khó chịu khi người dân hỏi lại."},
        {"Kiến nghị mở thêm quầy vào buổi sáng thứ Bảy", "Người lao động khó sắp xếp thời gian trong giờ hành chính. Kiến nghị bố trí tiếp nhận hồ sơ vào sáng thứ Bảy."},
        {"Hệ thống nộp hồ sơ trực tuyến báo lỗi khi tải tệp", "Khi tải tệp PDF dung lượng 3 MB lên cổng, hệ thống báo lỗi và mất toàn bộ thông tin đã nhập."},
        {"Quy định về thành phần hồ sơ chồng chéo", "Hai văn bản của tỉnh quy định khác nhau về thành phần hồ sơ cấp phép xây dựng nhà ở riêng lẻ, người dân không biết thực hiện theo văn bản nào."}
    };
    /** What each topic is about, in the order of {@link #TOPICS}. */
    private static final FeedbackSubject[] SUBJECTS = {FeedbackSubject.PROCEDURE, FeedbackSubject.PROCEDURE,
        FeedbackSubject.PROCEDURE, FeedbackSubject.PROCEDURE, FeedbackSubject.OFFICER, FeedbackSubject.DOSSIER,
        FeedbackSubject.DOSSIER, FeedbackSubject.PROCEDURE, FeedbackSubject.OFFICER, FeedbackSubject.UNIT, FeedbackSubject.UNIT,
        FeedbackSubject.PROCEDURE};
    /** The unit's answer to each topic, in the order of {@link #TOPICS}. */
    private static final String[] ANSWERS = {
        "Qua kiểm tra, thành phần hồ sơ của thủ tục không có giấy xác nhận cư trú. Đơn vị đã chấn chỉnh bộ phận tiếp nhận; ông/bà nộp lại hồ sơ theo đúng thành phần đã công bố.",
        "Đơn vị ghi nhận kiến nghị và đã đưa việc rút ngắn thời hạn vào phương án đơn giản hóa thủ tục hành chính năm nay, trình Chủ tịch UBND tỉnh phê duyệt.",
        "Biểu mẫu mới đã được cập nhật trên Cổng dịch vụ công và niêm yết tại Bộ phận Một cửa. Cảm ơn ông/bà đã phản ánh.",
        "Thủ tục đã được đưa vào danh mục cung cấp dịch vụ công trực tuyến toàn trình từ quý tới; kết quả sẽ trả bản điện tử vào kho dữ liệu của công dân.",
        "Đơn vị đã nhắc nhở cán bộ và áp dụng phiếu hướng dẫn ghi đầy đủ một lần mọi giấy tờ cần bổ sung.",
        "Sau khi xác minh, khoản thu chênh lệch không đúng quy định; đơn vị đã hoàn trả cho ông/bà và kiểm điểm cán bộ liên quan.",
        "Đơn vị xin lỗi ông/bà vì trả kết quả trễ hẹn mà không có phiếu xin lỗi; đã chấn chỉnh việc gửi phiếu xin lỗi và hẹn lại trước hạn.",
        "Kiến nghị phù hợp với chủ trương khai thác dữ liệu dùng chung; đơn vị đã đề xuất bỏ yêu cầu bản sao có chứng thực trong phương án đơn giản hóa.",
        "Đơn vị đã xác minh, tổ chức kiểm điểm cán bộ tiếp nhận và quán triệt quy tắc ứng xử tại Bộ phận Một cửa.",
        "Từ tháng tới, Bộ phận Một cửa tiếp nhận hồ sơ vào sáng thứ Bảy hằng tuần.",
        "Lỗi tải tệp đã được khắc phục trong bản cập nhật của Cổng dịch vụ công. Ông/bà vui lòng thử lại; nếu còn lỗi xin liên hệ tổng đài hỗ trợ.",
        "Đơn vị đã báo cáo UBND tỉnh đề xuất sửa đổi để thống nhất thành phần hồ sơ; trong thời gian chờ sửa đổi, thực hiện theo Quyết định công bố thủ tục mới nhất."
    };
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Hồ"};
    private static final String[] GIVEN = {"Văn An", "Thị Bình", "Đức Cường", "Thị Dung", "Minh Hải", "Thị Hương", "Quang Long",
        "Thị Mai", "Hữu Nam", "Thị Oanh", "Xuân Phúc", "Thị Quỳnh"};

    private final FeedbackService feedback;
    private final OrganizationService org;
    private final FeedbackStore store;
    private final CalendarService calendars;
    private final CatalogService catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    DemoFeedbackData(FeedbackService feedback, OrganizationService org, FeedbackStore store, CalendarService calendars,
                     CatalogService catalog, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.feedback = feedback;
        this.org = org;
        this.store = store;
        this.calendars = calendars;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.desks().isEmpty()) {
            org.findUnitByCode(DESK_UNIT).ifPresent(u -> {
                feedback.registerDesk(u.unitId(), "demo");
                log.info("PAKN desk: {}", u.name());
            });
        }
        if (jdbc.sql("SELECT count(*) FROM feedback").query(Long.class).single() > 0) {
            return;
        }
        List<UnitView> handlers = new ArrayList<>();
        for (String code : List.of("000.01.03.H40", "000.01.04.H40", "000.03.31.H40", "000.02.37.H40")) {
            org.findUnitByCode(code).ifPresent(handlers::add);
        }
        if (handlers.isEmpty()) {
            return;
        }
        List<ProcedureSummary> procedures = catalog.searchPublished(new ProcedureQuery(null, null, null, null, null, 0, 60)).items();
        StaffView officer = org.findStaffByUsername("chuyenvien.tuphap").orElse(null);
        WorkingCalendar cal = calendars.calendar();
        Random rnd = new Random(20261206L);
        Instant now = Instant.now();
        // the statuses in turn, so each has its share; the age (calendar days) fits the acts each needs
        FeedbackStatus[] plan = {FeedbackStatus.PUBLISHED, FeedbackStatus.PROCESSING, FeedbackStatus.WAITING_INTAKE,
            FeedbackStatus.PUBLISHED, FeedbackStatus.WAITING_PUBLISH, FeedbackStatus.REFUSED, FeedbackStatus.WAITING_SUPPLEMENT,
            FeedbackStatus.PUBLISHED, FeedbackStatus.PROCESSING, FeedbackStatus.RETURNED};
        int made = 0;
        for (int i = 0; i < COUNT; i++) {
            FeedbackStatus target = plan[i % plan.length];
            int n = i;
            try {
                Boolean ok = tx.execute(s -> one(n, target, handlers, procedures, officer, cal, rnd, now));
                if (Boolean.TRUE.equals(ok)) {
                    made++;
                }
            } catch (RuntimeException e) {
                log.debug("Skipped a demo PAKN: {}", e.getMessage());
            }
        }
        log.info("Loaded {} demo PAKN", made);
    }

    private boolean one(int n, FeedbackStatus target, List<UnitView> handlers, List<ProcedureSummary> procedures, StaffView officer,
                        WorkingCalendar cal, Random rnd, Instant now) {
        int age = switch (target) {
            case WAITING_INTAKE -> rnd.nextInt(5);
            case WAITING_SUPPLEMENT -> 3 + rnd.nextInt(8);
            case REFUSED -> 5 + rnd.nextInt(35);
            case PROCESSING -> 3 + rnd.nextInt(24);
            case RETURNED -> 4 + rnd.nextInt(8);
            case WAITING_PUBLISH -> 10 + rnd.nextInt(15);
            case PUBLISHED -> 22 + rnd.nextInt(45);
        };
        Instant filed = workingMoment(cal, now.minus(Duration.ofDays(age)), rnd);
        if (filed.isAfter(now)) {
            filed = workingMoment(cal, now.minus(Duration.ofDays(1)), rnd);
        }
        String[] topic = TOPICS[n % TOPICS.length];
        UnitView handler = handlers.get(n % handlers.size());
        FeedbackSubject subject = SUBJECTS[n % TOPICS.length];
        String procedure = null;
        Long unit = null;
        String officerName = null;
        String dossier = null;
        switch (subject) {
            case PROCEDURE -> {
                if (procedures.isEmpty()) {
                    subject = FeedbackSubject.UNIT;
                    unit = handler.id();
                } else {
                    procedure = procedures.get(rnd.nextInt(procedures.size())).code();
                }
            }
            case UNIT -> unit = handler.id();
            case OFFICER -> {
                unit = officer == null ? handler.id() : officer.units().get(0).id();
                officerName = officer == null ? "Cán bộ tiếp nhận" : "Anh " + officer.fullName().substring(officer.fullName().lastIndexOf(' ') + 1)
                        + " (chuyên viên)";
            }
            case DOSSIER -> {
                dossier = jdbc.sql("SELECT code FROM satisfaction_dossier ORDER BY md5(code || ?) LIMIT 1").param(String.valueOf(n))
                        .query(String.class).optional().orElse(null);
                if (dossier == null) {
                    subject = FeedbackSubject.UNIT;
                    unit = handler.id();
                }
            }
            default -> throw new IllegalStateException();
        }
        String name = FAMILY[rnd.nextInt(FAMILY.length)] + " " + GIVEN[rnd.nextInt(GIVEN.length)];
        String email = n % 3 == 0 ? null : "nguoidan" + (100 + n) + "@example.vn";
        String phone = "09" + String.format("%08d", rnd.nextInt(100_000_000));
        LocalDate day = LocalDate.ofInstant(filed, CalendarService.ZONE);
        String code = String.format("PAKN-%s-%04d", day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")),
                store.nextNumber(day));
        Feedback f = Feedback.file(code, SenderKeys.hash(SenderKeys.newKey()),
                n % 2 == 0 ? FeedbackKind.REFLECTION : FeedbackKind.RECOMMENDATION,
                n % 5 == 0 ? FeedbackChannel.PORTAL : FeedbackChannel.PUBLIC_SITE,
                new Feedback.Sender(name, email, email == null ? phone : null, null, null, email == null ? phone : email),
                new Feedback.About(subject, procedure, unit, officerName, dossier), topic[0], topic[1], filed, cal);
        Instant at = filed;
        String desk = "motcua.tinh";
        boolean late = rnd.nextInt(100) < 20;
        switch (target) {
            case WAITING_INTAKE -> {
                // waits; those filed more than 2 working days ago are overdue
            }
            case WAITING_SUPPLEMENT -> f.requestSupplement(at = later(cal, at, 3), "Đề nghị cho biết mã hồ sơ và ngày nộp hồ sơ.", desk);
            case REFUSED -> f.refuse(at = later(cal, at, late ? 20 : 4), n % 2 == 0
                    ? "Nội dung là khiếu nại, đề nghị gửi theo Luật Khiếu nại." : "Không cung cấp thông tin để xác minh.", desk);
            default -> {
                at = later(cal, at, late ? 18 : 2 + rnd.nextInt(8));
                var staffId = subject == FeedbackSubject.OFFICER && officer != null ? officer.staffId() : null;
                var officerUnit = staffId == null ? null : officer.units().get(0).unitId();
                f.receive(at, handler.id(), staffId, officerUnit, desk, cal);
                if (target == FeedbackStatus.RETURNED) {
                    f.returnToDesk(at = later(cal, at, 12), "Nội dung không thuộc thẩm quyền của đơn vị, đề nghị chuyển Sở Xây dựng.",
                            "lanhdao.tuphap", cal);
                } else if (target != FeedbackStatus.PROCESSING) {
                    Instant answered = late ? later(cal, f.handleDueAt(), 4 + rnd.nextInt(20)) : earlier(cal, at, f.handleDueAt(), rnd);
                    if (answered.isAfter(now)) {
                        answered = later(cal, at, 8);
                    }
                    f.answer(at = answered, ANSWERS[n % TOPICS.length], "Phạm Văn Minh", null, cal);
                    if (target == FeedbackStatus.PUBLISHED) {
                        Instant published = later(cal, at, rnd.nextInt(100) < 15 ? 20 + rnd.nextInt(10) : 1 + rnd.nextInt(12));
                        if (published.isAfter(now)) {
                            published = later(cal, at, 1);
                        }
                        List<String> names = List.of(name);
                        f.publish(at = published, Redaction.redact(topic[0], names), Redaction.redact(topic[1], names),
                                Redaction.redact(ANSWERS[n % TOPICS.length], names), desk);
                        if (rnd.nextInt(100) < 65) {
                            int r = rnd.nextInt(100);
                            FeedbackRating rating = r < 35 ? FeedbackRating.VERY_SATISFIED : r < 80 ? FeedbackRating.SATISFIED
                                    : FeedbackRating.NOT_SATISFIED;
                            f.rate(at = later(cal, at, 2 + rnd.nextInt(16)), rating, rating == FeedbackRating.NOT_SATISFIED
                                    ? "Câu trả lời chung chung, chưa giải quyết được vướng mắc." : rnd.nextBoolean() ? "Cảm ơn, trả lời rõ ràng." : null);
                        }
                    }
                }
            }
        }
        if (at.isAfter(now)) {
            return false; // the acts would lie in the future: leave it out
        }
        store.insert(f);
        f.takeEvents().forEach(events::publishEvent);
        return true;
    }

    private static Instant later(WorkingCalendar cal, Instant from, int workingHours) {
        return cal.due(from, BigDecimal.valueOf(workingHours), DurationUnit.WORKING_HOURS);
    }

    /** Somewhere between {@code from} and {@code target}, in working time. */
    private static Instant earlier(WorkingCalendar cal, Instant from, Instant target, Random rnd) {
        long minutes = Math.max(60, cal.workingMinutesBetween(from, target));
        return cal.due(from, BigDecimal.valueOf(minutes * (30 + rnd.nextInt(65)) / 100 / 60.0).setScale(2, RoundingMode.HALF_UP),
                DurationUnit.WORKING_HOURS);
    }

    private static Instant workingMoment(WorkingCalendar cal, Instant around, Random rnd) {
        ZonedDateTime z = around.atZone(CalendarService.ZONE).with(LocalTime.of(7 + rnd.nextInt(9), rnd.nextInt(60)));
        return cal.effectiveStart(z.toInstant());
    }
}
