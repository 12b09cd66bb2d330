package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import vn.motcua.support.IntegrationTest;

/**
 * Two requests of one session, each loading it before the other saved, both
 * add the same attribute: the second save must not fail on the attribute's
 * primary key (it did, as a server error, with two tabs opened at once).
 */
class SessionAttributeRaceTests extends IntegrationTest {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void twoRequestsAddingTheSameAttributeBothSave() {
        Session created = sessions.createSession();
        save(created);
        Session first = sessions.findById(created.getId());
        Session second = sessions.findById(created.getId());
        first.setAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "a");
        second.setAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "b");
        save(first);
        save(second);
        Session saved = sessions.findById(created.getId());
        assertThat((String) saved
                .getAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN")).isEqualTo("b");
        sessions.deleteById(created.getId());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void save(Session session) {
        ((org.springframework.session.SessionRepository) sessions).save(session);
    }
}
