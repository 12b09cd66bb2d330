package vn.motcua.portal;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;

/**
 * The signed-in citizen or organisation of the portal, kept in the
 * (database-backed) session whichever way they signed in (password or the
 * national identity provider) and given to controllers with
 * {@code @AuthenticationPrincipal}. {@code identityNumber} is the 12-digit
 * citizen ID of a person or the tax code of an organisation: it keys their
 * personal data warehouse and finds their dossiers.
 */
public record CitizenPrincipal(long accountId, ApplicantKind kind, String identityNumber, String fullName,
                               String phone, String email, String address) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The authority every signed-in citizen holds. */
    public static final String ROLE = "ROLE_CITIZEN";

    /** How a citizen is named as the owner of a file and as the actor in the audit trail: {@code citizen:<identity number>}. */
    public static final String ACTOR_PREFIX = "citizen:";

    /**
     * The identity number: what Spring Session stores as the session's
     * {@code PRINCIPAL_NAME}, so a citizen's sessions are found by it
     * (see {@code CitizenSessions}).
     */
    @Override
    public String getName() {
        return identityNumber;
    }

    /** The owner recorded on files this citizen uploads, and the actor in the audit trail. */
    public String fileOwner() {
        return ACTOR_PREFIX + identityNumber;
    }

    /** The authorities of every signed-in citizen: {@link #ROLE} alone. */
    public java.util.List<org.springframework.security.core.GrantedAuthority> authorities() {
        return java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(ROLE));
    }

    /** The authentication a signed-in citizen's session holds, whichever way they signed in. */
    public org.springframework.security.authentication.UsernamePasswordAuthenticationToken authentication() {
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                this, null, authorities());
    }

    /** The applicant of a new dossier, prefilled from the account. */
    public Applicant applicant() {
        return kind == ApplicantKind.ORGANIZATION
                ? new Applicant(kind, fullName, null, identityNumber, phone, email, address)
                : new Applicant(kind, fullName, identityNumber, null, phone, email, address);
    }
}
