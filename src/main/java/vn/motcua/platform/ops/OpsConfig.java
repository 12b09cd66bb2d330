package vn.motcua.platform.ops;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpsConfig {

    @Bean
    @ConditionalOnProperty(name = "motcua.database.create-if-missing", havingValue = "true", matchIfMissing = true)
    static DatabaseCreator databaseCreator() {
        return new DatabaseCreator();
    }
}
