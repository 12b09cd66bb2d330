package vn.motcua.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ComplianceCost;
import vn.motcua.catalog.CostItem;
import vn.motcua.catalog.SimplificationCommand;
import vn.motcua.catalog.SimplificationKind;
import vn.motcua.catalog.SimplificationProposal;
import vn.motcua.catalog.SimplificationService;

/**
 * Demo profile: five review and simplification proposals over demo
 * procedures, one per situation the review meets: cutting components of the
 * business household registration (accepted), making the criminal record
 * certificate fully online (submitted), abolishing the marital status
 * certificate whose data the population database holds (submitted), replacing
 * birth registration by the inter-agency birth, residence and health
 * insurance procedure (draft), and dropping the paper copy of the land use
 * certificate from the house building permit (rejected). Hours, an average
 * income of about 30,000 đồng per hour, fees and yearly volumes are plausible
 * for a province of 3.4 million people, not official statistics. Runs after
 * the demo catalogue; loaded once (skipped when any proposal exists).
 */
@Component
@Profile("demo")
@Order(25)
public class DemoSimplificationData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSimplificationData.class);
    private static final String ACTOR = "admin";
    private static final long INCOME = 30_000L;

    private final SimplificationService simplification;
    private final CatalogService catalog;

    public DemoSimplificationData(SimplificationService simplification, CatalogService catalog) {
        this.simplification = simplification;
        this.catalog = catalog;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (simplification.count() > 0) {
            return;
        }
        int loaded = 0;

        // 1. business household registration: no certified copies, no household minutes, online (fee waived)
        SimplificationProposal household = create(command("1.001612", SimplificationKind.AMEND,
                "Giấy tờ pháp lý của cá nhân đã có trong Cơ sở dữ liệu quốc gia về dân cư; biên bản họp thành viên hộ gia đình"
                        + " không cần thiết khi một thành viên được ủy quyền đã ký giấy đề nghị. Người dân vẫn phải đi lại"
                        + " nộp hồ sơ, nhận kết quả trực tiếp.",
                "Bỏ thành phần «Bản sao giấy tờ pháp lý của cá nhân» (khai thác từ Cơ sở dữ liệu quốc gia về dân cư).\n"
                        + "Bỏ thành phần «Biên bản họp thành viên hộ gia đình».\n"
                        + "Nộp hồ sơ và nhận Giấy chứng nhận đăng ký hộ kinh doanh bản điện tử trên Cổng Dịch vụ công.",
                side(INCOME, 122_000, "1", 2_400,
                        item("Tìm hiểu thủ tục, điền Giấy đề nghị đăng ký hộ kinh doanh", "1.5"),
                        item("Sao y, chứng thực giấy tờ pháp lý của các thành viên hộ gia đình", "2"),
                        item("Họp và lập biên bản họp thành viên hộ gia đình", "1.5"),
                        item("Đi lại, chờ và nộp hồ sơ tại Bộ phận Một cửa", "2"),
                        item("Đi lại nhận kết quả", "1.5")),
                side(INCOME, 0, "1", 2_400,
                        item("Tìm hiểu thủ tục, kê khai trực tuyến trên Cổng Dịch vụ công", "1"),
                        item("Tải về Giấy chứng nhận đăng ký hộ kinh doanh điện tử", "0.25"))));
        if (household != null) {
            loaded++;
            simplification.submit(household.id(), ACTOR);
            simplification.accept(household.id(), "Đồng ý; giao Sở Tài chính dự thảo quyết định công bố thủ tục sửa đổi.", ACTOR);
        }

        // 2. criminal record certificate fully online with VNeID, result by post or electronic
        SimplificationProposal record = create(command("2.000488", SimplificationKind.AMEND,
                "Phần lớn người yêu cầu là người lao động, học sinh, sinh viên phải nghỉ làm, nghỉ học hai lần để nộp hồ sơ và"
                        + " nhận Phiếu. Dữ liệu căn cước đã được xác thực qua ứng dụng VNeID.",
                "Thực hiện toàn trình trên ứng dụng VNeID và Cổng Dịch vụ công: bỏ bản chụp giấy tờ tùy thân; trả Phiếu lý lịch"
                        + " tư pháp điện tử hoặc qua bưu chính công ích.",
                side(INCOME, 215_000, "1", 18_000,
                        item("Khai tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "0.5"),
                        item("Chụp, sao giấy tờ tùy thân", "0.5"),
                        item("Đi lại, chờ và nộp hồ sơ tại Trung tâm Phục vụ hành chính công", "3"),
                        item("Đi lại nhận Phiếu", "2.5")),
                side(INCOME, 200_000, "1", 18_000,
                        item("Khai và nộp yêu cầu trên ứng dụng VNeID", "0.5"),
                        item("Nhận Phiếu điện tử hoặc qua bưu chính", "0.25"))));
        if (record != null) {
            loaded++;
            simplification.submit(record.id(), ACTOR);
        }

        // 3. marital status certificate abolished: authorities look the data up themselves
        SimplificationProposal marital = create(command("1.004873", SimplificationKind.ABOLISH,
                "Tình trạng hôn nhân đã có trong Cơ sở dữ liệu hộ tịch điện tử và Cơ sở dữ liệu quốc gia về dân cư; cơ quan"
                        + " tiếp nhận các thủ tục cần thông tin này (đất đai, công chứng, đăng ký kết hôn) tự khai thác.",
                null,
                side(INCOME, 5_000, "1", 21_000,
                        item("Khai tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "0.5"),
                        item("Đi lại, chờ và nộp hồ sơ tại UBND cấp xã", "2"),
                        item("Đi lại nhận kết quả", "1.5")),
                null));
        if (marital != null) {
            loaded++;
            simplification.submit(marital.id(), ACTOR);
        }

        // 4. birth registration replaced by the inter-agency procedure (birth, residence, health insurance card)
        if (create(command("1.001193", SimplificationKind.REPLACE,
                "Cha mẹ phải làm ba thủ tục riêng ở ba nơi (đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho"
                        + " trẻ dưới 6 tuổi) với các giấy tờ trùng nhau.",
                "Thay thế bằng thủ tục liên thông «Đăng ký khai sinh – Đăng ký thường trú – Cấp thẻ bảo hiểm y tế cho trẻ em"
                        + " dưới 6 tuổi», một bộ hồ sơ nộp trực tuyến.",
                side(INCOME, 0, "1", 34_000,
                        item("Khai tờ khai đăng ký khai sinh và nộp tại UBND cấp xã", "2.5"),
                        item("Khai và nộp hồ sơ đăng ký thường trú tại Công an cấp xã", "2.5"),
                        item("Khai và nộp hồ sơ cấp thẻ bảo hiểm y tế", "2"),
                        item("Đi lại nhận các kết quả", "3")),
                side(INCOME, 0, "1", 34_000,
                        item("Kê khai một bộ hồ sơ liên thông trên Cổng Dịch vụ công", "1"),
                        item("Nhận kết quả điện tử và thẻ bảo hiểm y tế qua bưu chính", "0.5")))) != null) {
            loaded++;
        }

        // 5. house building permit without the paper copy of the land use certificate (rejected for now)
        SimplificationProposal permit = create(command("1.009972", SimplificationKind.AMEND,
                "Bản sao Giấy chứng nhận quyền sử dụng đất buộc người dân sao y, chứng thực dù cơ quan cấp phép có thể tra cứu"
                        + " cơ sở dữ liệu đất đai.",
                "Bỏ yêu cầu nộp bản sao giấy tờ chứng minh quyền sử dụng đất; cơ quan cấp phép khai thác cơ sở dữ liệu đất đai.",
                side(INCOME, 85_000, "0.2", 9_500,
                        item("Sao y, chứng thực Giấy chứng nhận quyền sử dụng đất", "2"),
                        item("Chuẩn bị đơn và bản vẽ thiết kế", "8"),
                        item("Đi lại, nộp hồ sơ và nhận giấy phép", "4")),
                side(INCOME, 75_000, "0.2", 9_500,
                        item("Chuẩn bị đơn và bản vẽ thiết kế", "8"),
                        item("Đi lại, nộp hồ sơ và nhận giấy phép", "4"))));
        if (permit != null) {
            loaded++;
            simplification.submit(permit.id(), ACTOR);
            simplification.reject(permit.id(), "Cơ sở dữ liệu đất đai của tỉnh chưa số hóa đủ các thửa đất ở đô thị;"
                    + " xem xét lại khi dữ liệu được hoàn thiện.", ACTOR);
        }
        log.info("Loaded demo simplification proposals: {}", loaded);
    }

    /** Creates the proposal when its procedure is in the catalogue (it always is with the demo catalogue). */
    private SimplificationProposal create(SimplificationCommand command) {
        if (!catalog.exists(command.procedureCode())) {
            log.warn("Demo procedure {} missing; its simplification proposal is skipped", command.procedureCode());
            return null;
        }
        return simplification.create(command, ACTOR);
    }

    private static SimplificationCommand command(String code, SimplificationKind kind, String reasons, String changes,
                                                 ComplianceCost before, ComplianceCost after) {
        return new SimplificationCommand(code, kind, reasons, changes, before, after, null);
    }

    private static ComplianceCost side(long income, long fees, String executions, long subjects, CostItem... items) {
        return new ComplianceCost(new ArrayList<>(List.of(items)), income, fees, new BigDecimal(executions), subjects);
    }

    private static CostItem item(String description, String hours) {
        return new CostItem(description, new BigDecimal(hours));
    }
}
