package vn.motcua.integration.internal.catalogue;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.integration.CatalogueImportReport;
import vn.motcua.integration.CatalogueImports;

/**
 * Fetches the whole catalogue from the national procedure database on a
 * schedule ({@code motcua.integration.national-catalogue.sync-cron}, off by
 * default: "-"), on one node at a time (ShedLock), as the administrator's
 * "fetch" button does: new procedures become drafts, published ones get
 * proposed versions when the national record changed, nothing is published.
 * Off with {@code motcua.scheduling.enabled=false}; the tests call
 * {@link CatalogueImports#importFromNational} themselves.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "motcua.scheduling.enabled",
        havingValue = "true", matchIfMissing = true)
class CatalogueSyncJob {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSyncJob.class);

    private final CatalogueImports imports;

    CatalogueSyncJob(CatalogueImports imports) {
        this.imports = imports;
    }

    @Scheduled(cron = "${motcua.integration.national-catalogue.sync-cron:-}", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "national-catalogue-sync", lockAtMostFor = "PT6H")
    public void run() {
        if (!imports.nationalConfigured()) {
            return;
        }
        CatalogueImportReport report = imports.importFromNational(List.of(), "system");
        log.info("National catalogue sync: import {}, {} records, {} need a person{}", report.id(), report.total(),
                report.needsPerson(), report.error() == null ? "" : ", error: " + report.error());
    }
}
