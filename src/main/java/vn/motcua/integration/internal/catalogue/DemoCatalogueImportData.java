package vn.motcua.integration.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.motcua.integration.CatalogueImportReport;
import vn.motcua.integration.CatalogueImports;

/**
 * Demo profile: one finished import of seven procedures in the public pages'
 * shape ({@value #RESOURCE}): the 2025 procedures for foreign workers of the
 * Department of Home Affairs (one still under the department's old name, so
 * its agency is a guess), re-registration of a marriage (a fee left to the
 * provincial council: needs a person), a burial allowance written for the
 * abolished district level (guessed as commune), and one whose time is only
 * "as regulated" (not saved). Loaded once (skipped when an import exists).
 */
@Component
@Profile("demo")
@Order(60)
public class DemoCatalogueImportData implements ApplicationRunner {

    static final String RESOURCE = "integration/demo-catalogue-import.json";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogueImportData.class);

    private final CatalogueImports imports;
    private final ImportStore store;

    public DemoCatalogueImportData(CatalogueImports imports, ImportStore store) {
        this.imports = imports;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.count() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            CatalogueImportReport report = imports.importFile("thu-tuc-cong-bo-2025.json", in.readAllBytes(), "admin");
            log.info("Loaded demo catalogue import: {} records, {} need a person", report.total(), report.needsPerson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
