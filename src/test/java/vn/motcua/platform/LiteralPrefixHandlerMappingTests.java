package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import vn.motcua.support.IntegrationTest;

/**
 * The request mapping passes over mappings whose literal beginning cannot
 * match (a speed-up): for a request made from every pattern of the
 * application, it must choose the same handler as Spring MVC's exhaustive
 * search over every mapping.
 */
class LiteralPrefixHandlerMappingTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theMappingIsTheFilteringOne() {
        assertThat(mapping.getClass().getSimpleName()).isEqualTo("LiteralPrefixHandlerMapping");
    }

    @Test
    void everyPatternOfTheApplicationFindsTheSameHandlerAsTheExhaustiveSearch() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : all.entrySet()) {
            RequestMappingInfo info = e.getKey();
            if (info.getPathPatternsCondition() == null || !info.getParamsCondition().isEmpty()
                    || !info.getHeadersCondition().isEmpty()) {
                continue;
            }
            for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
                for (String sample : List.of("x", "Hồ sơ 1")) {
                    MockHttpServletRequest request = request(info, concrete(p.getPatternString(), sample));
                    HandlerExecutionChain chain = mapping.getHandler(request);
                    HandlerMethod expected = exhaustive(all, request);
                    assertThat(chain).as(request.getMethod() + " " + request.getRequestURI()).isNotNull();
                    assertThat(((HandlerMethod) chain.getHandler()).getMethod())
                            .as(request.getMethod() + " " + request.getRequestURI()).isEqualTo(expected.getMethod());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void aPathNoMappingBeginsIsStillAnswered404Not500() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/khong-co/gi"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is4xxClientError());
    }

    private static MockHttpServletRequest request(RequestMappingInfo info, String path) {
        RequestMethod method = info.getMethodsCondition().getMethods().stream().findFirst().orElse(RequestMethod.GET);
        MockHttpServletRequest r = new MockHttpServletRequest(method.name(), encode(path));
        r.addHeader("Accept", "*/*");
        if (!info.getConsumesCondition().isEmpty()) {
            r.setContentType(info.getConsumesCondition().getConsumableMediaTypes().iterator().next().toString());
        }
        ServletRequestPathUtils.parseAndCache(r);
        return r;
    }

    /** A request path the pattern matches: each variable or wildcard replaced by the sample text. */
    private static String concrete(String pattern, String sample) {
        return pattern.replaceAll("\\{\\*[^}]*}", "/" + sample).replaceAll("\\{[^}]*}", sample)
                .replace("**", sample).replace("*", sample);
    }

    private static String encode(String path) {
        return org.springframework.web.util.UriUtils.encodePath(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Spring MVC's own rule: of every mapping that matches, the most specific for this request. */
    private static HandlerMethod exhaustive(Map<RequestMappingInfo, HandlerMethod> all, MockHttpServletRequest request) {
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> matches = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : all.entrySet()) {
            RequestMappingInfo m = e.getKey().getMatchingCondition(request);
            if (m != null) {
                matches.add(Map.entry(m, e.getValue()));
            }
        }
        matches.sort((a, b) -> a.getKey().compareTo(b.getKey(), request));
        assertThat(matches).as("some mapping matches " + request.getRequestURI()).isNotEmpty();
        return matches.get(0).getValue();
    }
}
