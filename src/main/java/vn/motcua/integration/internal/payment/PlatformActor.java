package vn.motcua.integration.internal.payment;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffCommand;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;

/**
 * Who records "payment received" when the payment platform confirms a
 * payment: a technical staff account per receiving unit, named "Nền tảng
 * thanh toán" (so the dossier's history shows the payment platform as the
 * actor), a one-stop officer of that unit only, created by this module the
 * first time the unit needs it (audited as any new account). Its act goes
 * through {@code DossierService.act} like an officer's, so the same
 * server-side guard (place, role, the dossier's status) applies. Its
 * password is random and never shown or kept: nobody signs in with it.
 */
@Component
public class PlatformActor {

    /** The actor's name in dossier histories. */
    public static final String NAME = "Nền tảng thanh toán";
    static final String USERNAME_PREFIX = "payment-platform-";

    private final OrganizationService org;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public PlatformActor(OrganizationService org, JdbcClient jdbc) {
        this.org = org;
        this.jdbc = jdbc;
    }

    /** The unit's technical account, created when missing; call inside a transaction. */
    public StaffPrincipal forUnit(UnitId unit) {
        // one creation per unit across nodes: the second caller waits here, then finds the first one's row
        jdbc.sql("SELECT pg_advisory_xact_lock(8034, CAST(:u AS INT))").param("u", unit.value() % Integer.MAX_VALUE)
                .query().singleValue();
        Long staffId = jdbc.sql("SELECT staff_id FROM integration_payment_actor WHERE unit_id = :u")
                .param("u", unit.value()).query(Long.class).optional().orElse(null);
        StaffView staff;
        if (staffId == null) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            staff = org.createStaff(new StaffCommand(USERNAME_PREFIX + unit.value(), NAME, password,
                    "Tài khoản kỹ thuật của nền tảng thanh toán", null, null, Set.of(Role.ONE_STOP_OFFICER),
                    Set.of(unit.value())));
            jdbc.sql("INSERT INTO integration_payment_actor (unit_id, staff_id) VALUES (:u, :s)")
                    .param("u", unit.value()).param("s", staff.id()).update();
        } else {
            staff = org.staff(new StaffId(staffId), vn.motcua.organization.OfficerScope.everything(null));
        }
        return new StaffPrincipal(staff.id(), staff.username(), staff.fullName(), staff.roles());
    }
}
