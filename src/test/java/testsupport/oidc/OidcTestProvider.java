package testsupport.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests, standing in for the national
 * identity provider (VNeID): Spring Authorization Server as a small Spring
 * application of its own on a random loopback port, started once per JVM
 * before the application's context. It lives outside the application's
 * packages so the application's component scan never sees it, and it loads
 * only the auto-configuration a web server with Spring Security needs (no
 * DataSource, Flyway, Modulith or sessions; it reads no application.yml).
 *
 * <p>The client {@code motcua-portal} may redirect to
 * {@code http://127.0.0.1/portal/login/oauth2/code/vneid} on any port (the
 * loopback rule of RFC 8252), asks no consent, and gets an ID token with
 * {@code citizen_id}, {@code name} and {@code email} of the user who signed
 * in. Tests add their own users ({@link #addUser}), each with unique claims.
 */
public final class OidcTestProvider {

    public static final String CLIENT_ID = "motcua-portal";
    public static final String CLIENT_SECRET = "test-secret-for-the-portal";
    public static final String REDIRECT_URI = "http://127.0.0.1/portal/login/oauth2/code/vneid";

    /** A user of the provider and the claims its ID token carries (a null claim is left out). */
    public record TestUser(String password, String citizenId, String name, String email) {
    }

    private static final Map<String, TestUser> USERS = new ConcurrentHashMap<>();
    private static volatile ConfigurableApplicationContext context;

    private OidcTestProvider() {
    }

    /** Starts the provider once; returns its issuer, {@code http://127.0.0.1:<port>}. */
    public static synchronized String start() {
        if (context == null) {
            context = new SpringApplicationBuilder(ProviderApplication.class)
                    .properties("spring.config.name=oidc-test-provider", "server.address=127.0.0.1", "server.port=0",
                            "spring.main.banner-mode=off", "spring.main.register-shutdown-hook=true",
                            "logging.level.root=WARN")
                    .run();
        }
        return issuer();
    }

    public static String issuer() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }

    public static void addUser(String username, TestUser user) {
        USERS.put(username, user);
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class,
        org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
        org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class
    })
    static class ProviderApplication {

        /** The protocol endpoints; a browser without a session is sent to the login form. */
        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(as -> {
                        http.securityMatcher(as.getEndpointsMatcher());
                        as.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    // the user-info endpoint takes the access token
                    .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
            return http.build();
        }

        /** The provider's own login form (Spring Security's generated page). */
        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return username -> {
                TestUser u = USERS.get(username);
                if (u == null) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username).password("{noop}" + u.password()).roles("USER").build();
            };
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT_URI)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        /** The national identity number, name and e-mail of the user go into the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                TestUser u = USERS.get(context.getPrincipal().getName());
                if (u == null) {
                    return;
                }
                Map<String, Object> claims = new LinkedHashMap<>();
                claims.put("citizen_id", u.citizenId());
                claims.put("name", u.name());
                claims.put("email", u.email());
                claims.forEach((k, v) -> {
                    if (v != null) {
                        context.getClaims().claim(k, v);
                    }
                });
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
