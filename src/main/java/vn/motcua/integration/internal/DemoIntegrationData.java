package vn.motcua.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OfficerScope;

/**
 * Demo profile: the online-payment page is not empty — a few payments of
 * demo dossiers made through the payment platform (with their transaction
 * ids), and yesterday's reconciliation with one difference each way — and a
 * few look-ups in the population database with their consent, as the desk
 * and the portal make them. Written to this module's own tables only (the
 * dossiers are read through the dossier module's API and not changed); runs
 * once. The platforms themselves are not connected in the demo, so the pages
 * also show what "not connected" looks like.
 */
@Component
@Profile("demo")
@Order(60)
class DemoIntegrationData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIntegrationData.class);

    private final DossierService dossiers;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoIntegrationData(DossierService dossiers, JdbcClient jdbc, Clock clock) {
        this.dossiers = dossiers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            plant();
        } catch (RuntimeException e) {
            // demo data never stops the application
            log.warn("Demo online payments not planted: {}", e.getMessage());
        }
    }

    private void plant() {
        if (jdbc.sql("SELECT count(*) FROM integration_payment_reconciliation").query(Long.class).single() > 0) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        LocalDate yesterday = LocalDate.ofInstant(now, CalendarService.ZONE).minusDays(1);
        Instant paidAt = yesterday.atTime(10, 15).atZone(CalendarService.ZONE).toInstant();
        List<DossierSummary> some = dossiers.search(new DossierQuery(4, null, null, null, null, null, null, 0, 3),
                OfficerScope.everything(null)).items();
        int i = 0;
        String localOnly = null;
        for (DossierSummary s : some) {
            DossierView d = dossiers.get(s.code(), OfficerScope.everything(null));
            long amount = d.feeVnd() > 0 ? d.feeVnd() : 50_000L;
            String ref = "MCDEMO" + yesterday.toString().replace("-", "") + String.format("%04d", ++i);
            Instant at = paidAt.plus(i * 47L, ChronoUnit.MINUTES);
            jdbc.sql("""
                    INSERT INTO integration_payment (reference, dossier_code, receiving_unit, procedure_code, amount_vnd, payer_id,
                        status, sent_time, payment_url, created_at, paid_at, transaction_id, bank_code, paid_via, dossier_moved)
                    VALUES (:ref, :code, :unit, :proc, :amount, :payer, 'PAID', :time, :url, :created, :paid, :txn, 'VCB',
                            'CALLBACK', TRUE)""")
                    .param("ref", ref).param("code", d.code()).param("unit", d.receivingUnit().id())
                    .param("proc", d.procedureCode()).param("amount", amount).param("payer", d.applicant().idNumber())
                    .param("time", ref.substring(6, 14) + "101500").param("url", "https://thanhtoan.example.vn/" + ref)
                    .param("created", Timestamp.from(at.minus(3, ChronoUnit.MINUTES))).param("paid", Timestamp.from(at))
                    .param("txn", "PG" + (70_000_000 + i * 1373)).update();
            localOnly = ref;
        }
        long run = jdbc.sql("""
                INSERT INTO integration_payment_reconciliation (day, run_at, platform_count, local_count, outcome)
                VALUES (:d, :at, :pc, :lc, 'DONE') RETURNING id""")
                .param("d", yesterday).param("at", Timestamp.from(now)).param("pc", Math.max(i, 1))
                .param("lc", i).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO integration_payment_difference (reconciliation_id, kind, reference, transaction_id, platform_amount)
                VALUES (:r, 'PLATFORM_ONLY', :ref, 'PG70099881', 150000)""")
                .param("r", run).param("ref", "MCDEMO" + yesterday.toString().replace("-", "") + "9001").update();
        if (localOnly != null) {
            jdbc.sql("""
                    INSERT INTO integration_payment_difference (reconciliation_id, kind, reference, transaction_id, dossier_code,
                                                                local_amount)
                    SELECT :r, 'LOCAL_ONLY', reference, transaction_id, dossier_code, amount_vnd FROM integration_payment
                    WHERE reference = :ref""").param("r", run).param("ref", localOnly).update();
        }
        String[][] people = {
            {"040090001234", "motcua.tinh", "DESK", "Nguyễn Văn An", "12/05/1985", "Số 8 Quang Trung, phường Thành Vinh, tỉnh Nghệ An"},
            {"040190004321", "citizen:040190004321", "ONLINE", "Trần Thị Bích Ngọc", "03/11/1992",
                "Xóm 5, xã Nghi Lộc, tỉnh Nghệ An"},
            {"040085007777", "motcua.tinh", "DESK", null, null, null},
        };
        int k = 0;
        for (String[] p : people) {
            jdbc.sql("""
                    INSERT INTO integration_population_lookup (id, looked_up_at, actor, channel, id_number, purpose, consent, outcome,
                                                               full_name, date_of_birth, address)
                    VALUES (:id, :at, :actor, :channel, :idn, :purpose, :consent, :outcome, :name, :dob, :address)""")
                    .param("id", UUID.randomUUID()).param("at", Timestamp.from(now.minus(++k * 95L, ChronoUnit.MINUTES)))
                    .param("actor", p[1]).param("channel", p[2]).param("idn", p[0])
                    .param("purpose", "DESK".equals(p[2]) ? "intake" : "online filing")
                    .param("consent", "DESK".equals(p[2]) ? "officer:" + p[1] : "citizen:" + p[0])
                    .param("outcome", p[3] == null ? "NOT_FOUND" : "FOUND").param("name", p[3]).param("dob", p[4])
                    .param("address", p[5]).update();
        }
        log.info("Demo online payments: {} paid, yesterday's reconciliation with 2 differences; {} population look-ups", i,
                people.length);
    }
}
