package vn.motcua.organization.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffCommand;
import vn.motcua.organization.UnitCommand;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;

/**
 * Demo profile: the units of Nghệ An after the 2025 two-tier reform (province
 * agencies with divisions, the provincial service centre, wards and communes
 * with their centres) and one account of every role. Loaded once into an empty
 * database; the README lists the accounts. Electronic identifiers follow the
 * national pattern with the province's part H40; the numbering is for the demo.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoOrganizationData implements ApplicationRunner {

    public static final String DEMO_PASSWORD = "MotCua@2026";
    public static final String DEMO_API_KEY = "mc_demo_key_local_only_9f3a2c7e";
    public static final String PROVINCE_CODE = "000.00.00.H40";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganizationData.class);

    private final OrganizationService org;

    public DemoOrganizationData(OrganizationService org) {
        this.org = org;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (org.findUnitByCode(PROVINCE_CODE).isPresent()) {
            return;
        }
        UnitView province = unit("Ủy ban nhân dân tỉnh Nghệ An", PROVINCE_CODE, UnitKind.PEOPLES_COMMITTEE, UnitLevel.PROVINCE, null,
                "16 Trường Thi, phường Thành Vinh, tỉnh Nghệ An");

        Map<String, List<String>> agencies = new LinkedHashMap<>();
        agencies.put("Văn phòng Ủy ban nhân dân tỉnh", List.of("Phòng Kiểm soát thủ tục hành chính", "Phòng Tổng hợp"));
        agencies.put("Sở Nội vụ", List.of("Phòng Công chức, viên chức", "Phòng Cải cách hành chính"));
        agencies.put("Sở Tư pháp", List.of("Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp"));
        agencies.put("Sở Tài chính", List.of("Phòng Đăng ký kinh doanh", "Phòng Quản lý ngân sách"));
        agencies.put("Sở Xây dựng", List.of("Phòng Quản lý hoạt động xây dựng", "Phòng Quản lý phương tiện và người lái"));
        agencies.put("Sở Nông nghiệp và Môi trường", List.of("Phòng Đất đai", "Phòng Môi trường"));
        agencies.put("Sở Công Thương", List.of("Phòng Quản lý thương mại", "Phòng Quản lý năng lượng"));
        agencies.put("Sở Y tế", List.of("Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược"));
        agencies.put("Sở Giáo dục và Đào tạo", List.of("Phòng Giáo dục Trung học", "Phòng Khảo thí và Quản lý chất lượng"));
        agencies.put("Sở Văn hóa, Thể thao và Du lịch", List.of("Phòng Quản lý văn hóa", "Phòng Quản lý du lịch"));
        agencies.put("Sở Khoa học và Công nghệ", List.of("Phòng Quản lý công nghệ", "Phòng Bưu chính, Viễn thông"));
        agencies.put("Sở Dân tộc và Tôn giáo", List.of("Phòng Tôn giáo", "Phòng Chính sách dân tộc"));

        Map<String, UnitView> byName = new LinkedHashMap<>();
        int n = 1;
        for (var e : agencies.entrySet()) {
            String two = String.format("%02d", n++);
            UnitView agency = unit(e.getKey(), "000.00." + two + ".H40", UnitKind.AGENCY, UnitLevel.PROVINCE, province.id(), null);
            byName.put(e.getKey(), agency);
            int d = 1;
            for (String division : e.getValue()) {
                UnitView div = unit(division, String.format("000.%02d.%s.H40", d++, two), UnitKind.DIVISION, UnitLevel.PROVINCE, agency.id(), null);
                byName.put(e.getKey() + "/" + division, div);
            }
        }
        UnitView centre = unit("Trung tâm Phục vụ hành chính công tỉnh Nghệ An", "000.00.20.H40", UnitKind.SERVICE_CENTRE,
                UnitLevel.PROVINCE, province.id(), "Số 4 Lê Mao, phường Thành Vinh, tỉnh Nghệ An");

        String[][] communes = {
            {"Phường Trường Vinh", "WARD"}, {"Phường Thành Vinh", "WARD"}, {"Phường Vinh Hưng", "WARD"},
            {"Phường Vinh Phú", "WARD"}, {"Phường Vinh Lộc", "WARD"}, {"Phường Cửa Lò", "WARD"},
            {"Xã Diễn Châu", "COMMUNE"}, {"Xã Yên Thành", "COMMUNE"}, {"Xã Đô Lương", "COMMUNE"}, {"Xã Nam Đàn", "COMMUNE"}
        };
        int c = 31;
        for (String[] cm : communes) {
            String two = String.format("%02d", c++);
            UnitKind kind = UnitKind.valueOf(cm[1]);
            String place = cm[0];
            UnitView committee = unit("Ủy ban nhân dân " + lowerFirst(place), "000.00." + two + ".H40", kind, UnitLevel.COMMUNE,
                    province.id(), null);
            UnitView desk = unit("Trung tâm Phục vụ hành chính công " + lowerFirst(place), "000.01." + two + ".H40",
                    UnitKind.ONE_STOP_DESK, UnitLevel.COMMUNE, committee.id(), null);
            String economy = kind == UnitKind.WARD ? "Phòng Kinh tế, Hạ tầng và Đô thị" : "Phòng Kinh tế";
            UnitView eco = unit(economy, "000.02." + two + ".H40", UnitKind.DIVISION, UnitLevel.COMMUNE, committee.id(), null);
            UnitView social = unit("Phòng Văn hóa - Xã hội", "000.03." + two + ".H40", UnitKind.DIVISION, UnitLevel.COMMUNE,
                    committee.id(), null);
            byName.put(place, committee);
            byName.put(place + "/desk", desk);
            byName.put(place + "/eco", eco);
            byName.put(place + "/social", social);
        }

        staff("admin", "Nguyễn Văn Quản", "Quản trị hệ thống", Set.of(Role.ADMIN), province.id());
        staff("giamsat", "Trần Thị Giám", "Chuyên viên Phòng Kiểm soát TTHC", Set.of(Role.SUPERVISOR),
                byName.get("Văn phòng Ủy ban nhân dân tỉnh").id());
        staff("motcua.tinh", "Lê Thị Hoa", "Cán bộ tiếp nhận và trả kết quả", Set.of(Role.ONE_STOP_OFFICER), centre.id());
        staff("chuyenvien.tuphap", "Phạm Văn Minh", "Chuyên viên Phòng Hành chính tư pháp", Set.of(Role.SPECIALIST),
                byName.get("Sở Tư pháp/Phòng Hành chính tư pháp").id());
        staff("lanhdao.tuphap", "Hoàng Thị Lan", "Phó Giám đốc Sở Tư pháp", Set.of(Role.LEADER), byName.get("Sở Tư pháp").id());
        staff("chuyenvien.taichinh", "Đặng Quốc Bảo", "Chuyên viên Phòng Đăng ký kinh doanh", Set.of(Role.SPECIALIST),
                byName.get("Sở Tài chính/Phòng Đăng ký kinh doanh").id());
        staff("lanhdao.taichinh", "Võ Thị Mai", "Phó Giám đốc Sở Tài chính", Set.of(Role.LEADER), byName.get("Sở Tài chính").id());
        staff("motcua.truongvinh", "Nguyễn Thị Hằng", "Công chức tiếp nhận và trả kết quả", Set.of(Role.ONE_STOP_OFFICER),
                byName.get("Phường Trường Vinh/desk").id());
        staff("chuyenvien.truongvinh", "Trần Văn Hùng", "Công chức Văn hóa - Xã hội", Set.of(Role.SPECIALIST),
                byName.get("Phường Trường Vinh/social").id());
        staff("lanhdao.truongvinh", "Lê Văn Thành", "Phó Chủ tịch UBND phường", Set.of(Role.LEADER),
                byName.get("Phường Trường Vinh").id());
        staff("motcua.dienchau", "Phan Thị Nga", "Công chức tiếp nhận và trả kết quả", Set.of(Role.ONE_STOP_OFFICER),
                byName.get("Xã Diễn Châu/desk").id());
        staff("chuyenvien.dienchau", "Hồ Đức Thắng", "Công chức Kinh tế", Set.of(Role.SPECIALIST), byName.get("Xã Diễn Châu/eco").id());
        staff("lanhdao.dienchau", "Cao Thị Thủy", "Phó Chủ tịch UBND xã", Set.of(Role.LEADER), byName.get("Xã Diễn Châu").id());
        var service = staff("hethong.dvcqg", "Kết nối Cổng Dịch vụ công quốc gia", "Tài khoản máy", Set.of(Role.SUPERVISOR),
                province.id());
        org.registerApiKey(service, "Demo integration key", DEMO_API_KEY);
        log.info("Loaded demo organization: {} units", org.unitCount());
    }

    private UnitView unit(String name, String code, UnitKind kind, UnitLevel level, Long parent, String address) {
        return org.createUnit(new UnitCommand(name, code, kind, level, parent, address, null));
    }

    private vn.motcua.organization.StaffId staff(String username, String fullName, String position, Set<Role> roles, long unit) {
        return org.createStaff(new StaffCommand(username, fullName, DEMO_PASSWORD, position,
                username + "@nghean.gov.vn", null, roles, Set.of(unit))).staffId();
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
