package vn.motcua.organization.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.motcua.organization.OrganizationService;
import vn.motcua.support.IntegrationTest;

/** The production profile refuses to start while an account keeps a default password. */
class ProductionAccountGuardTests extends IntegrationTest {

    @Autowired
    OrganizationService organization;

    @Autowired
    StaffStore staff;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void refusesToStartWhileDemoAccountsKeepTheirDefaultPassword() {
        ProductionAccountGuard guard = new ProductionAccountGuard(organization, staff, encoder,
                "a-long-enough-secret", "000.00.00.H40", "UBND tỉnh");
        assertThatThrownBy(() -> guard.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default password");
    }
}
