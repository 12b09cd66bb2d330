package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.motcua.platform.web.LimitResponses;
import vn.motcua.platform.web.RateLimitFilter;
import vn.motcua.platform.web.RateLimitProperties;
import vn.motcua.platform.web.RateLimiter;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;

/**
 * The rate limits, counted in PostgreSQL: over the limit → 429 with
 * Retry-After (problem+json on the API, a Vietnamese page elsewhere); another
 * address or account is not affected; two nodes (two filters over the same
 * database) share the counts; a window expires on a clock the test moves.
 * The suite's own limits are high (every test comes from 127.0.0.1), so these
 * tests build filters with small limits of their own.
 */
class RateLimitTests extends IntegrationTest {

    private static final AtomicInteger RULES = new AtomicInteger();
    /** 10:00:10 in a minute-aligned window: 50 s left of a one-minute window. */
    private static final Instant T0 = Instant.parse("2030-03-04T03:00:10Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LimitResponses responses;

    @Autowired
    RateLimitProperties configured;

    @Autowired
    @Qualifier("rateLimitFilter")
    FilterRegistrationBean<RateLimitFilter> registered;

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter security;

    private final TestClock time = new TestClock();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A rule with a name of its own, so no other test's counts are seen. */
    private static Map<String, RateLimitProperties.Rule> rule(List<String> methods, List<String> paths, String required,
                                                             int perAddress, int perAccount, String accountParameter) {
        Map<String, RateLimitProperties.Rule> rules = new LinkedHashMap<>();
        rules.put("t" + RULES.incrementAndGet() + "-" + System.nanoTime(),
                new RateLimitProperties.Rule(methods, paths, required, perAddress, perAccount, Duration.ofMinutes(1), accountParameter));
        return rules;
    }

    private RateLimitFilter node(Map<String, RateLimitProperties.Rule> rules) {
        return new RateLimitFilter(rules, new RateLimiter(jdbc, time), responses);
    }

    private static MockHttpServletRequest request(String method, String path, String address) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        r.setRemoteAddr(address);
        return r;
    }

