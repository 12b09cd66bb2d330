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

    /** BCrypt by default, with the algorithm prefix stored so it can be changed later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
