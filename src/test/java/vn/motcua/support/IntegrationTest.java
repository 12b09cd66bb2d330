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

    static {
        MAIL.start();
    }

    @org.springframework.test.context.DynamicPropertySource
    static void mailServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
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
