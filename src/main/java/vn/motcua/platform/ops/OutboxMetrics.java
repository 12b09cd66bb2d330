package vn.motcua.platform.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The depth of the event publication registry (Spring Modulith's outbox,
 * table {@code event_publication}): {@code motcua_outbox_events_incomplete},
 * the events a listener has not yet handled, and
 * {@code motcua_outbox_events_oldest_incomplete_seconds}, the age of the
 * oldest (the lag of the slowest listener). One query each per scrape.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("motcua.outbox.events.incomplete", jdbc,
                        j -> j.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                                .query(Long.class).single())
                .description("Events published and not yet handled by every listener").register(registry);
        Gauge.builder("motcua.outbox.events.oldest.incomplete.seconds", jdbc,
                        j -> j.sql("SELECT coalesce(extract(epoch FROM now() - min(publication_date)), 0) FROM event_publication"
                                + " WHERE completion_date IS NULL").query(Double.class).single())
                .baseUnit("seconds").description("Age of the oldest event not yet handled").register(registry);
    }
}
