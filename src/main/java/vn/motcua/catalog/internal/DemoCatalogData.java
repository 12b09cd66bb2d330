package vn.motcua.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcessingTime;

/**
 * Demo profile: about fifty procedures of Nghệ An and its communes (civil
 * status, certification, business households, enterprises, criminal records,
 * construction, land, social protection, trade, health, culture, education,
 * religion) with their legal durations, fees, components and workflows on the
 * demo units (named by their electronic identifiers, see DemoOrganizationData).
 * National codes are the real ones where known, otherwise plausible; the
 * deciding acts are illustrative. The procedures are data,
 * {@value #RESOURCE}, read by the catalogue's own JSON import: most are
 * published, two stay drafts. Then one gets a second published version, one a
 * pending amendment, and one is withdrawn. Loaded once (skipped when the first
 * code exists).
 */
@Component
@Profile("demo")
@Order(20)
public class DemoCatalogData implements ApplicationRunner {

    static final String RESOURCE = "catalog/demo-procedures.json";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogData.class);
    private static final String ACTOR = "admin";

    private final CatalogService catalog;

    public DemoCatalogData(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (catalog.exists("1.001193")) {
            return;
        }
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            catalog.importJson(in, ACTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // an amended procedure: version 2 published by a later act, version 1 superseded
        ProcedureDetail birth = catalog.latest("1.001193");
        ProcedureCommand amended = ProcedureCommand.of(birth);
        List<ProcedureCase> cases = List.of(new ProcedureCase("TH1", birth.cases().get(0).name(), birth.cases().get(0).duration(),
                ProcessingTime.of("0.5", DurationUnit.WORKING_DAYS), birth.cases().get(0).steps()));
        catalog.update("1.001193", new ProcedureCommand(amended.code(), amended.name(), amended.field(), amended.level(),
                amended.agency(), amended.subjects(), amended.methods(), amended.onlineLevel(), amended.interAgency(),
                amended.crossBoundary(), cases, amended.components(), amended.forms(), amended.fees(), null,
                amended.resultType(), amended.legalBasis(), null), ACTOR);
        catalog.publish("1.001193", "2315/QĐ-UBND", LocalDate.of(2025, 8, 20), ACTOR);
        // a pending amendment: a draft version 2 waits for its act while version 1 stays public
        ProcedureCommand household = ProcedureCommand.of(catalog.latest("1.001612"));
        List<String> subjects = new ArrayList<>(household.subjects());
        subjects.add("Hộ gia đình");
        catalog.update("1.001612", new ProcedureCommand(household.code(), household.name(), household.field(),
                household.level(), household.agency(), subjects, household.methods(), household.onlineLevel(),
                household.interAgency(), household.crossBoundary(), household.cases(), household.components(),
                household.forms(), household.fees(), null, household.resultType(), household.legalBasis(), null), ACTOR);
        // an abolished procedure
        catalog.withdraw("1.000919", "2398/QĐ-UBND", LocalDate.of(2025, 9, 1),
                "Bãi bỏ do được thay thế bởi thủ tục cấp Giấy phép bán lẻ sản phẩm thuốc lá cấp xã", ACTOR);
        log.info("Loaded demo catalogue: {} procedures", catalog.count());
    }
}
