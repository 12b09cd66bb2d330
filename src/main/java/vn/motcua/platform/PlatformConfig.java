package vn.motcua.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans every module relies on. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfig {

    /** The province's zone: appointments and receipts are read in local time. */
    public static final ZoneId PROVINCE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Time comes from here so tests can pin it. */
    @Bean
    Clock clock() {
        return Clock.system(PROVINCE_ZONE);
    }

    /**
     * Session attributes are written with PostgreSQL's upsert. Without it, two
     * requests of one session that both add the same attribute (the CSRF
     * token, when a person opens two tabs right after signing in) both INSERT
     * it, and the second fails on the primary key with a server error.
     */
    @Bean
    org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
        return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** BCrypt by default, with the algorithm prefix stored so it can be changed later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
