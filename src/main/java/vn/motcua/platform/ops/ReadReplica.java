package vn.motcua.platform.ops;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.platform.web.DatabaseUnavailable;
import vn.motcua.shared.StaleReads;

/**
 * The read replica of {@link StaleReads}: a small read-only pool on
 * {@code motcua.read-replica.url} (e.g. the streaming standby:
 * {@code jdbc:postgresql://db2:5432/motcua}), or none. A read the replica
 * cannot answer because it is out of reach is answered by the primary. The
 * staleness is the standby's replay lag ({@code bin/cluster status} shows it;
 * {@code pg_stat_replication.replay_lag}), under 50 ms here under load; a
 * standby that falls further behind should be taken out of this setting.
 */
@Component
class ReadReplica implements StaleReads, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

    private final JdbcClient primary;
    private final HikariDataSource pool;
    private final JdbcClient replica;

    ReadReplica(JdbcClient primary,
                @Value("${motcua.read-replica.url:}") String url,
                @Value("${motcua.read-replica.pool:${spring.datasource.hikari.maximum-pool-size:20}}") int size,
                @Value("${spring.datasource.username:postgres}") String user,
                @Value("${spring.datasource.password:}") String password) {
        this.primary = primary;
        if (url == null || url.isBlank()) {
            this.pool = null;
            this.replica = primary;
            return;
        }
        HikariConfig c = new HikariConfig();
        c.setPoolName("read-replica");
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setReadOnly(true);
        c.setMaximumPoolSize(size);
        c.setConnectionTimeout(2000);
        // the pool starts even when the replica is down: reads fall back to the primary meanwhile
        c.setInitializationFailTimeout(-1);
        c.addDataSourceProperty("ApplicationName", "motcua-replica-reads");
        // read-only also outside transactions: a write sent here by mistake fails instead of landing on a primary
        c.addDataSourceProperty("readOnlyMode", "always");
        this.pool = new HikariDataSource(c);
        this.replica = JdbcClient.create(pool);
        log.info("Heavy reads go to the read replica {}", url.replaceAll("password=[^&]*", "password=***"));
    }

    @Override
    public <T> T query(Function<JdbcClient, T> read) {
        if (replica == primary) {
            return read.apply(primary);
        }
        try {
            return read.apply(replica);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.is(e)) {
                throw e;
            }
            log.warn("Read replica out of reach, read from the primary: {}", e.toString());
            return read.apply(primary);
        }
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
