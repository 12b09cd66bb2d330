package vn.motcua.dossier.internal;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActRefused;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;

/**
 * Tells the other modules of an act the dossier's rules refused
 * ({@link DossierActRefused}), in a transaction of its own: the act's own
 * transaction is rolled back, and the attempt must still be seen.
 */
@Component
public class ActRefusals {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ActRefusals(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String code, Action action, String rule, StaffPrincipal who, UnitId unit) {
        events.publishEvent(new DossierActRefused(code, action, rule, who.id(), who.fullName(), unit, clock.instant()));
    }
}
