package vn.motcua.portal.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/** Whether login with the national identity provider is configured, and where it starts. */
@Component
public class IdentityProvider {

    private final boolean enabled;

    IdentityProvider(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.enabled = CitizenSecurityConfig.vneid(registrations) != null;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The path that starts the login with the provider. */
    public String loginPath() {
        return CitizenSecurityConfig.AUTHORIZATION_BASE + "/" + CitizenSecurityConfig.VNEID;
    }
}
