package vn.motcua.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile: a past of the national sync, so its pages are not empty
 * when no national portal is connected. The demo dossiers' messages (written
 * by their acts) are marked acknowledged except those of the last few
 * dossiers, which stay queued, and three that failed (a 500, a time-out, and
 * one whose retries stopped); a few signed log rows; and last night's
 * reconciliation with a difference of each kind. Runs once: not when a
 * reconciliation is already recorded.
 */
@Component
@Profile("demo")
@Order(50)
class DemoNationalSyncData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNationalSyncData.class);

    private final JdbcClient jdbc;
    private final SyncMessageLog messageLog;
    private final Clock clock;

    DemoNationalSyncData(JdbcClient jdbc, SyncMessageLog messageLog, Clock clock) {
        this.jdbc = jdbc;
        this.messageLog = messageLog;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM ntl_reconciliation").query(Long.class).single() > 0) {
            return;
        }
        List<String> codes = jdbc.sql("SELECT code FROM ntl_dossier ORDER BY last_act_at DESC, code").query(String.class).list();
        if (codes.size() < 12) {
            return;
        }
        List<String> queued = codes.subList(0, 5);
        List<String> failing = codes.subList(5, 8);
        // everything older was acknowledged a minute after its act
        jdbc.sql("""
                UPDATE ntl_outbox SET sent_at = acted_at + interval '1 minute', attempts = 1,
                       sent_as = CASE WHEN act_index = 0 AND act_version = 0 THEN 'CREATE' ELSE 'UPDATE' END
                 WHERE sent_at IS NULL AND NOT (dossier_code = ANY(?))""")
                .param(codes.subList(0, 8).toArray(String[]::new)).update();
        jdbc.sql("""
                UPDATE ntl_dossier d SET known_nationally = true, synced_status = d.status,
                       synced_at = d.last_act_at + interval '1 minute'
                 WHERE NOT (code = ANY(?))""").param(codes.subList(0, 8).toArray(String[]::new)).update();
        Instant now = clock.instant();
        String[] errors = {"DongBoHoSoMC: HTTP 500 error_code= ", "DongBoHoSoMC: timeout after 20000 ms",
                "DongBoHoSoMC: HTTP 200 error_code=-1 Mã thủ tục không có trong CSDL quốc gia"};
        for (int i = 0; i < failing.size(); i++) {
            boolean stopped = i == 2;
            jdbc.sql("""
                    UPDATE ntl_outbox SET attempts = ?, last_error = ?, gave_up = ?, next_attempt_at = ?
                     WHERE id = (SELECT min(id) FROM ntl_outbox WHERE dossier_code = ? AND sent_at IS NULL)""")
                    .params(stopped ? 48 : 3 + i, errors[i], stopped, Timestamp.from(now.plus(Duration.ofMinutes(4 + i))),
                            failing.get(i)).update();
            messageLog.record(new SyncMessageLog.Exchange(null, failing.get(i), failing.get(i) + ":0:0", "DongBoHoSoMC",
                    "https://lgsp.nghean.gov.vn/dvcqg/service", "{\"service\":\"DongBoHoSoMC\",\"session\":\"***\"}",
                    i == 1 ? null : i == 0 ? 500 : 200,
                    i == 1 ? null : i == 0 ? "{\"error\":\"Internal Server Error\"}"
                            : "{\"error_code\":-1,\"message\":\"Mã thủ tục không có trong CSDL quốc gia\"}",
                    i == 1 ? "timeout after 20000 ms" : null, i == 1 ? 20000 : 140, false));
        }
        for (String code : codes.subList(8, 12)) {
            messageLog.record(new SyncMessageLog.Exchange(null, code, code + ":0:1", "DongBoHoSoMC",
                    "https://lgsp.nghean.gov.vn/dvcqg/service", "{\"service\":\"DongBoHoSoMC\",\"session\":\"***\",\"isUpdating\":\"True\"}",
                    200, "{\"error_code\":0,\"message\":\"Cập nhật hồ sơ thành công\"}", null, 85, true));
        }
        Instant to = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofHours(7));
        long run = jdbc.sql("""
                INSERT INTO ntl_reconciliation (window_from, window_to, ran_at, ran_by, local_count, national_count, difference_count)
                VALUES (?, ?, ?, 'system', ?, ?, 3) RETURNING id""")
                .params(Timestamp.from(to.minus(Duration.ofDays(1))), Timestamp.from(to),
                        Timestamp.from(to.plus(Duration.ofMinutes(90))), codes.size(), codes.size() - 2)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO ntl_difference (run_id, dossier_code, kind, local_status, national_status, pending_messages)
                SELECT ?, code, 'MISSING_NATIONALLY', status, NULL, 1 FROM ntl_dossier WHERE code = ?""")
                .params(run, queued.get(0)).update();
        jdbc.sql("""
                INSERT INTO ntl_difference (run_id, dossier_code, kind, local_status, national_status, pending_messages)
                SELECT ?, code, 'STATUS_DIFFERS', status, 4, 1 FROM ntl_dossier WHERE code = ?""")
                .params(run, failing.get(0)).update();
        jdbc.sql("""
                INSERT INTO ntl_difference (run_id, dossier_code, kind, local_status, national_status, pending_messages)
                VALUES (?, '000.00.00.H40-251203-00412', 'UNKNOWN_LOCALLY', NULL, 2, 0)""").param(run).update();
        log.info("Demo national sync: {} dossiers synced, {} queued, {} failing", codes.size() - 8, queued.size(),
                failing.size());
    }
}
