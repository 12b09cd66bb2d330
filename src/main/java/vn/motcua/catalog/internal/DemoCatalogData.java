package vn.motcua.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.FormTemplate;
import vn.motcua.catalog.LegalDocument;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;
import vn.motcua.organization.Role;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;

/**
 * Demo profile: about fifty procedures of Nghệ An and its communes (civil
 * status, certification, business households, enterprises, criminal records,
 * construction, land, social protection, trade, health, culture, education,
 * religion) with their legal durations, fees, components and workflows on the
 * demo units. National codes are the real ones where known, otherwise
 * plausible; the deciding acts are illustrative. Most are published, two stay
 * drafts, one is withdrawn, one has a second published version and one a
 * pending amendment. Loaded once (skipped when the first code exists).
 */
@Component
@Profile("demo")
@Order(20)
public class DemoCatalogData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogData.class);
    private static final String ACTOR = "admin";

    // demo units (see DemoOrganizationData)
    static final String CENTRE = "000.00.20.H40";
    static final String JUSTICE = "000.00.03.H40";
    static final String JUSTICE_ADMIN = "000.01.03.H40";
    static final String JUSTICE_SUPPORT = "000.02.03.H40";
    static final String FINANCE = "000.00.04.H40";
    static final String FINANCE_BUSINESS = "000.01.04.H40";
    static final String CONSTRUCTION = "000.00.05.H40";
    static final String CONSTRUCTION_WORKS = "000.01.05.H40";
    static final String ENVIRONMENT = "000.00.06.H40";
    static final String ENVIRONMENT_LAND = "000.01.06.H40";
    static final String TRADE = "000.00.07.H40";
    static final String TRADE_COMMERCE = "000.01.07.H40";
    static final String HEALTH = "000.00.08.H40";
    static final String HEALTH_MEDICAL = "000.01.08.H40";
    static final String HEALTH_PHARMA = "000.02.08.H40";
    static final String EDUCATION = "000.00.09.H40";
    static final String EDUCATION_SECONDARY = "000.01.09.H40";

    // illustrative deciding acts of the Provincial People's Committee
    static final String D_CIVIL = "1802/QĐ-UBND";
    static final LocalDate D_CIVIL_ON = LocalDate.of(2025, 6, 30);
    static final String D_BUSINESS = "1935/QĐ-UBND";
    static final LocalDate D_BUSINESS_ON = LocalDate.of(2025, 7, 8);
    static final String D_LAND = "2046/QĐ-UBND";
    static final LocalDate D_LAND_ON = LocalDate.of(2025, 7, 18);
    static final String D_OTHER = "2210/QĐ-UBND";
    static final LocalDate D_OTHER_ON = LocalDate.of(2025, 8, 5);

    static final LegalDocument LUAT_HO_TICH = law("60/2014/QH13", "Luật Hộ tịch", 2014, 11, 20);
    static final LegalDocument ND_123 = law("123/2015/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch", 2015, 11, 15);
    static final LegalDocument TT_04 = law("04/2020/TT-BTP", "Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP", 2020, 5, 28);
    static final LegalDocument TT_85 = law("85/2019/TT-BTC", "Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh", 2019, 11, 29);
    static final LegalDocument ND_23 = law("23/2015/NĐ-CP", "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch", 2015, 2, 16);
    static final LegalDocument TT_226 = law("226/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực", 2016, 11, 11);
    static final LegalDocument LUAT_DN = law("59/2020/QH14", "Luật Doanh nghiệp", 2020, 6, 17);
    static final LegalDocument ND_168 = law("168/2025/NĐ-CP", "Nghị định về đăng ký doanh nghiệp", 2025, 6, 30);
    static final LegalDocument TT_47 = law("47/2019/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp", 2019, 8, 5);
    static final LegalDocument LUAT_LLTP = law("28/2009/QH12", "Luật Lý lịch tư pháp", 2009, 6, 17);
    static final LegalDocument TT_244 = law("244/2016/TT-BTC", "Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp", 2016, 11, 11);
    static final LegalDocument LUAT_XD = law("50/2014/QH13", "Luật Xây dựng", 2014, 6, 18);
    static final LegalDocument LUAT_XD_SUA = law("62/2020/QH14", "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng", 2020, 6, 17);
    static final LegalDocument ND_175 = law("175/2024/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng", 2024, 12, 30);
    static final LegalDocument LUAT_DD = law("31/2024/QH15", "Luật Đất đai", 2024, 1, 18);
    static final LegalDocument ND_101 = law("101/2024/NĐ-CP", "Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai", 2024, 7, 29);
    static final LegalDocument ND_20 = law("20/2021/NĐ-CP", "Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội", 2021, 3, 15);
    static final LegalDocument ND_118 = law("118/2025/NĐ-CP", "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia", 2025, 6, 9);
    static final LegalDocument ND_105 = law("105/2017/NĐ-CP", "Nghị định về kinh doanh rượu", 2017, 9, 14);
    static final LegalDocument LUAT_ATTP = law("55/2010/QH12", "Luật An toàn thực phẩm", 2010, 6, 17);
    static final LegalDocument LUAT_DUOC = law("105/2016/QH13", "Luật Dược", 2016, 4, 6);
    static final LegalDocument ND_54_2017 = law("54/2017/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Dược", 2017, 5, 8);
    static final LegalDocument LUAT_KCB = law("15/2023/QH15", "Luật Khám bệnh, chữa bệnh", 2023, 1, 9);
    static final LegalDocument ND_54_2019 = law("54/2019/NĐ-CP", "Nghị định quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường", 2019, 6, 19);
    static final LegalDocument LUAT_CON_NUOI = law("52/2010/QH12", "Luật Nuôi con nuôi", 2010, 6, 17);
    static final LegalDocument LUAT_TON_GIAO = law("02/2016/QH14", "Luật Tín ngưỡng, tôn giáo", 2016, 11, 18);
    static final LegalDocument LUAT_CONG_CHUNG = law("46/2024/QH15", "Luật Công chứng", 2024, 11, 26);
    static final LegalDocument TT_GDTH = law("32/2020/TT-BGDĐT", "Thông tư ban hành Điều lệ trường trung học cơ sở, trường trung học phổ thông và trường phổ thông có nhiều cấp học", 2020, 9, 15);
    static final LegalDocument ND_67 = law("67/2013/NĐ-CP", "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Phòng, chống tác hại của thuốc lá về kinh doanh thuốc lá", 2013, 6, 27);

    private final CatalogService catalog;

    public DemoCatalogData(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (catalog.exists("1.001193")) {
            return;
        }
        List<P> all = procedures();
        for (P p : all) {
            catalog.create(p.command(), ACTOR);
            if (p.decision != null) {
                catalog.publish(p.code, p.decision, p.decidedOn, ACTOR);
            }
        }
        // an amended procedure: version 2 published by a later act, version 1 superseded
        ProcedureDetail birth = catalog.latest("1.001193");
        ProcedureCommand amended = ProcedureCommand.of(birth);
        List<ProcedureCase> cases = List.of(new ProcedureCase("TH1", birth.cases().get(0).name(), birth.cases().get(0).duration(),
                ProcessingTime.of("0.5", DurationUnit.WORKING_DAYS), birth.cases().get(0).steps()));
        catalog.update("1.001193", new ProcedureCommand(amended.code(), amended.name(), amended.field(), amended.level(),
                amended.agency(), amended.subjects(), amended.methods(), amended.onlineLevel(), amended.interAgency(),
                amended.crossBoundary(), cases, amended.components(), amended.forms(), amended.fees(), null,
                amended.resultType(), amended.legalBasis(), null), ACTOR);
        catalog.publish("1.001193", "2315/QĐ-UBND", LocalDate.of(2025, 8, 20), ACTOR);
        // a pending amendment: a draft version 2 waits for its act while version 1 stays public
        ProcedureCommand household = ProcedureCommand.of(catalog.latest("1.001612"));
        List<String> subjects = new ArrayList<>(household.subjects());
        subjects.add("Hộ gia đình");
        catalog.update("1.001612", new ProcedureCommand(household.code(), household.name(), household.field(),
                household.level(), household.agency(), subjects, household.methods(), household.onlineLevel(),
                household.interAgency(), household.crossBoundary(), household.cases(), household.components(),
                household.forms(), household.fees(), null, household.resultType(), household.legalBasis(), null), ACTOR);
        // an abolished procedure
        catalog.withdraw("1.000919", "2398/QĐ-UBND", LocalDate.of(2025, 9, 1),
                "Bãi bỏ do được thay thế bởi thủ tục cấp Giấy phép bán lẻ sản phẩm thuốc lá cấp xã", ACTOR);
        log.info("Loaded demo catalogue: {} procedures", catalog.count());
    }

    // --- the procedures ------------------------------------------------------------------------------

    static List<P> procedures() {
        List<P> list = new ArrayList<>();
        String hoTich = "Hộ tịch";
        String chungThuc = "Chứng thực";
        String hkd = "Thành lập và hoạt động của hộ kinh doanh";
        String dn = "Thành lập và hoạt động doanh nghiệp";
        String datDai = "Đất đai";
        String xayDung = "Hoạt động xây dựng";
        String xaHoi = "Bảo trợ xã hội";

        // --- civil status (commune) ---
        list.add(commune("1.001193", "Đăng ký khai sinh", hoTich).days("1").online(OnlineLevel.FULL)
                .subjects("Cha, mẹ hoặc người thân thích của trẻ em").result("Giấy khai sinh (bản chính)")
                .form("TK-KS", "Tờ khai đăng ký khai sinh").comp("Tờ khai đăng ký khai sinh", 1, 0, "TK-KS")
                .comp("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh", 1, 0)
                .fee("Lệ phí đăng ký khai sinh đúng hạn", 0, "Miễn lệ phí").laws(LUAT_HO_TICH, ND_123, TT_04).crossBoundary()
                .publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.000894", "Đăng ký kết hôn", hoTich).days("1").online(OnlineLevel.PARTIAL)
                .extraCase("TH2", "Trường hợp cần xác minh điều kiện kết hôn", "5", DurationUnit.WORKING_DAYS)
                .subjects("Công dân Việt Nam cư trú trong nước").result("Giấy chứng nhận kết hôn")
                .form("TK-KH", "Tờ khai đăng ký kết hôn").comp("Tờ khai đăng ký kết hôn", 1, 0, "TK-KH")
                .comp("Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không thường trú)", 1, 0)
                .fee("Lệ phí đăng ký kết hôn", 0, "Miễn lệ phí đối với công dân Việt Nam cư trú trong nước")
                .laws(LUAT_HO_TICH, ND_123, TT_04).crossBoundary().publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.000656", "Đăng ký khai tử", hoTich).days("1").online(OnlineLevel.FULL)
                .subjects("Người thân thích của người chết").result("Trích lục khai tử (bản chính)")
                .form("TK-KT", "Tờ khai đăng ký khai tử").comp("Tờ khai đăng ký khai tử", 1, 0, "TK-KT")
                .comp("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", 1, 0)
                .fee("Lệ phí đăng ký khai tử đúng hạn", 0, "Miễn lệ phí").laws(LUAT_HO_TICH, ND_123, TT_04)
                .publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", hoTich).days("3").online(OnlineLevel.FULL)
                .extraCase("TH2", "Trường hợp cần xác minh", "23", DurationUnit.WORKING_DAYS)
                .subjects("Công dân Việt Nam").result("Giấy xác nhận tình trạng hôn nhân")
                .form("TK-XNHN", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân")
                .comp("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", 1, 0, "TK-XNHN")
                .comp("Bản án, quyết định ly hôn hoặc giấy chứng tử của vợ/chồng (nếu có)", 0, 1)
                .fee("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân", 15_000, null).laws(LUAT_HO_TICH, ND_123, TT_04, TT_85)
                .crossBoundary().publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.001022", "Đăng ký nhận cha, mẹ, con", hoTich).days("3").online(OnlineLevel.PARTIAL)
                .extraCase("TH2", "Trường hợp cần xác minh", "8", DurationUnit.WORKING_DAYS)
                .subjects("Cha, mẹ, con").result("Trích lục đăng ký nhận cha, mẹ, con")
                .form("TK-NCMC", "Tờ khai đăng ký nhận cha, mẹ, con").comp("Tờ khai đăng ký nhận cha, mẹ, con", 1, 0, "TK-NCMC")
                .comp("Văn bản của cơ quan y tế hoặc cơ quan giám định xác nhận quan hệ cha, mẹ, con", 0, 1)
                .fee("Lệ phí đăng ký nhận cha, mẹ, con", 15_000, null).laws(LUAT_HO_TICH, ND_123, TT_04, TT_85)
                .publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.004859", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", hoTich).days("3")
                .online(OnlineLevel.PARTIAL).extraCase("TH2", "Trường hợp cần xác minh", "6", DurationUnit.WORKING_DAYS)
                .subjects("Cá nhân có yêu cầu").result("Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch")
                .form("TK-TDCC", "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch")
                .comp("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", 1, 0, "TK-TDCC")
                .comp("Giấy tờ liên quan làm căn cứ thay đổi, cải chính", 0, 1)
                .fee("Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch", 15_000, null)
                .laws(LUAT_HO_TICH, ND_123, TT_04, TT_85).publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("2.000635", "Cấp bản sao Trích lục hộ tịch", hoTich).time("2", DurationUnit.HALF_DAYS)
                .online(OnlineLevel.FULL).subjects("Cá nhân có yêu cầu").result("Bản sao trích lục hộ tịch")
                .form("TK-TL", "Tờ khai cấp bản sao trích lục hộ tịch").comp("Tờ khai cấp bản sao trích lục hộ tịch", 1, 0, "TK-TL")
                .fee("Phí cấp bản sao trích lục hộ tịch (mỗi bản)", 8_000, null).laws(LUAT_HO_TICH, ND_123, TT_04)
                .crossBoundary().publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.004884", "Đăng ký lại khai sinh", hoTich).days("5").online(OnlineLevel.PARTIAL)
                .subjects("Người đã đăng ký khai sinh nhưng sổ hộ tịch và bản chính giấy khai sinh đều bị mất")
                .result("Giấy khai sinh (bản chính)").form("TK-KS", "Tờ khai đăng ký khai sinh")
                .comp("Tờ khai đăng ký lại khai sinh", 1, 0, "TK-KS").comp("Bản sao giấy khai sinh hoặc giấy tờ có thông tin khai sinh", 0, 1)
                .fee("Lệ phí đăng ký lại khai sinh", 5_000, null).laws(LUAT_HO_TICH, ND_123, TT_04).publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.003583", "Đăng ký giám hộ", hoTich).days("3").online(OnlineLevel.PARTIAL)
                .subjects("Người giám hộ").result("Trích lục đăng ký giám hộ").form("TK-GH", "Tờ khai đăng ký giám hộ")
                .comp("Tờ khai đăng ký giám hộ", 1, 0, "TK-GH").comp("Văn bản cử người giám hộ", 1, 0)
                .fee("Lệ phí đăng ký giám hộ", 0, "Miễn lệ phí").laws(LUAT_HO_TICH, ND_123, TT_04).publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.001695", "Đăng ký khai sinh có yếu tố nước ngoài", hoTich).days("3").online(OnlineLevel.PARTIAL)
                .subjects("Cha, mẹ của trẻ em có yếu tố nước ngoài").result("Giấy khai sinh (bản chính)")
                .form("TK-KS", "Tờ khai đăng ký khai sinh").comp("Tờ khai đăng ký khai sinh", 1, 0, "TK-KS")
                .comp("Giấy chứng sinh", 1, 0).comp("Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con", 1, 0)
                .fee("Lệ phí đăng ký khai sinh có yếu tố nước ngoài", 75_000, null).laws(LUAT_HO_TICH, ND_123, TT_04, TT_85)
                .publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.000724", "Đăng ký kết hôn có yếu tố nước ngoài", hoTich).days("10").online(OnlineLevel.PARTIAL)
                .subjects("Công dân Việt Nam kết hôn với người nước ngoài").result("Giấy chứng nhận kết hôn")
                .form("TK-KH", "Tờ khai đăng ký kết hôn").comp("Tờ khai đăng ký kết hôn", 1, 0, "TK-KH")
                .comp("Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài", 1, 0)
                .comp("Giấy xác nhận không mắc bệnh tâm thần", 1, 0).comp("Hộ chiếu của người nước ngoài", 0, 1)
                .fee("Lệ phí đăng ký kết hôn có yếu tố nước ngoài", 1_500_000, null).laws(LUAT_HO_TICH, ND_123, TT_04, TT_85)
                .publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("1.000110", "Đăng ký nuôi con nuôi trong nước", "Nuôi con nuôi").time("30", DurationUnit.CALENDAR_DAYS)
                .online(OnlineLevel.NONE).subjects("Người nhận con nuôi").result("Quyết định công nhận việc nuôi con nuôi")
                .form("TK-CN", "Đơn xin nhận con nuôi").comp("Đơn xin nhận con nuôi", 1, 0, "TK-CN")
                .comp("Phiếu lý lịch tư pháp của người nhận con nuôi", 1, 0).comp("Văn bản xác nhận tình trạng sức khỏe", 1, 0)
                .fee("Lệ phí đăng ký nuôi con nuôi trong nước", 400_000, null).laws(LUAT_CON_NUOI).publish(D_CIVIL, D_CIVIL_ON));

        // --- certification (commune) ---
        list.add(commune("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
                chungThuc).time("4", DurationUnit.WORKING_HOURS).online(OnlineLevel.NONE).methods(FilingMethod.IN_PERSON)
                .subjects("Cá nhân, tổ chức có yêu cầu").result("Bản sao được chứng thực từ bản chính")
                .comp("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", 1, 0)
                .comp("Bản sao cần chứng thực", 0, 1)
                .fee("Phí chứng thực bản sao (mỗi trang; từ trang thứ ba thu 1.000 đồng/trang)", 2_000, "Tối đa 200.000 đồng/bản")
                .laws(ND_23, TT_226).crossBoundary().publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", chungThuc).time("4", DurationUnit.WORKING_HOURS)
                .online(OnlineLevel.NONE).methods(FilingMethod.IN_PERSON).subjects("Cá nhân có yêu cầu")
                .result("Giấy tờ, văn bản được chứng thực chữ ký")
                .comp("Giấy tờ tùy thân còn giá trị sử dụng", 0, 1).comp("Giấy tờ, văn bản cần chứng thực chữ ký", 1, 0)
                .fee("Phí chứng thực chữ ký (mỗi trường hợp)", 10_000, null).laws(ND_23, TT_226).crossBoundary()
                .publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", chungThuc).days("2")
                .online(OnlineLevel.NONE).methods(FilingMethod.IN_PERSON).subjects("Cá nhân, tổ chức giao kết hợp đồng")
                .result("Hợp đồng, giao dịch được chứng thực").comp("Dự thảo hợp đồng, giao dịch", 1, 0)
                .comp("Giấy tờ tùy thân của người yêu cầu chứng thực", 0, 1).comp("Giấy tờ chứng minh quyền sở hữu tài sản", 0, 1)
                .fee("Phí chứng thực hợp đồng, giao dịch", 50_000, null).laws(ND_23, TT_226).publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("2.001019", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", chungThuc).days("2")
                .online(OnlineLevel.NONE).methods(FilingMethod.IN_PERSON).subjects("Các bên đã giao kết hợp đồng")
                .result("Văn bản sửa đổi, bổ sung, hủy bỏ được chứng thực").comp("Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ", 1, 0)
                .comp("Hợp đồng, giao dịch đã được chứng thực", 1, 0)
                .fee("Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng", 30_000, null).laws(ND_23, TT_226)
                .publish(D_CIVIL, D_CIVIL_ON));
        list.add(commune("2.000913", "Cấp bản sao điện tử được chứng thực từ bản chính", chungThuc).time("4", DurationUnit.WORKING_HOURS)
                .online(OnlineLevel.FULL).subjects("Cá nhân, tổ chức có yêu cầu").result("Bản sao điện tử được chứng thực")
                .comp("Bản chính giấy tờ, văn bản cần chứng thực (bản quét)", 1, 0)
                .fee("Phí chứng thực bản sao điện tử (mỗi trang)", 2_000, null).laws(ND_23, TT_226).crossBoundary()
                .publish(D_CIVIL, D_CIVIL_ON));

        // --- business households (commune) ---
        list.add(commune("1.001612", "Đăng ký thành lập hộ kinh doanh", hkd).days("3").online(OnlineLevel.FULL)
                .subjects("Cá nhân, thành viên hộ gia đình là công dân Việt Nam").result("Giấy chứng nhận đăng ký hộ kinh doanh")
                .form("PL-III-1", "Giấy đề nghị đăng ký hộ kinh doanh (Phụ lục III-1)")
                .comp("Giấy đề nghị đăng ký hộ kinh doanh", 1, 0, "PL-III-1")
                .comp("Bản sao giấy tờ pháp lý của cá nhân đối với các thành viên hộ gia đình đăng ký hộ kinh doanh", 0, 1)
                .comp("Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu có)", 0, 1)
                .fee("Lệ phí đăng ký hộ kinh doanh", 100_000, "Miễn khi đăng ký trực tuyến").laws(LUAT_DN, ND_168, TT_47)
                .publish(D_BUSINESS, D_BUSINESS_ON));
        list.add(commune("2.000720", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", hkd).days("3").online(OnlineLevel.FULL)
                .subjects("Hộ kinh doanh").result("Giấy chứng nhận đăng ký hộ kinh doanh")
                .form("PL-III-2", "Thông báo thay đổi nội dung đăng ký hộ kinh doanh (Phụ lục III-2)")
                .comp("Thông báo thay đổi nội dung đăng ký hộ kinh doanh", 1, 0, "PL-III-2")
                .comp("Bản sao biên bản họp thành viên hộ gia đình (nếu có)", 0, 1)
                .fee("Lệ phí thay đổi nội dung đăng ký hộ kinh doanh", 50_000, null).laws(LUAT_DN, ND_168, TT_47)
                .publish(D_BUSINESS, D_BUSINESS_ON));
        list.add(commune("2.001266", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh", hkd)
                .days("3").online(OnlineLevel.FULL).subjects("Hộ kinh doanh").result("Giấy xác nhận về việc hộ kinh doanh tạm ngừng kinh doanh")
                .form("PL-III-3", "Thông báo về việc tạm ngừng kinh doanh (Phụ lục III-3)")
                .comp("Thông báo về việc tạm ngừng kinh doanh, tiếp tục kinh doanh", 1, 0, "PL-III-3")
                .laws(LUAT_DN, ND_168).publish(D_BUSINESS, D_BUSINESS_ON));
        list.add(commune("1.001570", "Chấm dứt hoạt động hộ kinh doanh", hkd).days("3").online(OnlineLevel.FULL)
                .subjects("Hộ kinh doanh").result("Thông báo về việc chấm dứt hoạt động hộ kinh doanh")
                .form("PL-III-4", "Thông báo về việc chấm dứt hoạt động hộ kinh doanh (Phụ lục III-4)")
                .comp("Thông báo về việc chấm dứt hoạt động hộ kinh doanh", 1, 0, "PL-III-4")
                .comp("Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh", 1, 0).laws(LUAT_DN, ND_168)
                .publish(D_BUSINESS, D_BUSINESS_ON));

        // --- enterprises (province: Department of Finance) ---
        for (String[] e : new String[][] {
            {"2.001610", "Đăng ký thành lập doanh nghiệp tư nhân", "Giấy đề nghị đăng ký doanh nghiệp tư nhân"},
            {"2.002035", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", "Giấy đề nghị đăng ký công ty TNHH một thành viên"},
            {"2.002036", "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", "Giấy đề nghị đăng ký công ty TNHH hai thành viên trở lên"},
            {"2.002041", "Đăng ký thành lập công ty cổ phần", "Giấy đề nghị đăng ký công ty cổ phần"}}) {
            list.add(province(e[0], e[1], dn, FINANCE, FINANCE_BUSINESS).days("3").online(OnlineLevel.FULL).crossBoundary()
                    .subjects("Cá nhân, tổ chức thành lập doanh nghiệp").result("Giấy chứng nhận đăng ký doanh nghiệp")
                    .comp(e[2], 1, 0).comp("Điều lệ công ty (trừ doanh nghiệp tư nhân)", 1, 0)
                    .comp("Bản sao giấy tờ pháp lý của cá nhân đối với chủ sở hữu, người đại diện theo pháp luật", 0, 1)
                    .fee("Lệ phí đăng ký doanh nghiệp", 50_000, "Miễn khi đăng ký qua mạng điện tử")
                    .fee("Phí công bố nội dung đăng ký doanh nghiệp", 100_000, null).laws(LUAT_DN, ND_168, TT_47)
                    .publish(D_BUSINESS, D_BUSINESS_ON));
        }
        list.add(province("2.002054", "Đăng ký thay đổi người đại diện theo pháp luật của công ty", dn, FINANCE, FINANCE_BUSINESS)
                .days("3").online(OnlineLevel.FULL).crossBoundary().subjects("Doanh nghiệp")
                .result("Giấy chứng nhận đăng ký doanh nghiệp").comp("Thông báo thay đổi nội dung đăng ký doanh nghiệp", 1, 0)
                .comp("Nghị quyết, quyết định của chủ sở hữu hoặc Hội đồng thành viên, Đại hội đồng cổ đông", 0, 1)
                .fee("Lệ phí đăng ký doanh nghiệp", 50_000, null).fee("Phí công bố nội dung đăng ký doanh nghiệp", 100_000, null)
                .laws(LUAT_DN, ND_168, TT_47).publish(D_BUSINESS, D_BUSINESS_ON));
        list.add(province("2.002063", "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo", dn, FINANCE,
                FINANCE_BUSINESS).days("3").online(OnlineLevel.FULL).crossBoundary().subjects("Doanh nghiệp")
                .result("Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh")
                .comp("Thông báo tạm ngừng kinh doanh", 1, 0).comp("Nghị quyết, quyết định về việc tạm ngừng kinh doanh", 0, 1)
                .laws(LUAT_DN, ND_168).publish(D_BUSINESS, D_BUSINESS_ON));

        // --- justice (province) ---
        list.add(province("2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
                "Lý lịch tư pháp", JUSTICE, JUSTICE_ADMIN).days("10").online(OnlineLevel.FULL).crossBoundary()
                .extraCase("TH2", "Người nước ngoài hoặc trường hợp phải xác minh", "15", DurationUnit.WORKING_DAYS)
                .subjects("Công dân Việt Nam", "Người nước ngoài đang cư trú tại Việt Nam").result("Phiếu lý lịch tư pháp số 1 hoặc số 2")
                .form("TK-LLTP", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp").comp("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", 1, 0, "TK-LLTP")
                .comp("Bản chụp giấy tờ tùy thân (căn cước, hộ chiếu)", 0, 1)
                .fee("Phí cung cấp thông tin lý lịch tư pháp", 200_000,
                        "Sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng; trẻ em, người cao tuổi, người khuyết tật: miễn")
                .laws(LUAT_LLTP, TT_244).publish(D_OTHER, D_OTHER_ON));
        list.add(province("2.000505", "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", "Lý lịch tư pháp", JUSTICE,
                JUSTICE_ADMIN).days("10").online(OnlineLevel.NONE).methods(FilingMethod.IN_PERSON, FilingMethod.POST)
                .subjects("Cơ quan tiến hành tố tụng").result("Phiếu lý lịch tư pháp số 2")
                .comp("Văn bản yêu cầu cấp Phiếu lý lịch tư pháp", 1, 0).laws(LUAT_LLTP).publish(D_OTHER, D_OTHER_ON));
        list.add(province("1.001877", "Đăng ký hoạt động Văn phòng công chứng", "Công chứng", JUSTICE, JUSTICE_SUPPORT).days("10")
                .online(OnlineLevel.PARTIAL).subjects("Văn phòng công chứng").result("Giấy đăng ký hoạt động Văn phòng công chứng")
                .comp("Đơn đăng ký hoạt động Văn phòng công chứng", 1, 0).comp("Giấy tờ chứng minh về trụ sở", 0, 1)
                .fee("Phí thẩm định điều kiện hoạt động Văn phòng công chứng", 1_000_000, null).laws(LUAT_CONG_CHUNG)
                .publish(D_OTHER, D_OTHER_ON));
        list.add(province("1.001756", "Cấp lại Thẻ công chứng viên", "Công chứng", JUSTICE, JUSTICE_SUPPORT).days("5")
                .online(OnlineLevel.PARTIAL).subjects("Công chứng viên").result("Thẻ công chứng viên")
                .comp("Đề nghị cấp lại Thẻ công chứng viên", 1, 0).comp("Ảnh chân dung 2 cm x 3 cm", 2, 0)
                .laws(LUAT_CONG_CHUNG));   // draft

        // --- construction ---
        list.add(commune("1.009972", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", xayDung).permitFlow()
                .online(OnlineLevel.PARTIAL).subjects("Chủ đầu tư xây dựng nhà ở riêng lẻ").result("Giấy phép xây dựng")
                .form("PL-II-1", "Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II)")
                .comp("Đơn đề nghị cấp giấy phép xây dựng", 1, 0, "PL-II-1")
                .comp("Giấy tờ hợp pháp về đất đai", 0, 1).comp("Bản vẽ thiết kế xây dựng", 2, 0)
                .fee("Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ", 75_000, null).laws(LUAT_XD, LUAT_XD_SUA, ND_175)
                .publish(D_LAND, D_LAND_ON));
        list.add(commune("1.009973", "Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ", xayDung).days("15")
                .online(OnlineLevel.PARTIAL).subjects("Chủ đầu tư").result("Giấy phép sửa chữa, cải tạo")
                .form("PL-II-1", "Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II)")
                .comp("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo", 1, 0, "PL-II-1")
                .comp("Giấy tờ chứng minh quyền sở hữu nhà ở", 0, 1).comp("Ảnh chụp hiện trạng công trình", 1, 0)
                .fee("Lệ phí cấp giấy phép xây dựng", 50_000, null).laws(LUAT_XD, LUAT_XD_SUA, ND_175).publish(D_LAND, D_LAND_ON));
        list.add(province("1.009974", "Cấp giấy phép xây dựng mới đối với công trình không theo tuyến", xayDung, CONSTRUCTION,
                CONSTRUCTION_WORKS).days("20").online(OnlineLevel.PARTIAL).interAgency()
                .subjects("Chủ đầu tư xây dựng công trình").result("Giấy phép xây dựng")
                .form("PL-II-1", "Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II)")
                .comp("Đơn đề nghị cấp giấy phép xây dựng", 1, 0, "PL-II-1").comp("Giấy tờ hợp pháp về đất đai", 0, 1)
                .comp("Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định", 0, 1).comp("Bản vẽ thiết kế xây dựng", 2, 0)
                .fee("Lệ phí cấp giấy phép xây dựng công trình", 150_000, null).laws(LUAT_XD, LUAT_XD_SUA, ND_175)
                .publish(D_LAND, D_LAND_ON));
        list.add(province("1.009975", "Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng, thiết kế cơ sở", xayDung, CONSTRUCTION,
                CONSTRUCTION_WORKS).days("25").online(OnlineLevel.PARTIAL).interAgency()
                .extraCase("TH2", "Dự án nhóm C", "20", DurationUnit.WORKING_DAYS)
                .subjects("Chủ đầu tư").result("Văn bản thông báo kết quả thẩm định")
                .comp("Tờ trình thẩm định", 1, 0).comp("Hồ sơ Báo cáo nghiên cứu khả thi", 1, 0)
                .fee("Phí thẩm định dự án đầu tư xây dựng", 0, "Tính theo tổng mức đầu tư (Thông tư số 28/2023/TT-BTC)")
                .laws(LUAT_XD, LUAT_XD_SUA, ND_175).publish(D_LAND, D_LAND_ON));

        // --- land ---
        list.add(commune("1.012766", "Đăng ký đất đai, tài sản gắn liền với đất lần đầu và cấp Giấy chứng nhận", datDai).days("20")
                .online(OnlineLevel.PARTIAL).interAgency().subjects("Hộ gia đình, cá nhân đang sử dụng đất")
                .result("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất")
                .form("04/ĐK", "Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)")
                .comp("Đơn đăng ký đất đai, tài sản gắn liền với đất", 1, 0, "04/ĐK")
                .comp("Giấy tờ về quyền sử dụng đất", 0, 1).comp("Chứng từ thực hiện nghĩa vụ tài chính (nếu có)", 0, 1)
                .fee("Lệ phí cấp Giấy chứng nhận", 100_000, null).fee("Phí thẩm định hồ sơ cấp Giấy chứng nhận", 300_000, null)
                .laws(LUAT_DD, ND_101).publish(D_LAND, D_LAND_ON));
        list.add(province("1.012767", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế",
                datDai, ENVIRONMENT, ENVIRONMENT_LAND).days("10").online(OnlineLevel.PARTIAL).interAgency().crossBoundary()
                .subjects("Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất").result("Giấy chứng nhận hoặc xác nhận biến động")
                .form("11/ĐK", "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)")
                .comp("Đơn đăng ký biến động", 1, 0, "11/ĐK").comp("Hợp đồng, văn bản về chuyển quyền đã công chứng, chứng thực", 1, 0)
                .comp("Giấy chứng nhận đã cấp", 1, 0)
                .fee("Lệ phí đăng ký biến động", 50_000, null).fee("Phí thẩm định hồ sơ", 150_000, null).laws(LUAT_DD, ND_101)
                .publish(D_LAND, D_LAND_ON));
        list.add(province("1.012768", "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", datDai,
                ENVIRONMENT, ENVIRONMENT_LAND).days("7").online(OnlineLevel.PARTIAL).crossBoundary()
                .subjects("Người sử dụng đất").result("Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất")
                .form("11/ĐK", "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)")
                .comp("Đơn đề nghị cấp đổi Giấy chứng nhận", 1, 0, "11/ĐK").comp("Giấy chứng nhận đã cấp", 1, 0)
                .fee("Lệ phí cấp đổi Giấy chứng nhận", 50_000, null).laws(LUAT_DD, ND_101).publish(D_LAND, D_LAND_ON));
        list.add(commune("1.012770", "Hòa giải tranh chấp đất đai", datDai).time("30", DurationUnit.CALENDAR_DAYS)
                .online(OnlineLevel.NONE).methods(FilingMethod.IN_PERSON, FilingMethod.POST).subjects("Các bên tranh chấp đất đai")
                .result("Biên bản hòa giải thành hoặc không thành").comp("Đơn đề nghị hòa giải tranh chấp đất đai", 1, 0)
                .comp("Giấy tờ liên quan đến thửa đất tranh chấp", 0, 1).laws(LUAT_DD).publish(D_LAND, D_LAND_ON));

        // --- social protection (commune) ---
        list.add(commune("1.001776", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
                xaHoi).days("15").online(OnlineLevel.FULL).subjects("Đối tượng bảo trợ xã hội").result("Quyết định hưởng trợ cấp xã hội")
                .form("TK-BTXH", "Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a Nghị định số 20/2021/NĐ-CP)")
                .comp("Tờ khai đề nghị trợ giúp xã hội", 1, 0, "TK-BTXH").comp("Giấy xác nhận khuyết tật (nếu có)", 0, 1)
                .laws(ND_20).publish(D_OTHER, D_OTHER_ON));
        list.add(commune("1.001758", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", xaHoi).days("5")
                .online(OnlineLevel.PARTIAL).subjects("Cơ quan, tổ chức, cá nhân tổ chức mai táng")
                .result("Quyết định hỗ trợ chi phí mai táng").comp("Tờ khai đề nghị hỗ trợ chi phí mai táng", 1, 0)
                .comp("Bản sao giấy chứng tử", 0, 1).laws(ND_20).publish(D_OTHER, D_OTHER_ON));
        list.add(commune("1.001739", "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", xaHoi).days("7")
                .online(OnlineLevel.PARTIAL).subjects("Hộ gia đình").result("Giấy chứng nhận hộ nghèo, hộ cận nghèo")
                .comp("Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo", 1, 0).laws(ND_20));   // draft

        // --- trade ---
        list.add(province("2.000633", "Cấp Giấy phép bán lẻ sản phẩm rượu", "Lưu thông hàng hóa trong nước", TRADE, TRADE_COMMERCE)
                .days("10").online(OnlineLevel.PARTIAL).subjects("Thương nhân").result("Giấy phép bán lẻ sản phẩm rượu")
                .comp("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm rượu", 1, 0).comp("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1)
                .comp("Bản sao hợp đồng thuê hoặc giấy tờ chứng minh quyền sử dụng cơ sở", 0, 1)
                .fee("Phí thẩm định cấp Giấy phép bán lẻ sản phẩm rượu", 1_200_000, null).laws(ND_105).publish(D_OTHER, D_OTHER_ON));
        list.add(province("2.000591", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "An toàn thực phẩm", TRADE,
                TRADE_COMMERCE).days("20").online(OnlineLevel.PARTIAL).subjects("Cơ sở sản xuất, kinh doanh thực phẩm")
                .result("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm")
                .comp("Đơn đề nghị cấp Giấy chứng nhận", 1, 0).comp("Bản thuyết minh về cơ sở vật chất, trang thiết bị", 1, 0)
                .comp("Giấy xác nhận đã được tập huấn kiến thức an toàn thực phẩm", 0, 1)
                .fee("Phí thẩm định cơ sở kinh doanh thực phẩm", 1_000_000, null).laws(LUAT_ATTP).publish(D_OTHER, D_OTHER_ON));
        list.add(province("1.000919", "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "Lưu thông hàng hóa trong nước", TRADE, TRADE_COMMERCE)
                .days("15").online(OnlineLevel.PARTIAL).subjects("Thương nhân").result("Giấy phép bán lẻ sản phẩm thuốc lá")
                .comp("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá", 1, 0).comp("Bản sao Giấy chứng nhận đăng ký doanh nghiệp", 0, 1)
                .fee("Phí thẩm định cấp Giấy phép kinh doanh thuốc lá", 1_100_000, null).laws(ND_67)
                .publish("1650/QĐ-UBND", LocalDate.of(2024, 6, 12)));   // withdrawn afterwards

        // --- health ---
        list.add(province("1.004594", "Cấp Chứng chỉ hành nghề dược", "Dược phẩm", HEALTH, HEALTH_PHARMA).days("20")
                .online(OnlineLevel.PARTIAL).subjects("Cá nhân đề nghị cấp chứng chỉ hành nghề dược").result("Chứng chỉ hành nghề dược")
                .comp("Đơn đề nghị cấp Chứng chỉ hành nghề dược", 1, 0).comp("Bản sao văn bằng chuyên môn", 0, 1)
                .comp("Giấy xác nhận thời gian thực hành chuyên môn", 1, 0).comp("Ảnh chân dung 4 cm x 6 cm", 2, 0)
                .fee("Phí thẩm định cấp Chứng chỉ hành nghề dược", 500_000, null).laws(LUAT_DUOC, ND_54_2017)
                .publish(D_OTHER, D_OTHER_ON));
        list.add(province("1.012270", "Cấp giấy phép hành nghề khám bệnh, chữa bệnh", "Khám bệnh, chữa bệnh", HEALTH, HEALTH_MEDICAL)
                .days("30").online(OnlineLevel.PARTIAL).subjects("Người hành nghề khám bệnh, chữa bệnh")
                .result("Giấy phép hành nghề khám bệnh, chữa bệnh").comp("Đơn đề nghị cấp giấy phép hành nghề", 1, 0)
                .comp("Bản sao văn bằng chuyên môn", 0, 1).comp("Giấy chứng nhận đủ sức khỏe hành nghề", 1, 0)
                .fee("Phí thẩm định cấp giấy phép hành nghề", 360_000, null).laws(LUAT_KCB).publish(D_OTHER, D_OTHER_ON));

        // --- culture, education, religion ---
        list.add(commune("1.001029", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "Văn hóa").days("5")
                .online(OnlineLevel.PARTIAL).subjects("Doanh nghiệp, hộ kinh doanh").result("Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke")
                .comp("Đơn đề nghị cấp giấy phép", 1, 0).comp("Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh", 0, 1)
                .fee("Phí thẩm định (từ 01 đến 03 phòng)", 4_000_000, "Từ 04 đến 05 phòng: 6.000.000 đồng")
                .laws(ND_54_2019).publish(D_OTHER, D_OTHER_ON));
        list.add(province("1.005090", "Chuyển trường đối với học sinh trung học phổ thông", "Giáo dục trung học", EDUCATION,
                EDUCATION_SECONDARY).days("3").online(OnlineLevel.PARTIAL).subjects("Học sinh trung học phổ thông, cha mẹ học sinh")
                .result("Văn bản đồng ý chuyển trường").comp("Đơn xin chuyển trường", 1, 0).comp("Học bạ", 1, 0)
                .comp("Giấy giới thiệu chuyển trường", 1, 0).laws(TT_GDTH).publish(D_OTHER, D_OTHER_ON));
        list.add(commune("1.001085", "Đăng ký sinh hoạt tôn giáo tập trung", "Tôn giáo").days("20").online(OnlineLevel.NONE)
                .methods(FilingMethod.IN_PERSON, FilingMethod.POST).subjects("Người đại diện nhóm sinh hoạt tôn giáo tập trung")
                .result("Văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung")
                .comp("Văn bản đăng ký sinh hoạt tôn giáo tập trung", 1, 0).comp("Giấy tờ chứng minh địa điểm hợp pháp", 0, 1)
                .laws(LUAT_TON_GIAO).publish(D_OTHER, D_OTHER_ON));
        list.add(province("1.001007", "Giải quyết thủ tục hành chính theo cơ chế một cửa liên thông về đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
                hoTich, JUSTICE, JUSTICE_ADMIN).days("5").online(OnlineLevel.FULL).interAgency().crossBoundary()
                .subjects("Cha, mẹ của trẻ em dưới 6 tuổi").result("Giấy khai sinh, xác nhận thường trú, thẻ bảo hiểm y tế")
                .form("TK-LT", "Tờ khai liên thông").comp("Tờ khai liên thông", 1, 0, "TK-LT").comp("Giấy chứng sinh", 1, 0)
                .laws(LUAT_HO_TICH, ND_118).publish(D_CIVIL, D_CIVIL_ON));
        return list;
    }

    // --- a small builder ---------------------------------------------------------------------------

    static P commune(String code, String name, String field) {
        return new P(code, name, field, UnitLevel.COMMUNE, null, null);
    }

    static P province(String code, String name, String field, String agency, String division) {
        return new P(code, name, field, UnitLevel.PROVINCE, agency, division);
    }

    static LegalDocument law(String number, String title, int y, int m, int d) {
        return new LegalDocument(number, title, LocalDate.of(y, m, d));
    }

    /** One demo procedure being described. */
    static final class P {
        final String code;
        final String name;
        final String field;
        final UnitLevel level;
        final String agency;
        final String division;
        final List<String> subjects = new ArrayList<>();
        Set<FilingMethod> methods;
        OnlineLevel onlineLevel = OnlineLevel.NONE;
        boolean interAgency;
        boolean crossBoundary;
        String result;
        final List<ProcedureCase> cases = new ArrayList<>();
        final List<ProcedureComponent> components = new ArrayList<>();
        final List<FormTemplate> forms = new ArrayList<>();
        final List<Fee> fees = new ArrayList<>();
        final List<LegalDocument> legal = new ArrayList<>();
        String decision;
        LocalDate decidedOn;

        P(String code, String name, String field, UnitLevel level, String agency, String division) {
            this.code = code;
            this.name = name;
            this.field = field;
            this.level = level;
            this.agency = agency;
            this.division = division;
        }

        P days(String amount) {
            return time(amount, DurationUnit.WORKING_DAYS);
        }

        /** The main case ("TH1") with the standard workflow of its level. */
        P time(String amount, DurationUnit unit) {
            cases.add(new ProcedureCase("TH1", "Trường hợp thông thường", ProcessingTime.of(amount, unit), null,
                    flow(new BigDecimal(amount), unit)));
            return this;
        }

        P extraCase(String id, String caseName, String amount, DurationUnit unit) {
            cases.add(new ProcedureCase(id, caseName, ProcessingTime.of(amount, unit), null, flow(new BigDecimal(amount), unit)));
            return this;
        }

        /**
         * The 15-working-day permit of the domain notes: receive (0) → hand over (0.5) → assign (0.5)
         * → examine (10) → review (1) → sign (3) → collect fee and return (0).
         */
        P permitFlow() {
            UnitRef desk = UnitRef.kind(UnitKind.ONE_STOP_DESK);
            UnitRef division = UnitRef.kind(UnitKind.DIVISION);
            UnitRef committee = UnitRef.kind(UnitKind.COMMUNE);
            cases.add(new ProcedureCase("TH1", "Trường hợp thông thường", ProcessingTime.of("15", DurationUnit.WORKING_DAYS), null,
                    List.of(step("Tiếp nhận hồ sơ", Role.ONE_STOP_OFFICER, desk, "0"),
                            step("Chuyển hồ sơ đến phòng chuyên môn", Role.ONE_STOP_OFFICER, desk, "0.5"),
                            step("Lãnh đạo phòng phân công xử lý", Role.LEADER, division, "0.5"),
                            step("Thẩm định hồ sơ, kiểm tra thực địa", Role.SPECIALIST, division, "10"),
                            step("Xem xét, trình ký", Role.LEADER, division, "1"),
                            step("Ký giấy phép", Role.LEADER, committee, "3"),
                            step("Thu lệ phí, trả kết quả", Role.ONE_STOP_OFFICER, desk, "0"))));
            return this;
        }

        private List<Step> flow(BigDecimal total, DurationUnit unit) {
            BigDecimal sign = signShare(total, unit);
            if (level == UnitLevel.COMMUNE) {
                UnitRef desk = UnitRef.kind(UnitKind.ONE_STOP_DESK);
                return List.of(step("Tiếp nhận hồ sơ", Role.ONE_STOP_OFFICER, desk, "0"),
                        new Step("Thẩm định, xử lý hồ sơ", Role.SPECIALIST, UnitRef.kind(UnitKind.DIVISION), total.subtract(sign)),
                        new Step("Phê duyệt, ký kết quả", Role.LEADER, UnitRef.kind(UnitKind.COMMUNE), sign),
                        step("Trả kết quả", Role.ONE_STOP_OFFICER, desk, "0"));
            }
            UnitRef centre = UnitRef.unitCode(CENTRE);
            BigDecimal hand = total.compareTo(new BigDecimal("5")) >= 0 && unit == DurationUnit.WORKING_DAYS
                    ? new BigDecimal("0.5") : BigDecimal.ZERO;
            List<Step> steps = new ArrayList<>();
            steps.add(step("Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công", Role.ONE_STOP_OFFICER, centre, "0"));
            if (hand.signum() > 0) {
                steps.add(new Step("Chuyển hồ sơ đến cơ quan giải quyết", Role.ONE_STOP_OFFICER, centre, hand));
            }
            steps.add(new Step("Thẩm định, xử lý hồ sơ", Role.SPECIALIST, UnitRef.unitCode(division),
                    total.subtract(sign).subtract(hand)));
            steps.add(new Step("Phê duyệt, ký kết quả", Role.LEADER, UnitRef.unitCode(agency), sign));
            steps.add(step("Trả kết quả", Role.ONE_STOP_OFFICER, centre, "0"));
            return steps;
        }

        private static BigDecimal signShare(BigDecimal total, DurationUnit unit) {
            if (unit == DurationUnit.WORKING_HOURS || unit == DurationUnit.HALF_DAYS) {
                return total.compareTo(new BigDecimal("2")) >= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            if (total.compareTo(new BigDecimal("10")) >= 0) {
                return new BigDecimal("2");
            }
            if (total.compareTo(new BigDecimal("3")) >= 0) {
                return BigDecimal.ONE;
            }
            return total.compareTo(BigDecimal.ONE) >= 0 ? new BigDecimal("0.5") : BigDecimal.ZERO;
        }

        private static Step step(String name, Role role, UnitRef unit, String share) {
            return new Step(name, role, unit, new BigDecimal(share));
        }

        P online(OnlineLevel level) {
            this.onlineLevel = level;
            return this;
        }

        P methods(FilingMethod... m) {
            this.methods = EnumSet.copyOf(List.of(m));
            return this;
        }

        P subjects(String... s) {
            subjects.addAll(List.of(s));
            return this;
        }

        P result(String r) {
            this.result = r;
            return this;
        }

        P form(String formCode, String formName) {
            forms.add(new FormTemplate(formCode, formName, null));
            return this;
        }

        P comp(String compName, int originals, int copies) {
            return comp(compName, originals, copies, null);
        }

        P comp(String compName, int originals, int copies, String form) {
            components.add(new ProcedureComponent(compName, originals, copies, form));
            return this;
        }

        P fee(String feeName, long amount, String note) {
            fees.add(new Fee(feeName, amount, note));
            return this;
        }

        P laws(LegalDocument... docs) {
            legal.addAll(List.of(docs));
            return this;
        }

        P interAgency() {
            this.interAgency = true;
            return this;
        }

        P crossBoundary() {
            this.crossBoundary = true;
            return this;
        }

        P publish(String act, LocalDate on) {
            this.decision = act;
            this.decidedOn = on;
            return this;
        }

        ProcedureCommand command() {
            Set<FilingMethod> m = methods != null ? methods
                    : onlineLevel == OnlineLevel.NONE ? EnumSet.of(FilingMethod.IN_PERSON, FilingMethod.POST)
                    : EnumSet.allOf(FilingMethod.class);
            List<LegalDocument> basis = new ArrayList<>(legal);
            if (!basis.contains(ND_118)) {
                basis.add(ND_118);
            }
            return new ProcedureCommand(code, name, field, level, agency == null ? null : UnitRef.unitCode(agency), subjects, m,
                    onlineLevel, interAgency, crossBoundary, cases, components, forms, fees, null, result, basis, null);
        }
    }
}
