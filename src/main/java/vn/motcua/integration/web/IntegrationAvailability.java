package vn.motcua.integration.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.integration.internal.payment.OnlinePayments;
import vn.motcua.integration.internal.population.PopulationLookups;

/**
 * Tells the portal's and the desk's pages whether the payment platform and
 * the population database are connected, so they show the "Pay online" and
 * "Look up" buttons only then — without those modules depending on this
 * one (it depends on them).
 */
@ControllerAdvice(basePackages = {"vn.motcua.portal.web", "vn.motcua.dossier.web"})
public class IntegrationAvailability {

    private final OnlinePayments payments;
    private final PopulationLookups population;

    public IntegrationAvailability(OnlinePayments payments, PopulationLookups population) {
        this.payments = payments;
        this.population = population;
    }

    @ModelAttribute("onlinePaymentAvailable")
    public boolean onlinePaymentAvailable() {
        return payments.available();
    }

    @ModelAttribute("populationLookupAvailable")
    public boolean populationLookupAvailable() {
        return population.available();
    }
}
