package vn.motcua.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.IdentityProofs;
import vn.motcua.portal.Registration;

/**
 * Citizen accounts for tests, each with a fresh identity number: registered
 * (unproven, as anyone can open one) or proven at a desk (as the holder of
 * the number, who then sees everything filed under it).
 */
@Component
public class CitizenFixtures {

    public static final String PASSWORD = "MatKhau2026";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final CitizenAccounts accounts;
    private final IdentityProofs proofs;
    private final Fixtures fixtures;
    private volatile StaffPrincipal deskOfficer;

    public CitizenFixtures(CitizenAccounts accounts, IdentityProofs proofs, Fixtures fixtures) {
        this.accounts = accounts;
        this.proofs = proofs;
        this.fixtures = fixtures;
    }

    /** A 12-digit citizen ID no test has used. */
    public static String citizenId() {
        return Fixtures.identityNumber("077", 12);
    }

    /** An account registered with this identity number and nothing proven. */
    public CitizenPrincipal registered(String identityNumber, String fullName) {
        int n = SEQ.incrementAndGet();
        return accounts.register(new Registration(ApplicantKind.PERSON, identityNumber, fullName, "0912345678",
                "cong.dan." + identityNumber + "." + n + "@example.vn", "Số 1 Lê Lợi, Vinh", PASSWORD, PASSWORD));
    }

    /** An unproven account with a fresh identity number. */
    public CitizenPrincipal unproven(String fullName) {
        return registered(citizenId(), fullName);
    }

    /** An account with a fresh identity number, proven by a one-stop officer who checked the ID card. */
    public CitizenPrincipal proven(String fullName) {
        CitizenPrincipal p = unproven(fullName);
        prove(p.identityNumber());
        return p;
    }

    /** A one-stop officer confirms the account holding the number. */
    public void prove(String identityNumber) {
        proofs.proveAtDesk(identityNumber, new IdentityProofs.DeskProof(IdentityProofs.DocumentChecked.ID_CARD, "test"),
                deskOfficer());
    }

    public StaffPrincipal deskOfficer() {
        StaffPrincipal o = deskOfficer;
        if (o == null) {
            o = DossierFixtures.World.principal(fixtures.staff(Role.ONE_STOP_OFFICER, fixtures.province()));
            deskOfficer = o;
        }
        return o;
    }

    /** Signed in as the citizen, for MockMvc. */
    public static RequestPostProcessor as(CitizenPrincipal p) {
        return authentication(p.authentication());
    }
}
