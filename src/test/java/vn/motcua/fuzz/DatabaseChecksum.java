package vn.motcua.fuzz;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of the data a refused write could have touched: for every
 * table of the schema but the logs and bookkeeping (audit trail, sessions,
 * rate counters, remembered idempotent answers, event publications, the
 * outbox, Flyway's history), its row count and the MD5 of its rows' text in
 * a stable order. Two equal fingerprints mean no row was added, removed or
 * changed.
 */
final class DatabaseChecksum {

    /** Tables whose changes a refused call may legitimately cause, or that other threads change meanwhile. */
    static final Set<String> EXCLUDED = Set.of("flyway_schema_history", "audit_entry", "audit_chain_head", "audit_staged", "spring_session",
            "spring_session_attributes", "rate_limit_counter", "idempotent_request", "event_publication",
            "event_publication_archive", "applicant_notice",
            // the feedback module's read model, kept by event listeners on their own threads after another call's commit
            "satisfaction_dossier", "satisfaction_dossier_officer", "satisfaction_rating",
            // the notices' sender (its own thread) records each channel that sent, the SMS channel queues its texts
            "notice_channel_delivery", "sms_message",
            // a rebuild of the 766 read model an accepted call started goes on in its own thread, holding its lock
            "ind_rebuild", "shedlock");

    private final JdbcClient jdbc;
    private final String sql;

    DatabaseChecksum(JdbcClient jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list().stream().filter(t -> !EXCLUDED.contains(t)).toList();
        this.sql = tables.stream()
                .map(t -> "SELECT '" + t + "' || ':' || count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '')"
                        + " AS fp FROM \"" + t + "\" x")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** One line per table: {@code name:rows:md5}. */
    List<String> take() {
        return jdbc.sql(sql).query(String.class).list();
    }

    /** The tables whose lines differ, for the failure message. */
    static List<String> differences(List<String> before, List<String> after) {
        return after.stream().filter(line -> !before.contains(line)).map(line -> line.substring(0, line.indexOf(':'))).toList();
    }
}
