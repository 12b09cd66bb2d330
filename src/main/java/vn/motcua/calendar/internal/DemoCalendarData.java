package vn.motcua.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;

/** Demo profile: the official civil-service calendars of 2025–2027 (2027 provisional). */
@Component
@Profile("demo")
@Order(5)
class DemoCalendarData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCalendarData.class);
    private final CalendarService calendars;

    DemoCalendarData(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/calendar/vn-calendars.json")) {
            int n = calendars.loadBundledYears(in, "demo");
            if (n > 0) {
                log.info("Loaded {} demo working calendars", n);
            }
        }
    }
}
