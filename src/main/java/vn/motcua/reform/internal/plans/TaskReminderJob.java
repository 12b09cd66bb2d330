package vn.motcua.reform.internal.plans;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.reform.PlanService;

/**
 * Every morning at 06:30 (Vietnam), on one node (ShedLock): notices for the
 * tasks whose deadline is near and flags for those past it
 * ({@link PlanService#remind()}). Off with {@code motcua.scheduling.enabled=false};
 * tests call {@code remind()} at the day they pin.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class TaskReminderJob {

    private static final Logger log = LoggerFactory.getLogger(TaskReminderJob.class);

    private final PlanService plans;

    TaskReminderJob(PlanService plans) {
        this.plans = plans;
    }

    @Scheduled(cron = "${motcua.reform.remind-cron:0 30 6 * * *}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "reform-task-reminders", lockAtMostFor = "PT30M")
    public void run() {
        int made = plans.remind();
        if (made > 0) {
            log.info("Reform reminders: {} notices", made);
        }
    }
}
