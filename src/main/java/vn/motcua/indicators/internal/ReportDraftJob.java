package vn.motcua.indicators.internal;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.indicators.ReportService;

/**
 * Prepares every reporting unit's draft report the night after a quarter
 * ends, once across the nodes (ShedLock); the supervisors' page shows each
 * run's progress. Tests call {@link #run()} with a pinned clock.
 */
@Component
public class ReportDraftJob {

    private static final Logger log = LoggerFactory.getLogger(ReportDraftJob.class);

    private final ReportService reports;
    private final Clock clock;

    public ReportDraftJob(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 1 * * *", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "indicators-report-drafts", lockAtMostFor = "PT10M")
    public void scheduled() {
        run();
    }

    /** Prepares the drafts of the quarter that ended yesterday, if one did; returns how many were made. */
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(CalendarService.ZONE));
        LocalDate[] q = ReportService.quarterEndedBefore(today);
        if (q == null) {
            return 0;
        }
        int made = reports.prepareDrafts(q[0], q[1]);
        log.info("Prepared {} draft reports for {} – {}", made, q[0], q[1]);
        return made;
    }
}
