package vn.motcua.supervision.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedurePublished;
import vn.motcua.catalog.ProcedureWithdrawn;

/**
 * Procedure names for the dashboard and its lists, from the catalogue's
 * public service, kept here for ten minutes (a province-wide dashboard by
 * procedure names hundreds of them per request). A publication or
 * withdrawal seen on this node drops the name at once; on another node it
 * applies within the ten minutes. A code the catalogue does not know is
 * shown as itself.
 */
@Component
public class ProcedureNames {

    static final Duration KEEP = Duration.ofMinutes(10);
    static final int MAX = 20_000;

    private record Name(String text, Instant until) {
    }

    private final Map<String, Name> names = new ConcurrentHashMap<>();
    private final CatalogService catalog;
    private final Clock clock;

    public ProcedureNames(CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The name of each code (the code itself when unknown), in the codes' order. */
    public Map<String, String> of(Collection<String> codes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : codes) {
            if (c != null && !c.isEmpty()) {
                out.put(c, name(c));
            }
        }
        return out;
    }

    public String name(String code) {
        Instant now = Instant.now(clock);
        Name n = names.get(code);
        if (n != null && n.until().isAfter(now)) {
            return n.text();
        }
        String text = catalog.findPublished(code).map(ProcedureDetail::name).orElseGet(() -> {
            try {
                return catalog.latest(code).name();
            } catch (RuntimeException e) {
                return code;
            }
        });
        if (names.size() >= MAX) {
            names.clear();
        }
        names.put(code, new Name(text, now.plus(KEEP)));
        return text;
    }

    @EventListener
    void on(ProcedurePublished e) {
        names.remove(e.code());
    }

    @EventListener
    void on(ProcedureWithdrawn e) {
        names.remove(e.code());
    }
}
