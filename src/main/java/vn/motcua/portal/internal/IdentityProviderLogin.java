package vn.motcua.portal.internal;

import java.io.Serial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.IdentityClaims;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;

/**
 * After the identity provider (VNeID) has answered: reads the user (ID token,
 * and the user-info endpoint when the provider has one), then finds or makes
 * the portal account from its claims. A missing or invalid identity-number
 * claim, or an account that cannot be used, fails the login with an error
 * code the login page explains.
 */
class IdentityProviderLogin implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Error codes the login page shows ({@code /portal/login?error=…}). */
    static final String INVALID_IDENTITY = "vneid-identity";
    static final String ACCOUNT_UNUSABLE = "vneid-account";

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderLogin.class);

    /** The provider's user with the portal account it signed in. */
    static final class CitizenOidcUser extends DefaultOidcUser {

        @Serial
        private static final long serialVersionUID = 1L;
        private final CitizenPrincipal citizen;

        CitizenOidcUser(OidcUser user, CitizenPrincipal citizen) {
            super(citizen.authorities(), user.getIdToken(), user.getUserInfo());
            this.citizen = citizen;
        }

        CitizenPrincipal citizen() {
            return citizen;
        }
    }

    private final OidcUserService delegate = new OidcUserService();
    private final CitizenAccounts accounts;
    private final String identityClaim;

    IdentityProviderLogin(CitizenAccounts accounts, String identityClaim) {
        this.accounts = accounts;
        this.identityClaim = identityClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        Object identity = user.getClaims().get(identityClaim);
        try {
            CitizenPrincipal citizen = accounts.signInWithIdentityProvider(new IdentityClaims(user.getSubject(),
                    identity == null ? null : identity.toString(), user.getFullName(), user.getEmail(), user.getPhoneNumber()));
            return new CitizenOidcUser(user, citizen);
        } catch (InvalidInput e) {
            log.warn("Identity provider login refused: claim '{}' missing or invalid", identityClaim);
            throw new OAuth2AuthenticationException(new OAuth2Error(INVALID_IDENTITY), "identity claim missing or invalid", e);
        } catch (DomainRuleViolation e) {
            log.warn("Identity provider login refused: {}", e.rule());
            throw new OAuth2AuthenticationException(new OAuth2Error(ACCOUNT_UNUSABLE), e.rule(), e);
        }
    }
}
