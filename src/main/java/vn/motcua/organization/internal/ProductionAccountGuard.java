package vn.motcua.organization.internal;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.motcua.organization.LoginAccount;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffCommand;
import vn.motcua.organization.UnitCommand;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;

/**
 * Production start-up: on an empty database creates the first administrator
 * from {@code motcua.bootstrap.admin-password}; refuses to start when that
 * password is missing, short or a well-known default, or when any account
 * still has a default password (for example a demo account copied over).
 */
@Component
@Profile("prod")
@Order(0)
class ProductionAccountGuard implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionAccountGuard.class);
    static final Set<String> DEFAULT_PASSWORDS =
            Set.of(DemoOrganizationData.DEMO_PASSWORD, "admin", "password", "123456", "12345678", "changeme", "motcua");

    private final OrganizationService organization;
    private final StaffStore staff;
    private final PasswordEncoder encoder;
    private final String adminPassword;
    private final String provinceCode;
    private final String provinceName;

    ProductionAccountGuard(OrganizationService organization, StaffStore staff, PasswordEncoder encoder,
                           @Value("${motcua.bootstrap.admin-password:}") String adminPassword,
                           @Value("${motcua.bootstrap.province-code:000.00.00.H40}") String provinceCode,
                           @Value("${motcua.bootstrap.province-name:Ủy ban nhân dân tỉnh}") String provinceName) {
        this.organization = organization;
        this.staff = staff;
        this.encoder = encoder;
        this.adminPassword = adminPassword;
        this.provinceCode = provinceCode;
        this.provinceName = provinceName;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String username : staff.usernames()) {
            LoginAccount a = staff.loginAccount(username).orElseThrow();
            if (a.active() && DEFAULT_PASSWORDS.stream().anyMatch(p -> encoder.matches(p, a.passwordHash()))) {
                throw new IllegalStateException("Refusing to start in production: account '" + username
                        + "' has a default password. Change it before starting with the prod profile.");
            }
        }
        if (staff.usernames().isEmpty()) {
            if (adminPassword == null || adminPassword.length() < 12 || DEFAULT_PASSWORDS.contains(adminPassword)) {
                throw new IllegalStateException("Refusing to start in production: set MOTCUA_BOOTSTRAP_ADMIN_PASSWORD"
                        + " (at least 12 characters, not a default) to create the first administrator.");
            }
            var root = organization.findUnitByCode(provinceCode).orElseGet(() -> organization.createUnit(
                    new UnitCommand(provinceName, provinceCode, UnitKind.PEOPLES_COMMITTEE, UnitLevel.PROVINCE, null, null, null)));
            organization.createStaff(new StaffCommand("admin", "Quản trị hệ thống", adminPassword, null, null, null,
                    Set.of(Role.ADMIN), Set.of(root.id())));
            log.info("Created the first administrator account 'admin'");
        }
    }
}
