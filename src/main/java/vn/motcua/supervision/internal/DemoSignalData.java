package vn.motcua.supervision.internal;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.supervision.ConductSignals;

/**
 * Demo profile: a few conduct patterns planted through the dossier module's
 * own acts once the demo dossiers are loaded (a stop with an empty reason, a
 * second supplement attempt), then the sweep over the demo's backlog (idle
 * steps, overdue without apology), so the signal inbox is not empty. Runs
 * once: not when signals of the planted kinds already exist.
 */
@Component
@Profile("demo")
@Order(40)
class DemoSignalData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSignalData.class);

    private final DossierService dossiers;
    private final OrganizationService org;
    private final ConductSignals signals;
    private final JdbcClient jdbc;

    DemoSignalData(DossierService dossiers, OrganizationService org, ConductSignals signals, JdbcClient jdbc) {
        this.dossiers = dossiers;
        this.org = org;
        this.signals = signals;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM sv_signal WHERE rule_code IN ('reason-missing', 'supplement-repeated')")
                .query(Long.class).single() > 0) {
            return;
        }
        Optional<StaffPrincipal> specialist = principal("chuyenvien.tuphap");
        Optional<StaffPrincipal> desk = principal("motcua.tinh");
        if (specialist.isPresent() && desk.isPresent()) {
            List<String> open = actable(specialist.get(), Action.REQUEST_SUPPLEMENT);
            try {
                if (!open.isEmpty()) {
                    dossiers.act(open.get(0), new DossierAct.StopProcessing("Không đủ"), null, specialist.get());
                }
                if (open.size() > 1) {
                    String code = open.get(1);
                    dossiers.act(code, new DossierAct.RequestSupplement(List.of("Bản sao giấy khai sinh"),
                            "Thiếu bản sao giấy khai sinh có chứng thực"), null, specialist.get());
                    dossiers.act(code, new DossierAct.ConfirmSupplement(), null, desk.get());
                    try {
                        dossiers.act(code, new DossierAct.RequestSupplement(List.of("Bản chính sổ hộ khẩu"),
                                "Cần thêm bản chính sổ hộ khẩu"), null, specialist.get());
                    } catch (RuntimeException refused) {
                        // refused by rule supplement-once: the attempt is the signal
                    }
                }
            } catch (RuntimeException e) {
                log.info("A demo conduct pattern could not be planted: {}", e.getMessage());
            }
        }
        signals.sweep();
        log.info("Demo conduct signals: {} open", jdbc.sql("SELECT count(*) FROM sv_signal WHERE status = 'OPEN'")
                .query(Long.class).single());
    }

    private Optional<StaffPrincipal> principal(String username) {
        return org.findStaffByUsername(username).map(DemoSignalData::principal);
    }

    private static StaffPrincipal principal(StaffView s) {
        return new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
    }

    /** Dossiers in progress in the officer's scope on which they may do the act now. */
    private List<String> actable(StaffPrincipal who, Action act) {
        List<DossierSummary> items = dossiers.search(new DossierQuery(null, null, null, null, null, DossierQuery.Inbox.IN_PROGRESS,
                null, 0, 50), org.scopeOf(who.id())).items();
        return items.stream().map(DossierSummary::code).filter(c -> dossiers.allowedActs(c, who).contains(act)).limit(2).toList();
    }
}
