package vn.motcua.shared;

import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads that may lag the primary database by its standby's replication delay:
 * the heavy read paths (the public catalogue, dashboards, indices, reports).
 * When a read replica is configured ({@code MOTCUA_READ_REPLICA_URL}) they run
 * there, and on the primary while the replica is out of reach; otherwise on
 * the primary. Never for a read that must see the caller's own write just
 * made, nor inside a transaction that writes.
 */
public interface StaleReads {

    <T> T query(Function<JdbcClient, T> read);
}
