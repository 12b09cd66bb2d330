package vn.motcua.platform.ops;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs. A job that must run once across the nodes (a sweep, the
 * drafts of a period's reports) is annotated
 * {@code @Scheduled(...) @SchedulerLock(name = "...", lockAtMostFor = "...")}:
 * the node that takes the job's row in table {@code shedlock} runs it, the
 * others skip that run. Lock times are the database's, so nodes whose clocks
 * differ agree. Jobs are off when {@code motcua.scheduling.enabled=false}
 * (the tests call the jobs' methods themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfig {

    /** Runs the scheduled jobs unless {@code motcua.scheduling.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
            havingValue = "true", matchIfMissing = true)
    static class Jobs {
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
