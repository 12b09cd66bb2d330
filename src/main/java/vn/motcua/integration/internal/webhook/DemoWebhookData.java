package vn.motcua.integration.internal.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile: two partner subscriptions with some history (the province's
 * operations centre, receiving every dossier event, and a document-management
 * system paused after failing for a day), and a few text messages in each
 * delivery state, so the webhook and SMS pages are not empty. Runs once: not
 * when a subscription exists. The demo's partners are not reachable from a
 * demo machine: new deliveries to the active one fail and are retried.
 */
@Component
@Profile("demo")
@Order(70)
class DemoWebhookData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWebhookData.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoWebhookData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM webhook_subscription").query(Long.class).single() > 0) {
            return;
        }
        Instant now = clock.instant();
        long ioc = subscription("Trung tâm Giám sát, điều hành đô thị thông minh (IOC) tỉnh Nghệ An",
                "https://ioc.nghean.gov.vn/api/motcua/webhook",
                new String[] {"dossier.received", "dossier.status-changed", "dossier.completed", "dossier.returned"},
                true, 0, null, now.minus(Duration.ofDays(20)));
        long office = subscription("Hệ thống quản lý văn bản và điều hành – Văn phòng UBND tỉnh",
                "https://qlvb.nghean.gov.vn/motcua/hook", new String[] {"feedback.filed", "feedback.answered"},
                false, 20, now.minus(Duration.ofHours(3)), now.minus(Duration.ofDays(30)));
        String[][] delivered = {
            {"dossier.received", "000.00.25.H40-261201-0012", "2"},
            {"dossier.status-changed", "000.00.25.H40-261201-0012", "4"},
            {"dossier.completed", "000.00.25.H40-261128-0007", "9"},
            {"dossier.returned", "000.00.25.H40-261128-0007", "10"}};
        for (int i = 0; i < delivered.length; i++) {
            Instant at = now.minus(Duration.ofHours(30 - i * 5));
            UUID id = delivery(ioc, delivered[i][0], "{\"code\":\"" + delivered[i][1] + "\",\"toStatus\":" + delivered[i][2] + "}",
                    at, "DELIVERED", i == 1 ? 2 : 1, i == 1 ? 200 : 204, null);
            if (i == 1) {
                attempt(id, 1, at, 502, "HTTP 502", 812);
                attempt(id, 2, at.plusSeconds(31), 200, null, 95);
            } else {
                attempt(id, 1, at, 204, null, 120);
            }
        }
        UUID failed = delivery(office, "feedback.filed", "{\"code\":\"PAKN-261204-0003\",\"kind\":\"REFLECTION\"}",
                now.minus(Duration.ofHours(18)), "FAILED", 20, 503, "HTTP 503");
        for (int n = 1; n <= 3; n++) {
            attempt(failed, 17 + n, now.minus(Duration.ofHours(6 - 2L * n + 1)), 503, "HTTP 503", 240);
        }
        sms("demo-1", "RECEIVED", "000.00.25.H40-261201-0012", "0912345678",
                "Hồ sơ 000.00.25.H40-261201-0012 (Cấp phiếu lý lịch tư pháp) đã được tiếp nhận. Hẹn trả: 16:30 ngày 08/12/2026.",
                "DELIVERED", "VT-88120391", now.minus(Duration.ofHours(30)));
        sms("demo-2", "COMPLETED", "000.00.25.H40-261128-0007", "0987654321",
                "Ho so 000.00.25.H40-261128-0007 da co ket qua (so 125/GP). Moi ong/ba den nhan ket qua.",
                "SENT", "VT-88120577", now.minus(Duration.ofHours(2)));
        sms("demo-3", "SUPPLEMENT", "000.00.25.H40-261203-0021", "0977000111",
                "Hồ sơ 000.00.25.H40-261203-0021 cần bổ sung: Bản sao giấy khai sinh.",
                "UNDELIVERED", "VT-88120602", now.minus(Duration.ofHours(5)));
        log.info("Demo webhooks and text messages loaded");
    }

    private long subscription(String partner, String url, String[] types, boolean active, int failures, Instant disabledAt,
                              Instant created) {
        return jdbc.sql("""
                INSERT INTO webhook_subscription (partner, url, event_types, secret, active, consecutive_failures, disabled_at,
                  disabled_reason, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'admin') RETURNING id""")
                .param(partner).param(url).param(types).param(WebhookSigning.newSecret()).param(active).param(failures)
                .param(disabledAt == null ? null : Timestamp.from(disabledAt)).param(active ? null : "FAILURES")
                .param(Timestamp.from(created)).query(Long.class).single();
    }

    private UUID delivery(long subscription, String type, String data, Instant at, String status, int attempts, int last,
                          String error) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, subscription_id, event_type, data, created_at, status, attempts, next_attempt_at,
                  last_attempt_at, last_status, last_error, delivered_at, claimed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')""")
                .param(id).param(subscription).param(type).param(data).param(Timestamp.from(at)).param(status).param(attempts)
                .param(Timestamp.from(at)).param(Timestamp.from(at.plusSeconds(31))).param(last).param(error)
                .param(status.equals("DELIVERED") ? Timestamp.from(at.plusSeconds(31)) : null).update();
        return id;
    }

    private void attempt(UUID delivery, int n, Instant at, int status, String error, int millis) {
        jdbc.sql("INSERT INTO webhook_attempt (delivery_id, attempt, at, status, error, millis, node) VALUES (?, ?, ?, ?, ?, ?, 'demo')")
                .param(delivery).param(n).param(Timestamp.from(at)).param(status).param(error).param(millis).update();
    }

    private void sms(String key, String kind, String code, String phone, String body, String status, String gatewayId,
                     Instant at) {
        jdbc.sql("""
                INSERT INTO sms_message (key, kind, dossier_code, phone, body, status, attempts, next_attempt_at, gateway_id,
                  created_at, sent_at, status_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING""")
                .param(key).param(kind).param(code).param(phone).param(body).param(status).param(Timestamp.from(at))
                .param(gatewayId).param(Timestamp.from(at)).param(Timestamp.from(at.plusSeconds(2)))
                .param(Timestamp.from(at.plusSeconds(40))).update();
    }
}
