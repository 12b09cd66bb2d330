package vn.motcua.portal;

import java.time.Instant;
import vn.motcua.dossier.ApplicantKind;

/** A citizen's or organisation's portal account as other code may see it (no password hash). */
public record CitizenAccount(long id, ApplicantKind kind, String identityNumber, String fullName, String phone,
                             String email, String address, boolean active, boolean hasPassword,
                             boolean linkedToIdentityProvider, Instant createdAt) {

    /** What the session keeps of this account. */
    public CitizenPrincipal principal() {
        return new CitizenPrincipal(id, kind, identityNumber, fullName, phone, email, address);
    }
}