    private static MockHttpServletResponse call(RateLimitFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(200); // passed on to the application
        }
        return response;
    }

    @Test
    void overTheLimitTheApiAnswers429WithRetryAfterAndAnotherAddressIsNotAffected() throws Exception {
        time.pin(T0);
        RateLimitFilter filter = node(rule(List.of("GET"), List.of("/api/v1/tracking/**"), null, 3, 0, null));
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, request("GET", "/api/v1/tracking/HS-" + i, "203.0.113.7")).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(filter, request("GET", "/api/v1/tracking/HS-9", "203.0.113.7"));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("50");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429").contains("\"retryAfterSeconds\":50")
                .contains("Quá nhiều yêu cầu");
        // another address, and a request no rule counts, go through
        assertThat(call(filter, request("GET", "/api/v1/tracking/HS-9", "203.0.113.8")).getStatus()).isEqualTo(200);
        assertThat(call(filter, request("GET", "/api/v1/units", "203.0.113.7")).getStatus()).isEqualTo(200);
        assertThat(call(filter, request("POST", "/api/v1/tracking/HS-9", "203.0.113.7")).getStatus()).isEqualTo(200);
    }

    @Test
    void twoNodesShareTheCounts() throws Exception {
        time.pin(T0);
        Map<String, RateLimitProperties.Rule> rules = rule(List.of(), List.of("/public/tracking/**"), null, 4, 0, null);
        RateLimitFilter a = node(rules);
        RateLimitFilter b = node(rules);
        assertThat(call(a, request("GET", "/public/tracking/HS-1", "198.51.100.1")).getStatus()).isEqualTo(200);
        assertThat(call(b, request("GET", "/public/tracking/HS-1", "198.51.100.1")).getStatus()).isEqualTo(200);
        assertThat(call(a, request("GET", "/public/tracking/HS-1", "198.51.100.1")).getStatus()).isEqualTo(200);
        assertThat(call(b, request("GET", "/public/tracking/HS-1", "198.51.100.1")).getStatus()).isEqualTo(200);
        assertThat(call(a, request("GET", "/public/tracking/HS-1", "198.51.100.1")).getStatus()).isEqualTo(429);
        assertThat(call(b, request("GET", "/public/tracking/HS-1", "198.51.100.1")).getStatus()).isEqualTo(429);
        // the database holds one counter for the address, shared, and never the address itself
        assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_counter WHERE bucket LIKE ? AND hits = 6")
                .param(rules.keySet().iterator().next() + ":a:%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM rate_limit_counter WHERE bucket LIKE '%198.51.100.1%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theWindowExpiresOnTheClock() throws Exception {
        time.pin(T0);
        RateLimitFilter filter = node(rule(List.of("GET"), List.of("/public/procedures"), "q", 2, 0, null));
        MockHttpServletRequest search = request("GET", "/public/procedures", "192.0.2.44");
        search.setParameter("q", "ho tich");
        assertThat(call(filter, search).getStatus()).isEqualTo(200);
        assertThat(call(filter, search).getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(filter, search);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("50");
        // a page, in Vietnamese, saying how long to wait
        assertThat(refused.getContentType()).startsWith("text/html");
        assertThat(refused.getContentAsString()).contains("Bạn đã gửi quá nhiều yêu cầu").contains("Vui lòng thử lại sau 50 giây.");
        // the catalogue without a search text is not counted
        assertThat(call(filter, request("GET", "/public/procedures", "192.0.2.44")).getStatus()).isEqualTo(200);
        time.pin(T0.plusSeconds(49));
        assertThat(call(filter, search).getStatus()).isEqualTo(429);
        time.pin(T0.plusSeconds(50)); // the next window
        assertThat(call(filter, search).getStatus()).isEqualTo(200);
        assertThat(call(filter, search).getStatus()).isEqualTo(200);
        assertThat(call(filter, search).getStatus()).isEqualTo(429);
    }

    @Test
    void anAccountIsLimitedAcrossAddressesAndAnotherAccountIsNot() throws Exception {
        time.pin(T0);
        RateLimitFilter filter = node(rule(List.of("POST"), List.of("/portal/password/forgot"), null, 100, 2, "login"));
        for (String address : List.of("10.1.0.1", "10.1.0.2")) {
            MockHttpServletRequest r = request("POST", "/portal/password/forgot", address);
            r.setParameter("login", "Mai@Example.vn ");
            assertThat(call(filter, r).getStatus()).isEqualTo(200);
        }
        MockHttpServletRequest third = request("POST", "/portal/password/forgot", "10.1.0.3");
        third.setParameter("login", "mai@example.vn");
        MockHttpServletResponse refused = call(filter, third);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("Vui lòng thử lại sau 50 giây.");
        MockHttpServletRequest other = request("POST", "/portal/password/forgot", "10.1.0.3");
        other.setParameter("login", "lan@example.vn");
        assertThat(call(filter, other).getStatus()).isEqualTo(200);

        // a signed-in account is counted by its name, wherever it calls from
        RateLimitFilter otp = node(rule(List.of("POST"), List.of("/portal/identity/otp"), null, 100, 1, null));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("079012345678", null, "ROLE_CITIZEN"));
        assertThat(call(otp, request("POST", "/portal/identity/otp", "10.2.0.1")).getStatus()).isEqualTo(200);
        assertThat(call(otp, request("POST", "/portal/identity/otp", "10.2.0.2")).getStatus()).isEqualTo(429);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("079012345679", null, "ROLE_CITIZEN"));
        assertThat(call(otp, request("POST", "/portal/identity/otp", "10.2.0.2")).getStatus()).isEqualTo(200);
    }

    /** Through the real application (security, controllers, database) with a filter of small limits. */
    @Test
    void theLimitsHoldThroughTheApplication() throws Exception {
        time.pin(T0);
        Map<String, RateLimitProperties.Rule> rules = new LinkedHashMap<>();
        rules.putAll(rule(List.of(), List.of("/public/tracking", "/public/tracking/**", "/api/v1/tracking/**"), null, 2, 2, null));
        rules.putAll(rule(List.of("POST"), List.of("/portal/register"), null, 50, 1, "identityNumber"));
        MockMvc app = MockMvcBuilders.webAppContextSetup(context).addFilters(security, node(rules)).build();
        RequestPostProcessor from = r -> {
            r.setRemoteAddr("172.16.5.5");
            return r;
        };
        app.perform(get("/api/v1/tracking/KHONG-CO").with(from)).andExpect(status().isNotFound());
        app.perform(get("/public/tracking/KHONG-CO").with(from)).andExpect(status().isOk()); // the page says it is unknown
        app.perform(get("/api/v1/tracking/KHONG-CO").with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "50"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429));
        app.perform(get("/public/tracking/KHONG-CO").with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("Vui lòng thử lại sau 50 giây.")));

        String id = vn.motcua.support.Fixtures.identityNumber("0790", 12);
        app.perform(post("/portal/register").with(csrf()).with(from).param("identityNumber", id).param("kind", "PERSON"))
                .andExpect(status().isOk()); // the form again, with its errors
        app.perform(post("/portal/register").with(csrf()).with(from).param("identityNumber", id).param("kind", "PERSON"))
                .andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_account WHERE identity_number = ?").param(id).query(Long.class).single())
                .isZero();
    }

    /** The surfaces the brief names are all counted by the configured rules, each by its own. */
    @Test
    void theConfiguredRulesCoverEveryLimitedSurface() {
        RateLimitFilter filter = registered.getFilter();
        assertThat(filter.rulesFor(request("POST", "/portal/register", "x"))).containsExactly("register");
        assertThat(filter.rulesFor(request("GET", "/portal/register", "x"))).isEmpty();
        assertThat(filter.rulesFor(request("POST", "/portal/password/forgot", "x"))).containsExactly("password-reset");
        assertThat(filter.rulesFor(request("POST", "/portal/identity/otp", "x"))).containsExactly("identity-otp");
        assertThat(filter.rulesFor(request("POST", "/portal/identity/otp/verify", "x"))).containsExactly("identity-otp-verify");
        assertThat(filter.rulesFor(request("GET", "/public/tracking/HS-1", "x"))).containsExactly("tracking");
        assertThat(filter.rulesFor(request("GET", "/public/tracking", "x"))).containsExactly("tracking");
        assertThat(filter.rulesFor(request("GET", "/api/v1/tracking/HS-1", "x"))).containsExactly("tracking");
        MockHttpServletRequest search = request("GET", "/api/v1/procedures", "x");
        assertThat(filter.rulesFor(search)).isEmpty();
        search.setParameter("q", "ho tich");
        assertThat(filter.rulesFor(search)).containsExactly("search");
        MockHttpServletRequest page = request("GET", "/public/procedures", "x");
        page.setParameter("q", "ho tich");
        assertThat(filter.rulesFor(page)).containsExactly("search");
        // the test profile raises the numbers only; the windows and forms come from application.yml
        assertThat(configured.rules().get("register").window()).isEqualTo(Duration.ofHours(1));
        assertThat(configured.rules().get("register").accountParameter()).isEqualTo("identityNumber");
        assertThat(configured.rules().get("identity-otp").window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(configured.rules().get("search").perAddress()).isEqualTo(1_000_000);
    }
}
