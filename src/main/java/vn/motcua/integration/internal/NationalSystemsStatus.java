package vn.motcua.integration.internal;

import org.springframework.stereotype.Component;
import vn.motcua.integration.NationalSystem;
import vn.motcua.integration.NationalSystems;
import vn.motcua.integration.internal.payment.PaymentPlatform;
import vn.motcua.integration.internal.population.PopulationRegistry;

/** {@link NationalSystems} from each adapter's own configuration check. */
@Component
class NationalSystemsStatus implements NationalSystems {

    private final NationalPortalProperties portal;
    private final PaymentPlatform payment;
    private final PopulationRegistry population;

    NationalSystemsStatus(NationalPortalProperties portal, PaymentPlatform payment, PopulationRegistry population) {
        this.portal = portal;
        this.payment = payment;
        this.population = population;
    }

    @Override
    public boolean connected(NationalSystem system) {
        return switch (system) {
            case NATIONAL_PORTAL -> portal.connected();
            case PAYMENT_PLATFORM -> payment.configured();
            case POPULATION_DATABASE -> population.configured();
        };
    }
}
