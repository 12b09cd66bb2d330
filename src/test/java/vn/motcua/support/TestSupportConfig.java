package vn.motcua.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test-only beans: a clean database per run and a clock tests can pin. */
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
}
