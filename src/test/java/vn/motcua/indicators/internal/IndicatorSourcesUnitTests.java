package vn.motcua.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.util.EnumSet;
import java.util.Set;
import vn.motcua.indicators.Indicator;
import vn.motcua.integration.NationalSystem;

/** An indicator whose source is an outside system counts only once that system is connected. */
class IndicatorSourcesUnitTests {

    @Test
    void anOutsideSourceCountsOnlyOnceConnected() {
        Set<NationalSystem> connected = EnumSet.noneOf(NationalSystem.class);
        IndicatorSources sources = new IndicatorSources(connected::contains);
        assertThat(sources.missing(Indicator.DOSSIER_SYNC)).isEqualTo("no source yet: the national portal is not connected");
        assertThat(sources.missing(Indicator.ONLINE_PAYMENT_DOSSIERS)).startsWith("no source yet");
        assertThat(sources.missing(Indicator.CITIZEN_DATA_CONNECTED_DOSSIER)).startsWith("no source yet");
        // inside MotCua: always counted
        assertThat(sources.missing(Indicator.ON_TIME)).isNull();
        assertThat(sources.missing(Indicator.PETITION_PROCESSING_ON_TIME)).isNull();
        assertThat(sources.missing(Indicator.DOSSIER_RECEIVING_SATISFACTION)).isNull();

        connected.add(NationalSystem.NATIONAL_PORTAL);
        assertThat(sources.counted(Indicator.DOSSIER_SYNC)).isTrue();
        assertThat(sources.counted(Indicator.ONLINE_PAYMENT_DOSSIERS)).isFalse();
        connected.add(NationalSystem.PAYMENT_PLATFORM);
        assertThat(sources.counted(Indicator.ONLINE_PAYMENT_DOSSIERS)).isTrue();
        assertThat(sources.counted(Indicator.CITIZEN_DATA_CONNECTED_FORMALITY)).isFalse();
        // never counted: no source in this system, whatever is connected
        assertThat(sources.counted(Indicator.PUBLISH_ON_TIME)).isFalse();
        assertThat(sources.counted(Indicator.SYNCED_WITH_DVCQG_PERSONAL_STORAGE)).isFalse();
        assertThat(sources.counted(Indicator.ONLINE_PAYMENT_PROCEDURES)).isFalse();
    }
}
