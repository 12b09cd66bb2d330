package vn.motcua.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.motcua.indicators.Indicator;

/** An indicator whose source is an outside system counts only once that system is connected. */
class IndicatorSourcesUnitTests {

    @Test
    void anOutsideSourceCountsOnlyOnceConnected() {
        MockEnvironment env = new MockEnvironment();
        IndicatorSources sources = new IndicatorSources(env);
        assertThat(sources.missing(Indicator.DOSSIER_SYNC)).isEqualTo("no source yet: the national portal is not connected");
        assertThat(sources.missing(Indicator.ONLINE_PAYMENT_DOSSIERS)).startsWith("no source yet");
        assertThat(sources.missing(Indicator.CITIZEN_DATA_CONNECTED_DOSSIER)).startsWith("no source yet");
        // inside MotCua: always counted
        assertThat(sources.missing(Indicator.ON_TIME)).isNull();
        assertThat(sources.missing(Indicator.PETITION_PROCESSING_ON_TIME)).isNull();
        assertThat(sources.missing(Indicator.DOSSIER_RECEIVING_SATISFACTION)).isNull();

        env.setProperty("motcua.integration.national-portal.url", "  ");
        assertThat(sources.counted(Indicator.DOSSIER_SYNC)).isFalse();
        env.setProperty("motcua.integration.national-portal.url", "https://dvc.example.vn/api");
        assertThat(sources.counted(Indicator.DOSSIER_SYNC)).isTrue();
        assertThat(sources.counted(Indicator.ONLINE_PAYMENT_DOSSIERS)).isFalse();
        // never counted: no source in this system, whatever is connected
        assertThat(sources.counted(Indicator.PUBLISH_ON_TIME)).isFalse();
        assertThat(sources.counted(Indicator.SYNCED_WITH_DVCQG_PERSONAL_STORAGE)).isFalse();
        assertThat(sources.counted(Indicator.ONLINE_PAYMENT_PROCEDURES)).isFalse();
    }
}
