package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springdoc.webmvc.ui.SwaggerConfig;
import org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The prod profile's effective configuration, read from application.yml and
 * application-prod.yml by Spring Boot's own config-data loader, with springdoc's
 * real auto-configuration: no OpenAPI document and no Swagger UI unless
 * {@code MOTCUA_API_DOCS_ENABLED=true}. No database, no application context of
 * the application's own.
 */
class ProductionProfileTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(
                    org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
                    org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
                    org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
                    // springdoc's auto-configurations, as its starters list them
                    SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class,
                    SwaggerConfig.class, SwaggerUiConfigProperties.class,
                    org.springdoc.core.properties.SwaggerUiOAuthProperties.class));

    @Test
    void apiDocumentationIsOffInProduction() {
        runner.withPropertyValues("spring.profiles.active=prod").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getEnvironment().getProperty("springdoc.api-docs.enabled", Boolean.class)).isFalse();
            assertThat(context.getEnvironment().getProperty("springdoc.swagger-ui.enabled", Boolean.class)).isFalse();
            assertThat(context).doesNotHaveBean(OpenApiWebMvcResource.class);
            assertThat(context).doesNotHaveBean(SwaggerWelcomeWebMvc.class);
            // and the rest of the prod profile as the README says
            assertThat(context.getEnvironment().getProperty("server.servlet.session.cookie.secure", Boolean.class)).isTrue();
            assertThat(context.getEnvironment().getProperty("motcua.database.create-if-missing", Boolean.class)).isFalse();
        });
    }

    @Test
    void anOperatorCanTurnItOnInProduction() {
        runner.withPropertyValues("spring.profiles.active=prod", "MOTCUA_API_DOCS_ENABLED=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(OpenApiWebMvcResource.class);
            assertThat(context).hasSingleBean(SwaggerWelcomeWebMvc.class);
            assertThat(context.getBean(SpringDocConfigProperties.class).getApiDocs().isEnabled()).isTrue();
            assertThat(context.getBean(SwaggerUiConfigProperties.class).isEnabled()).isTrue();
        });
    }

    @Test
    void outsideProductionItStaysOn() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(OpenApiWebMvcResource.class);
            assertThat(context).hasSingleBean(SwaggerWelcomeWebMvc.class);
        });
    }
}
