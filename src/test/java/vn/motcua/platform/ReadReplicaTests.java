package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.shared.StaleReads;
import vn.motcua.support.IntegrationTest;

/**
 * Heavy reads go to the read replica when one is configured, to the primary
 * otherwise, and to the primary while the replica is out of reach.
 */
class ReadReplicaTests extends IntegrationTest {

    @Autowired
    JdbcClient primary;

    @Autowired
    StaleReads configured;

    @Value("${spring.datasource.url}")
    String url;

    private static final String WHO = "SELECT current_setting('application_name')";

    private static String name(StaleReads reads) {
        return reads.query(j -> j.sql(WHO).query(String.class).single());
    }

    private static String readOnly(StaleReads reads) {
        return reads.query(j -> j.sql("SHOW transaction_read_only").query(String.class).single());
    }

    private StaleReads replicaAt(String replicaUrl) throws Exception {
        Class<?> type = Class.forName("vn.motcua.platform.ops.ReadReplica");
        Constructor<?> c = type.getDeclaredConstructor(JdbcClient.class, String.class, int.class, String.class, String.class);
        c.setAccessible(true);
        return (StaleReads) c.newInstance(primary, replicaUrl, 2, "postgres", "");
    }

    @Test
    void withoutAReplicaTheReadsAreThePrimarys() {
        assertThat(name(configured)).isNotEqualTo("motcua-replica-reads");
    }

    @Test
    void aConfiguredReplicaTakesTheReads() throws Exception {
        StaleReads reads = replicaAt(url);
        try {
            assertThat(name(reads)).isEqualTo("motcua-replica-reads");
            assertThat(readOnly(reads)).isEqualTo("on");
        } finally {
            ((DisposableBean) reads).destroy();
        }
    }

    @Test
    void aReplicaOutOfReachLeavesTheReadsToThePrimary() throws Exception {
        StaleReads reads = replicaAt("jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=1");
        try {
            Integer answer = reads.query(j -> j.sql("SELECT 41 + 1").query(Integer.class).single());
            assertThat(answer).isEqualTo(42);
        } finally {
            ((DisposableBean) reads).destroy();
        }
    }
}
