package vn.motcua.portal;

import java.time.Instant;
import vn.motcua.dossier.ApplicantKind;

/**
 * A citizen's or organisation's portal account as other code may see it (no
 * password hash). {@code proof} is null until the identity number is proven;
 * a frozen account ({@code frozenAt} set) has given up its identity number
 * (shown here all the same) and can no longer sign in.
 */
public record CitizenAccount(long id, ApplicantKind kind, String identityNumber, String fullName, String phone,
                             String email, String address, boolean active, boolean hasPassword,
                             boolean linkedToIdentityProvider, Instant createdAt, IdentityProof proof, Instant frozenAt) {

    /** What the session keeps of this account. */
    public CitizenPrincipal principal() {
        return new CitizenPrincipal(id, kind, identityNumber, fullName, phone, email, address);
    }

    /** Whether the identity number is proven to be this account's. */
    public boolean proven() {
        return proof != null;
    }

    public boolean frozen() {
        return frozenAt != null;
    }
}
