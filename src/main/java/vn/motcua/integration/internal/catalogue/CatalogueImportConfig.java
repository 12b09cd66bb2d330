package vn.motcua.integration.internal.catalogue;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code motcua.integration.national-catalogue.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NationalCatalogueProperties.class)
class CatalogueImportConfig {
}
