package vn.motcua.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.integration.NationalSystem;
import vn.motcua.integration.internal.payment.PaymentPlatform;
import vn.motcua.integration.internal.population.PopulationRegistry;

/** A national system counts as connected only when its adapter has everything it needs to talk to it. */
class NationalSystemsStatusTests {

    static NationalSystemsStatus status(String portalUrl, String paymentUrl, String partner, String secret, String populationUrl) {
        NationalPortalProperties portal = new NationalPortalProperties();
        portal.setUrl(portalUrl);
        JsonMapper json = JsonMapper.builder().build();
        return new NationalSystemsStatus(portal,
                new PaymentPlatform(paymentUrl, partner, secret, "", Duration.ofSeconds(1), json),
                new PopulationRegistry(populationUrl, "", Duration.ofSeconds(1), json));
    }

    @Test
    void eachSystemIsConnectedOnlyWithEverythingItsAdapterNeeds() {
        NationalSystemsStatus none = status("", "", "", "", "");
        for (NationalSystem s : NationalSystem.values()) {
            assertThat(none.connected(s)).as(s.name()).isFalse();
        }
        // the payment platform's address alone is not a connection: without a partner code and a secret nothing is signed
        assertThat(status("", "https://pay.example.vn", "", "", "").connected(NationalSystem.PAYMENT_PLATFORM)).isFalse();
        assertThat(status("", "https://pay.example.vn", "MOTCUA", "", "").connected(NationalSystem.PAYMENT_PLATFORM)).isFalse();
        assertThat(status("", "https://pay.example.vn", "MOTCUA", "s3cret", "").connected(NationalSystem.PAYMENT_PLATFORM)).isTrue();
        NationalSystemsStatus all = status("https://dvc.example.vn/api", "https://pay.example.vn", "MOTCUA", "s3cret",
                "https://dancu.example.vn");
        for (NationalSystem s : NationalSystem.values()) {
            assertThat(all.connected(s)).as(s.name()).isTrue();
        }
        assertThat(status("  ", "", "", "", "").connected(NationalSystem.NATIONAL_PORTAL)).isFalse();
    }
}
