package vn.motcua.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.portal.RatingService;
import vn.motcua.support.IntegrationTest;

/**
 * A rating link signed by one node opens on every other, and after a restart:
 * the key is kept in the database (made once, first node wins) unless one is
 * configured.
 */
class RatingLinksTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RatingService ratings;

    @Test
    void twoNodesAgreeAndALinkSignedBeforeARestartStillOpens() {
        RatingLinks nodeA = new RatingLinks(jdbc, "");
        RatingLinks nodeB = new RatingLinks(jdbc, "");
        String token = nodeA.token("000.00.00.H40-260302-0001");
        assertThat(nodeB.token("000.00.00.H40-260302-0001")).isEqualTo(token);
        assertThat(nodeB.valid("000.00.00.H40-260302-0001", token)).isTrue();
        assertThat(nodeB.valid("000.00.00.H40-260302-0002", token)).isFalse();
        assertThat(nodeB.valid("000.00.00.H40-260302-0001", null)).isFalse();

        RatingLinks afterRestart = new RatingLinks(jdbc, "");
        assertThat(afterRestart.valid("000.00.00.H40-260302-0001", token)).isTrue();
        // the running application signs with the same key
        assertThat(ratings.validToken("000.00.00.H40-260302-0001", token)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM app_secret WHERE name = ?").param(RatingLinks.SECRET_NAME)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aConfiguredSecretIsUsedInsteadOfTheDatabasesAndAgreesAcrossNodes() {
        RatingLinks a = new RatingLinks(jdbc, "secret-from-the-configuration");
        RatingLinks b = new RatingLinks(jdbc, "secret-from-the-configuration");
        String token = a.token("X-1");
        assertThat(b.valid("X-1", token)).isTrue();
        assertThat(new RatingLinks(jdbc, "").valid("X-1", token)).isFalse();
    }
}
