package vn.motcua.portal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.Registration;

/** Demo profile: one citizen account for the portal, made once (password: the demo staff accounts'). */
@Component
@Profile("demo")
@Order(40)
class DemoCitizenData implements ApplicationRunner {

    static final String IDENTITY_NUMBER = "040090001234";
    /** The same demo password as the staff accounts' (see the README). */
    private static final String DEMO_PASSWORD = "MotCua@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoCitizenData.class);

    private final CitizenAccounts accounts;

    DemoCitizenData(CitizenAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.find(IDENTITY_NUMBER).isPresent()) {
            return;
        }
        accounts.register(new Registration(ApplicantKind.PERSON, IDENTITY_NUMBER, "Trần Thị Mai", "0912345678",
                "tran.thi.mai@example.vn", "Khối 5, phường Trường Vinh, tỉnh Nghệ An", DEMO_PASSWORD, DEMO_PASSWORD));
        log.info("Demo citizen account {} created", IDENTITY_NUMBER);
    }
}
