package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.platform.ops.ActorLogFilter;

/** The log lines of a request name the officer by number only, and nothing is left behind for the next request. */
class ActorLogFilterTests {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOfficerIsLoggedByNumberAndTheKeysAreClearedAfterwards() throws Exception {
        StaffPrincipal me = new StaffPrincipal(42L, "nguyenvana", "Nguyễn Văn A", Set.of(Role.SPECIALIST));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, List.of()));
        List<String> seen = new ArrayList<>();
        new ActorLogFilter().doFilter(new MockHttpServletRequest("GET", "/dossiers"), new MockHttpServletResponse(),
                (req, res) -> {
                    MDC.put(ActorLogFilter.UNIT, "7");
                    seen.add(MDC.get(ActorLogFilter.ACTOR));
                });
        assertThat(seen).containsExactly("staff-42");
        assertThat(MDC.get(ActorLogFilter.ACTOR)).isNull();
        assertThat(MDC.get(ActorLogFilter.UNIT)).isNull();
    }

    @Test
    void anAnonymousCallerHasNoActor() throws Exception {
        List<String> seen = new ArrayList<>();
        new ActorLogFilter().doFilter(new MockHttpServletRequest("GET", "/public/procedures"), new MockHttpServletResponse(),
                (req, res) -> seen.add(String.valueOf(MDC.get(ActorLogFilter.ACTOR))));
        assertThat(seen).containsExactly("null");
    }
}
