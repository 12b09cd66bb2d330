package vn.motcua.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of every integration test: one Spring context shared by all of them
 * (same annotations everywhere, so the context cache reuses it), the real
 * PostgreSQL, the demo data loaded once, a real server on a random port for
 * browser tests and MockMvc for the rest. Each test makes its own data
 * through {@link Fixtures}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@Import(TestSupportConfig.class)
public abstract class IntegrationTest {

    /** A real SMTP server for the whole run; the application sends its e-mail here. */
    public static final com.icegreen.greenmail.util.GreenMail MAIL =
            new com.icegreen.greenmail.util.GreenMail(com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());

    /** A real OpenID Connect provider for the whole run, standing in for VNeID (see {@link testsupport.oidc.OidcTestProvider}). */
    public static final String OIDC_ISSUER;

    static {
        MAIL.start();
        OIDC_ISSUER = testsupport.oidc.OidcTestProvider.start();
    }

    @org.springframework.test.context.DynamicPropertySource
    static void mailServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /**
     * The outside systems' adapters talk to real HTTP servers on loopback
     * (see {@link testsupport.farside.FarSides}): motcua.integration.NAME.url.
     */
    @org.springframework.test.context.DynamicPropertySource
    static void farSides(org.springframework.test.context.DynamicPropertyRegistry registry) {
        for (testsupport.farside.FarSide side : testsupport.farside.FarSides.all()) {
            registry.add("motcua.integration." + side.name() + ".url", side::baseUrl);
        }
    }

    @org.springframework.test.context.DynamicPropertySource
    static void identityProvider(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String vneid = "spring.security.oauth2.client.registration.vneid.";
        registry.add(vneid + "client-id", () -> testsupport.oidc.OidcTestProvider.CLIENT_ID);
        registry.add(vneid + "client-secret", () -> testsupport.oidc.OidcTestProvider.CLIENT_SECRET);
        registry.add(vneid + "scope", () -> "openid,profile,email");
        registry.add(vneid + "client-name", () -> "VNeID");
        registry.add("spring.security.oauth2.client.provider.vneid.issuer-uri", () -> OIDC_ISSUER);
    }

    /**
     * The first e-mail to the address whose subject contains the text (any
     * subject for ""). Mail leaves on another thread: wait, bounded, for it.
     */
    protected static jakarta.mail.internet.MimeMessage awaitMail(String address, String subjectPart) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(30));
        while (java.time.Instant.now().isBefore(deadline)) {
            MAIL.waitForIncomingEmail(500, 1);
            for (jakarta.mail.internet.MimeMessage m : MAIL.getReceivedMessages()) {
                if (java.util.Arrays.stream(m.getRecipients(jakarta.mail.Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address)) && m.getSubject().contains(subjectPart)) {
                    return m;
                }
            }
        }
        throw new AssertionError("no e-mail to " + address + " about \"" + subjectPart + "\"");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected TestClock clock;

    @LocalServerPort
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
