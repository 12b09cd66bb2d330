package vn.motcua.dossier.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
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
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;

/**
 * Demo profile: a few hundred dossiers of the last weeks in every status, so
 * that a newcomer sees a living system: inboxes with work, some dossiers late
 * (a few without an apology), supplements, payments, refusals and returns.
 * Built through the aggregate with acts dated in the past, so codes, history,
 * step due times and hand-overs are what real use would have left.
 */
@Component
@Profile("demo")
@Order(30)
class DemoDossierData implements ApplicationRunner {

    static final int COUNT = 320;
    private static final Logger log = LoggerFactory.getLogger(DemoDossierData.class);
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
        "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Cao", "Thái", "Đinh"};
    private static final String[] MIDDLE_M = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công", "Đình"};
    private static final String[] MIDDLE_F = {"Thị", "Ngọc", "Thu", "Thanh", "Thùy", "Hồng", "Kim", "Mỹ"};
    private static final String[] GIVEN_M = {"An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Long", "Nam", "Phúc",
        "Quân", "Sơn", "Tuấn", "Việt", "Thắng", "Đạt", "Khánh", "Lộc"};
    private static final String[] GIVEN_F = {"Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Thảo",
        "Trang", "Yến", "Huyền", "Nhung", "Oanh", "Phương", "Quỳnh", "Vân"};
    private static final String[] PLACES = {"phường Trường Vinh", "phường Thành Vinh", "phường Vinh Hưng", "phường Cửa Lò",
        "xã Diễn Châu", "xã Yên Thành", "xã Đô Lương", "xã Nam Đàn"};

    private final CatalogService catalog;
    private final ProcedureTemplates templates;
    private final OrganizationService org;
    private final CalendarService calendars;
    private final DossierStore store;
    private final DossierCodes codes;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final org.springframework.context.ApplicationEventPublisher events;

    DemoDossierData(CatalogService catalog, ProcedureTemplates templates, OrganizationService org, CalendarService calendars,
                    DossierStore store, DossierCodes codes, JdbcClient jdbc, TransactionTemplate tx,
                    org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.catalog = catalog;
        this.templates = templates;
        this.org = org;
        this.calendars = calendars;
        this.store = store;
        this.codes = codes;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM dossier").query(Long.class).single() > 0) {
            return;
        }
        List<ProcedureSummary> procedures = catalog.searchPublished(new ProcedureQuery(null, null, null, null, null, 0, 100)).items();
        if (procedures.isEmpty()) {
            return;
        }
        UnitView centre = org.findUnitByCode("000.00.20.H40").orElse(null);
        List<UnitView> communeDesks = List.of("000.01.31.H40", "000.01.37.H40", "000.01.32.H40").stream()
                .map(c -> org.findUnitByCode(c).orElse(null)).filter(java.util.Objects::nonNull).toList();
        if (centre == null || communeDesks.isEmpty()) {
            return;
        }
        WorkingCalendar cal = calendars.calendar();
        Random rnd = new Random(20261127L);
        Instant now = Instant.now();
        int made = 0;
        for (int i = 0; i < COUNT; i++) {
            ProcedureSummary p = procedures.get(rnd.nextInt(procedures.size()));
            UnitView desk = p.level() == UnitLevel.COMMUNE ? communeDesks.get(rnd.nextInt(communeDesks.size())) : centre;
            // recent dossiers are still open; older ones mostly finished
            int daysAgo = (int) Math.round(Math.pow(rnd.nextDouble(), 1.6) * 50);
            Instant received = workingMoment(cal, now.minus(Duration.ofDays(daysAgo)), rnd);
            if (received.isAfter(now)) {
                continue;
            }
            try {
                tx.executeWithoutResult(s -> one(p, desk, received, now, cal, rnd));
                made++;
            } catch (RuntimeException e) {
                log.debug("Skipped a demo dossier of {}: {}", p.code(), e.getMessage());
            }
        }
        log.info("Loaded {} demo dossiers", made);
    }

    /**
     * Writes a demo dossier with its whole story and tells the other modules
     * of its acts, as if they had happened; its applicant is owed no message.
     */
    private void save(Dossier d) {
        d.forgetOwedNotices();
        store.insert(d);
        d.takeEvents().forEach(events::publishEvent);
    }

    private void one(ProcedureSummary p, UnitView desk, Instant received, Instant now, WorkingCalendar cal, Random rnd) {
        boolean online = rnd.nextInt(100) < 30;
        FilingTemplate t = templates.template(p.code(), null, desk, null, online);
        Actor deskActor = new Actor(null, "Cán bộ Một cửa " + desk.name().replace("Trung tâm Phục vụ hành chính công ", ""), desk.unitId());
        Applicant applicant = applicant(rnd);
        List<ComponentItem> components = t.componentNames().stream()
                .map(n -> new ComponentItem(n, 1, rnd.nextInt(2), null, online ? 1 : rnd.nextInt(2))).toList();
        String code = codes.next(desk.id(), desk.code(), LocalDate.ofInstant(received, CalendarService.ZONE));
        Dossier d = Dossier.file(code, t, online ? Channel.ONLINE : Channel.IN_PERSON, applicant, components, desk.id(),
                received, received, deskActor, cal);
        int fate = rnd.nextInt(100);
        Instant at = received;
        if (online) {
            if (fate < 8 && at.plus(Duration.ofHours(2)).isAfter(now.minus(Duration.ofDays(2)))) {
                save(d); // still waiting in the desk's online queue
                return;
            }
            at = later(cal, at, 60 + rnd.nextInt(600));
            if (fate < 12) {
                d.refuse(at, deskActor, "Hồ sơ không đúng thành phần theo quy định");
                save(d);
                return;
            }
            d.receive(at, deskActor, cal);
        }
        boolean late = rnd.nextInt(100) < 12;
        boolean supplement = rnd.nextInt(100) < 12;
        int signSeq = Math.max(2, d.steps().size() - 1);
        for (int step = 1; step <= signSeq; step++) {
            Dossier.Step cur = d.currentStepOrNull();
            Instant target = cur.dueAt() == null ? later(cal, at, 30) : cur.dueAt();
            Instant next = late ? later(cal, target, 30 + rnd.nextInt(600))
                    : earlierThan(cal, at, target, rnd);
            if (next.isAfter(now)) {
                save(d); // still in this step
                return;
            }
            if (supplement && step == 1) {
                Instant ask = later(cal, at, 90);
                if (ask.isAfter(now)) {
                    save(d);
                    return;
                }
                d.requestSupplement(ask, actorAt(d), List.of("Bản sao có chứng thực giấy tờ tùy thân",
                        "Tờ khai có chữ ký của người đề nghị"), "Hồ sơ chưa đủ thành phần theo quy định");
                Instant back = later(cal, ask, 450 * (1 + rnd.nextInt(4)));
                if (back.isAfter(now) || rnd.nextInt(100) < 10) {
                    save(d); // still waiting for the applicant
                    return;
                }
                d.supplementReceived(back, deskActor, cal);
                at = back;
                next = later(cal, at, 120);
                if (next.isAfter(now)) {
                    save(d);
                    return;
                }
            }
            if (step == 2 && rnd.nextInt(100) < 8) {
                // a fee or tax to pay before the result (status 6)
                Instant ask = later(cal, at, 60);
                if (ask.isAfter(now)) {
                    save(d);
                    return;
                }
                d.requestPayment(ask, actorAt(d), 50_000L * (1 + rnd.nextInt(10)), "Lệ phí cấp giấy chứng nhận");
                Instant paid = later(cal, ask, 450 * (1 + rnd.nextInt(3)));
                if (paid.isAfter(now) || rnd.nextInt(100) < 40) {
                    save(d); // still waiting for the payment
                    return;
                }
                d.paymentReceived(paid, deskActor, cal);
                at = paid;
                next = later(cal, at, 120);
                if (next.isAfter(now)) {
                    save(d);
                    return;
                }
            }
            if (step == signSeq) {
                int end = rnd.nextInt(100);
                if (end < 3) {
                    d.withdraw(next, deskActor, "Công dân đề nghị rút hồ sơ để bổ sung sau");
                    save(d);
                    return;
                }
                if (end < 5) {
                    d.stop(next, actorAt(d), "Hồ sơ thuộc trường hợp không đủ điều kiện giải quyết");
                    save(d);
                    return;
                }
                if (late && d.apologyCount() == 0 && rnd.nextBoolean() && at.isBefore(d.appointmentAt())) {
                    Instant sorry = at.plus(Duration.ofMinutes(30));
                    if (sorry.isBefore(d.appointmentAt())) {
                        d.apologize(sorry, actorAt(d), "Cần xác minh thêm thông tin với cơ quan liên quan",
                                later(cal, d.appointmentAt(), 900));
                    }
                }
                d.complete(next, new Actor(null, "Lãnh đạo đơn vị", d.handlingUnit()), "KQ-" + code.substring(code.length() - 4), null, cal);
                Instant back = later(cal, next, 60 + rnd.nextInt(900));
                if (back.isAfter(now) || rnd.nextInt(100) < 8) {
                    save(d); // result ready, not yet collected
                    return;
                }
                d.returnResult(back, deskActor, rnd.nextInt(100) < 15 ? Channel.POST : Channel.IN_PERSON);
                save(d);
                return;
            }
            d.forward(next, actorAt(d), null, null, null, null, cal);
            at = next;
        }
        save(d);
    }

    private static Actor actorAt(Dossier d) {
        return new Actor(null, "Chuyên viên xử lý", d.handlingUnit());
    }

    private static Instant later(WorkingCalendar cal, Instant from, int workingMinutes) {
        return cal.due(from, java.math.BigDecimal.valueOf(workingMinutes / 60.0).setScale(2, java.math.RoundingMode.HALF_UP),
                vn.motcua.calendar.DurationUnit.WORKING_HOURS);
    }

    private static Instant earlierThan(WorkingCalendar cal, Instant from, Instant target, Random rnd) {
        long minutes = Math.max(10, cal.workingMinutesBetween(from, target));
        return later(cal, from, (int) Math.max(5, minutes * (40 + rnd.nextInt(60)) / 100));
    }

    private static Instant workingMoment(WorkingCalendar cal, Instant around, Random rnd) {
        ZonedDateTime z = around.atZone(CalendarService.ZONE).with(LocalTime.of(7 + rnd.nextInt(9), rnd.nextInt(60)));
        return cal.effectiveStart(z.toInstant());
    }

    private static Applicant applicant(Random rnd) {
        if (rnd.nextInt(100) < 12) {
            String[] kinds = {"Công ty TNHH", "Công ty Cổ phần", "Hợp tác xã"};
            String[] names = {"Thương mại Vinh Phát", "Xây dựng Sông Lam", "Nông sản Phủ Quỳ", "Du lịch Cửa Lò Xanh", "Dệt may Hưng Nguyên"};
            return new Applicant(ApplicantKind.ORGANIZATION, kinds[rnd.nextInt(kinds.length)] + " " + names[rnd.nextInt(names.length)],
                    null, String.format("29%08d", rnd.nextInt(100_000_000)), "0238" + (3_000_000 + rnd.nextInt(999_999)),
                    null, PLACES[rnd.nextInt(PLACES.length)] + ", tỉnh Nghệ An");
        }
        boolean female = rnd.nextBoolean();
        String name = FAMILY[rnd.nextInt(FAMILY.length)] + " "
                + (female ? MIDDLE_F[rnd.nextInt(MIDDLE_F.length)] : MIDDLE_M[rnd.nextInt(MIDDLE_M.length)]) + " "
                + (female ? GIVEN_F[rnd.nextInt(GIVEN_F.length)] : GIVEN_M[rnd.nextInt(GIVEN_M.length)]);
        String id = "040" + (female ? "3" : "2") + String.format("%08d", rnd.nextInt(100_000_000));
        return new Applicant(ApplicantKind.PERSON, name, id, null, "09" + String.format("%08d", rnd.nextInt(100_000_000)),
                null, PLACES[rnd.nextInt(PLACES.length)] + ", tỉnh Nghệ An");
    }

}
