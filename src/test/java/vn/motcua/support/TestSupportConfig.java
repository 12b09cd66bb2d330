package vn.motcua.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test-only beans: a clean database per run, a clock tests can pin, and an SMS inbox. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

    /** Each test run starts from an empty schema, so no run sees another's leftovers. */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** Text messages the application sends, for tests to read (the application's own SMS channel only logs). */
    @Bean
    TestSms testSms() {
        return new TestSms();
    }
}
