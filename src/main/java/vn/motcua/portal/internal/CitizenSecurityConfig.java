package vn.motcua.portal.internal;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.platform.security.LoginThrottle;
import vn.motcua.platform.security.SecurityConfig;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;

/**
 * The citizen portal's filter chain ({@code /portal/**}), ordered between the
 * API's and the staff pages': a login form by identity number and password,
 * and, when a client registration {@code vneid} is configured, login with the
 * national identity provider over OpenID Connect. Whichever way, the session
 * (in PostgreSQL, shared with the staff pages) holds a
 * {@link vn.motcua.portal.CitizenPrincipal} with the authority
 * {@code ROLE_CITIZEN}, which every non-public portal page needs. Every
 * login, either way, and every refusal is in the audit trail with the client's
 * address ({@code citizen.login.succeeded}, {@code citizen.login.vneid},
 * {@code citizen.login.failed}). CSRF, the
 * security headers and the Content Security Policy are the staff pages'.
 */
@Configuration(proxyBeanMethods = false)
class CitizenSecurityConfig {

    /** The registration id of the national identity provider (VNeID). */
    static final String VNEID = "vneid";
    /** Audit kind of a login with the identity provider, and the failure reason of a refused one. */
    static final String VNEID_SUCCEEDED = "citizen.login.vneid";
    static final String VNEID_FAILED = "VNEID";
    static final String AUTHORIZATION_BASE = "/portal/oauth2/authorization";
    static final String REDIRECTION_BASE = "/portal/login/oauth2/code/*";
    private static final String REDIRECT_URI = "{baseUrl}/portal/login/oauth2/code/{registrationId}";

    static final String[] PUBLIC = {
        "/portal/login", "/portal/register", "/portal/password/**", "/portal/oauth2/**", "/portal/login/oauth2/**"
    };

    @Bean
    @Order(2)
    SecurityFilterChain citizenChain(HttpSecurity http, CitizenAccountStore store, CitizenAccounts accounts,
                                     PasswordEncoder encoder, LoginThrottle throttle, AuditTrail audit, Clock clock,
                                     CitizenSignIn signIn,
                                     ObjectProvider<ClientRegistrationRepository> registrations,
                                     @Value("${motcua.vneid.identity-claim:citizen_id}") String identityClaim)
            throws Exception {
        // only the portal's provider: no falling back to the staff accounts' authentication manager
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.securityMatcher("/portal/**")
                .authenticationProvider(new CitizenAuthenticationProvider(store, accounts, encoder, throttle, audit, clock))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().hasAuthority(vn.motcua.portal.CitizenPrincipal.ROLE))
                .securityContext(c -> c.securityContextRepository(signIn.contextRepository()))
                .requestCache(c -> c.requestCache(signIn.requestCache()))
                .formLogin(f -> f.loginPage("/portal/login").loginProcessingUrl("/portal/login")
                        .usernameParameter("identityNumber").passwordParameter("password").permitAll()
                        .successHandler((req, res, auth) -> res.sendRedirect(signIn.target(req, res)))
                        // one answer whether the number is unknown, the password wrong, the account locked, disabled
                        // or frozen, or the address throttled (the provider audits the reason)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/portal/login?error=bad")))
                .logout(l -> l.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(SecurityConfig.CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        ClientRegistration vneid = vneid(registrations);
        if (vneid != null) {
            http.oauth2Login(o -> o.loginPage("/portal/login")
                    .clientRegistrationRepository(new InMemoryClientRegistrationRepository(vneid))
                    .authorizedClientRepository(new NoAuthorizedClients())
                    .authorizationEndpoint(e -> e.baseUri(AUTHORIZATION_BASE))
                    .redirectionEndpoint(r -> r.baseUri(REDIRECTION_BASE))
                    .userInfoEndpoint(u -> u.oidcUserService(new IdentityProviderLogin(accounts, identityClaim)))
                    .successHandler((req, res, auth) -> {
                        // the session gets the same authentication as a password login: a CitizenPrincipal
                        IdentityProviderLogin.CitizenOidcUser user = (IdentityProviderLogin.CitizenOidcUser) auth.getPrincipal();
                        CitizenPrincipal citizen = user.citizen();
                        signIn.signIn(citizen, req, res);
                        audit.recordAlone(AuditEntry.of(VNEID_SUCCEEDED, citizen.fileOwner(), "citizen", citizen.identityNumber())
                                .detail("vneid; account " + citizen.accountId() + "; subject " + user.getSubject())
                                .address(req.getRemoteAddr()));
                        res.sendRedirect(signIn.target(req, res));
                    })
                    .failureHandler((req, res, ex) -> {
                        String code = ex instanceof OAuth2AuthenticationException failure
                                && (IdentityProviderLogin.INVALID_IDENTITY.equals(failure.getError().getErrorCode())
                                    || IdentityProviderLogin.ACCOUNT_UNUSABLE.equals(failure.getError().getErrorCode()))
                                ? failure.getError().getErrorCode() : "vneid";
                        // no account to name: the claims were refused or the provider's answer never came through
                        audit.recordAlone(AuditEntry.of(CitizenAuthenticationProvider.FAILED, VNEID, "citizen", null)
                                .reason(VNEID_FAILED).detail("vneid; " + code).address(req.getRemoteAddr()));
                        res.sendRedirect(req.getContextPath() + "/portal/login?error=" + code);
                    }));
        }
        return http.build();
    }

    /**
     * The configured {@code vneid} registration, with the portal's redirect URI unless one under
     * {@code /portal/login/oauth2/code/} was configured; null when there is none.
     */
    static ClientRegistration vneid(ObjectProvider<ClientRegistrationRepository> registrations) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        ClientRegistration r = repository == null ? null : repository.findByRegistrationId(VNEID);
        if (r == null) {
            return null;
        }
        String redirect = r.getRedirectUri();
        return redirect != null && redirect.contains("/portal/login/oauth2/code/") ? r
                : ClientRegistration.withClientRegistration(r).redirectUri(REDIRECT_URI).build();
    }

    /**
     * The portal calls none of the provider's APIs after the login, so the provider's access
     * token is kept nowhere (neither in memory, where it would pile up, nor in the session).
     */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends org.springframework.security.oauth2.client.OAuth2AuthorizedClient> T loadAuthorizedClient(
                String registrationId, org.springframework.security.core.Authentication principal,
                jakarta.servlet.http.HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(org.springframework.security.oauth2.client.OAuth2AuthorizedClient client,
                                         org.springframework.security.core.Authentication principal,
                                         jakarta.servlet.http.HttpServletRequest request,
                                         jakarta.servlet.http.HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, org.springframework.security.core.Authentication principal,
                                           jakarta.servlet.http.HttpServletRequest request,
                                           jakarta.servlet.http.HttpServletResponse response) {
        }
    }
}
