package vn.motcua.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** Login with VNeID exists only when its client registration is configured, and always returns to the portal. */
class IdentityProviderTests {

    private static ClientRegistration registration(String id, String redirectUri) {
        ClientRegistration.Builder b = ClientRegistration.withRegistrationId(id).clientId("portal").clientSecret("s")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationUri("https://idp.example/authorize").tokenUri("https://idp.example/token")
                .jwkSetUri("https://idp.example/jwks").scope("openid");
        return b.redirectUri(redirectUri).build();
    }

    private static StaticListableBeanFactory with(ClientRegistrationRepository repository) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (repository != null) {
            beans.addBean("clientRegistrationRepository", repository);
        }
        return beans;
    }

    @Test
    void withoutARegistrationThereIsNoVneidLogin() {
        assertThat(new IdentityProvider(with(null).getBeanProvider(ClientRegistrationRepository.class)).enabled()).isFalse();
        var otherOnly = new InMemoryClientRegistrationRepository(registration("other", "{baseUrl}/login/oauth2/code/{registrationId}"));
        assertThat(new IdentityProvider(with(otherOnly).getBeanProvider(ClientRegistrationRepository.class)).enabled()).isFalse();
    }

    @Test
    void theProviderRedirectsBackIntoThePortal() {
        var standard = new InMemoryClientRegistrationRepository(registration("vneid", "{baseUrl}/{action}/oauth2/code/{registrationId}"));
        assertThat(CitizenSecurityConfig.vneid(with(standard).getBeanProvider(ClientRegistrationRepository.class)).getRedirectUri())
                .isEqualTo("{baseUrl}/portal/login/oauth2/code/{registrationId}");
        var explicit = new InMemoryClientRegistrationRepository(registration("vneid", "https://dvc.nghean.gov.vn/portal/login/oauth2/code/vneid"));
        assertThat(CitizenSecurityConfig.vneid(with(explicit).getBeanProvider(ClientRegistrationRepository.class)).getRedirectUri())
                .isEqualTo("https://dvc.nghean.gov.vn/portal/login/oauth2/code/vneid");
        assertThat(new IdentityProvider(with(standard).getBeanProvider(ClientRegistrationRepository.class)).loginPath())
                .isEqualTo("/portal/oauth2/authorization/vneid");
    }
}
