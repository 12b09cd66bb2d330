package vn.motcua.supervision.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;

/**
 * Every minute, on one node at a time (ShedLock): moves the acts' deltas
 * into the open backlog's counters and folds the appointment days older than
 * three weeks before the oldest ageing boundary (10 working days) into one
 * day, so a province-wide figure sums a few thousand counters. Off with
 * {@code motcua.scheduling.enabled=false}, like the signal sweep (the
 * figures stay exact without it: deltas are read too).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class OpenTallyJob {

    private final OpenTally tally;
    private final CalendarService calendars;
    private final Clock clock;

    OpenTallyJob(OpenTally tally, CalendarService calendars, Clock clock) {
        this.tally = tally;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${motcua.supervision.tally-every:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "supervision-tally", lockAtMostFor = "PT5M")
    public void run() {
        tally.compact(foldBefore(calendars, clock.instant()));
    }

    /** The first day not folded: three weeks before the oldest boundary the dashboard asks (10 working days ago). */
    static LocalDate foldBefore(CalendarService calendars, Instant now) {
        Instant oldest;
        try {
            oldest = WorkingTime.before(calendars.calendar(), now, BigDecimal.TEN);
        } catch (RuntimeException e) {
            oldest = now.minus(java.time.Duration.ofDays(14));
        }
        return LocalDate.ofInstant(oldest, CalendarService.ZONE).minusDays(21);
    }
}
