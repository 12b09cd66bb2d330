package vn.motcua.indicators.internal;

import org.springframework.stereotype.Component;
import vn.motcua.indicators.Indicator;
import vn.motcua.integration.NationalSystem;
import vn.motcua.integration.NationalSystems;

/**
 * Whether an indicator is counted here: always when its source is inside
 * MotCua; when its source is an outside national system (the national
 * portal, the payment platform, the population database), only once that
 * system is connected, as the integration module's adapter decides it
 * ({@link NationalSystems}). Until then the index says
 * "no source yet" and applies the national rule for missing data, instead of
 * scoring a zero that no dossier could have changed.
 */
@Component
public class IndicatorSources {

    private final NationalSystems systems;

    public IndicatorSources(NationalSystems systems) {
        this.systems = systems;
    }

    /** Why the indicator has no figure (the API's {@code source}), or null when it is counted. */
    public String missing(Indicator i) {
        return counted(i) ? null : i.noSource().text();
    }

    public boolean counted(Indicator i) {
        if (i.hasSource()) {
            return true;
        }
        NationalSystem system = i.noSource().connectedBy();
        return system != null && systems.connected(system);
    }
}
