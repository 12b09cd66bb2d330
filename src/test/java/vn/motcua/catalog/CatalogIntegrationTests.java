package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.support.IntegrationTest;

/** The catalog module through its API: versions, publication, search, demo data. */
@RecordApplicationEvents
class CatalogIntegrationTests extends IntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    OrganizationService org;

    @Autowired
    ApplicationEvents events;

    static final LocalDate DECIDED = LocalDate.of(2025, 7, 1);

    @Test
    void aNewProcedureIsADraftThatThePublicDoesNotSee() {
        String code = Samples.code();
        ProcedureDetail created = catalog.create(Samples.province(code, "Thủ tục dự thảo riêng"), "test");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(created.procedureStatus()).isEqualTo(ProcedureStatus.DRAFT);
        assertThat(created.agency().name()).isEqualTo("Sở Tư pháp");
        assertThat(created.cases().get(0).steps().get(1).unit().code()).isEqualTo(Samples.JUSTICE_ADMIN);
        assertThat(catalog.findPublished(code)).isEmpty();
        assertThat(catalog.searchPublished(ProcedureQuery.text("thu tuc du thao rieng")).items()).isEmpty();
    }

    @Test
    void publishingMakesItPublicAndEditingCreatesANewVersionWhileTheOldStaysReadable() {
        String code = Samples.code();
        catalog.create(Samples.province(code, "Thủ tục có hai phiên bản"), "test");
        ProcedureDetail v1 = catalog.publish(code, "101/QĐ-UBND", DECIDED, "test");
        assertThat(v1.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(v1.publication().decision()).isEqualTo("101/QĐ-UBND");
        assertThat(events.stream(ProcedurePublished.class)).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.version()).isEqualTo(1);
        });

        ProcedureDetail v2 = catalog.update(code, Samples.named(Samples.province(code, "x"), "Thủ tục có hai phiên bản (sửa đổi)"), "test");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.status()).isEqualTo(VersionStatus.DRAFT);
        // the public still sees version 1 until version 2 is published
        assertThat(catalog.findPublished(code)).get().extracting(ProcedureDetail::version, ProcedureDetail::name)
                .containsExactly(1, "Thủ tục có hai phiên bản");
        // editing the draft again changes it in place
        assertThat(catalog.update(code, Samples.named(Samples.province(code, "x"), "Thủ tục có hai phiên bản (sửa lần 2)"), "test")
                .version()).isEqualTo(2);

        catalog.publish(code, "202/QĐ-UBND", DECIDED.plusDays(10), "test");
        assertThat(catalog.published(code).version()).isEqualTo(2);
        ProcedureDetail old = catalog.version(code, 1);
        assertThat(old.status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(old.name()).isEqualTo("Thủ tục có hai phiên bản");
        assertThat(old.publication().decision()).isEqualTo("101/QĐ-UBND");
        assertThat(catalog.history(code)).extracting(VersionInfo::version, VersionInfo::status)
                .containsExactly(tuple(2, VersionStatus.PUBLISHED),
                        tuple(1, VersionStatus.SUPERSEDED));
    }

    @Test
    void aNewlyPublishedVersionIsWhatTheNextFilingSees() {
        String code = Samples.code();
        catalog.create(Samples.commune(code, "Thủ tục phiên bản một"), "test");
        assertThat(catalog.findPublished(code)).isEmpty();
        catalog.publish(code, "301/QĐ-UBND", DECIDED, "test");
        assertThat(catalog.findPublished(code)).get().extracting(ProcedureDetail::version).isEqualTo(1);
        catalog.update(code, Samples.commune(code, "Thủ tục phiên bản hai"), "test");
        catalog.publish(code, "302/QĐ-UBND", DECIDED.plusDays(1), "test");
        assertThat(catalog.findPublished(code)).get().extracting(ProcedureDetail::name).isEqualTo("Thủ tục phiên bản hai");
    }

    @Test
    void savingTheSameContentAgainMakesNoNewVersion() {
        String code = Samples.code();
        catalog.create(Samples.commune(code, "Thủ tục không đổi"), "test");
        catalog.publish(code, "303/QĐ-UBND", DECIDED, "test");
        ProcedureDetail same = catalog.update(code, Samples.commune(code, "Thủ tục không đổi"), "test");
        assertThat(same.version()).isEqualTo(1);
        assertThat(same.latestVersion()).isEqualTo(1);
    }

    @Test
    void illegalTransitionsAreRefusedWithTheRuleName() {
        String code = Samples.code();
        catalog.create(Samples.commune(code, "Thủ tục chuyển trạng thái"), "test");
        assertThatThrownBy(() -> catalog.withdraw(code, null, null, null, "test"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("illegal-transition"));
        catalog.publish(code, "404/QĐ-UBND", DECIDED, "test");
        // read once, so this node keeps it: the withdrawal below must still show at once
        assertThat(catalog.findPublished(code)).isPresent();
        assertThatThrownBy(() -> catalog.publish(code, "405/QĐ-UBND", DECIDED, "test"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("illegal-transition");
                    assertThat(e.messageKey()).isEqualTo("procedure.publish.alreadyPublished");
                });
        ProcedureDetail withdrawn = catalog.withdraw(code, "406/QĐ-UBND", DECIDED.plusDays(1), "Bãi bỏ", "test");
        assertThat(withdrawn.status()).isEqualTo(VersionStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawal().reason()).isEqualTo("Bãi bỏ");
        assertThat(catalog.findPublished(code)).isEmpty();
        assertThat(events.stream(ProcedureWithdrawn.class)).anySatisfy(e -> assertThat(e.code()).isEqualTo(code));
        assertThatThrownBy(() -> catalog.withdraw(code, null, null, null, "test")).isInstanceOf(DomainRuleViolation.class);
        // the withdrawn version stays readable, for the dossiers filed under it
        assertThat(catalog.version(code, 1).name()).isEqualTo("Thủ tục chuyển trạng thái");
    }

    @Test
    void publicationNeedsTheDecidingActAndNoFutureDate() {
        String code = Samples.code();
        catalog.create(Samples.commune(code, "Thủ tục cần quyết định"), "test");
        assertThatThrownBy(() -> catalog.publish(code, " ", null, "test"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("decision", "validation.required").containsEntry("decidedOn", "validation.required"));
        assertThatThrownBy(() -> catalog.publish(code, "1/QĐ-UBND", LocalDate.now(clock).plusDays(1), "test"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("decidedOn", "procedure.decidedOn.future"));
        assertThat(catalog.latest(code).status()).isEqualTo(VersionStatus.DRAFT);
    }

    @Test
    void aDuplicateCodeIsRefused() {
        String code = Samples.code();
        catalog.create(Samples.commune(code, "Thủ tục gốc"), "test");
        assertThatThrownBy(() -> catalog.create(Samples.commune(code, "Thủ tục trùng mã"), "test"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("code", "procedure.code.taken"));
    }

    @Test
    void aStaleRevisionIsRefused() {
        String code = Samples.code();
        ProcedureDetail d = catalog.create(Samples.commune(code, "Thủ tục phiên bản cũ"), "test");
        ProcedureCommand edit = ProcedureCommand.of(d);
        catalog.update(code, Samples.named(edit, "Thủ tục sửa lần 1"), "test");
        assertThatThrownBy(() -> catalog.update(code, Samples.named(edit, "Thủ tục sửa lần 2"), "test"))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void searchIgnoresDiacriticsCaseAndNormalizationFormAndFilters() {
        String code = Samples.code();
        catalog.create(Samples.commune(code, "Đăng ký thành lập hộ kinh doanh thử nghiệm Quỳnh Lưu"), "test");
        catalog.publish(code, "505/QĐ-UBND", DECIDED, "test");
        for (String q : List.of("ho kinh doanh thu nghiem quynh", "HỘ KINH DOANH THỬ NGHIỆM QUỲNH",
                Normalizer.normalize("hộ kinh doanh thử nghiệm quỳnh lưu", Normalizer.Form.NFD), "dang ky quynh luu", code)) {
            PageResult<ProcedureSummary> found = catalog.searchPublished(ProcedureQuery.text(q));
            assertThat(found.items()).as(q).extracting(ProcedureSummary::code).contains(code);
        }
        ProcedureSummary s = catalog.searchPublished(ProcedureQuery.text("quynh luu thu nghiem")).items().get(0);
        assertThat(s.duration()).isEqualTo(ProcessingTime.of("3", DurationUnit.WORKING_DAYS));
        assertThat(s.agency().kind()).isEqualTo(UnitKind.COMMUNE);
        assertThat(catalog.searchPublished(new ProcedureQuery("quynh luu thu nghiem", UnitLevel.PROVINCE, null, null, null, 0, 10))
                .items()).isEmpty();
        assertThat(catalog.searchPublished(new ProcedureQuery("quynh luu thu nghiem", UnitLevel.COMMUNE, "ho tich", null,
                OnlineLevel.NONE, 0, 10)).items()).extracting(ProcedureSummary::code).containsExactly(code);
    }

    @Test
    void searchPagesThroughTheResults() {
        String tag = "Phân trang " + Samples.code().replace(".", "");
        for (int i = 0; i < 5; i++) {
            String code = Samples.code();
            catalog.create(Samples.commune(code, tag + " số " + i), "test");
            catalog.publish(code, "606/QĐ-UBND", DECIDED, "test");
        }
        String q = Texts.fold(tag);
        PageResult<ProcedureSummary> first = catalog.searchPublished(new ProcedureQuery(q, null, null, null, null, 0, 2));
        PageResult<ProcedureSummary> last = catalog.searchPublished(new ProcedureQuery(q, null, null, null, null, 2, 2));
        PageResult<ProcedureSummary> beyond = catalog.searchPublished(new ProcedureQuery(q, null, null, null, null, 9, 2));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).hasSize(2);
        assertThat(last.items()).hasSize(1);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        assertThat(catalog.findPublished("9.999999")).isEmpty();
        assertThat(catalog.findPublished("not a code")).isEmpty();
        assertThatThrownBy(() -> catalog.version("9.999999", 1)).isInstanceOf(NotFound.class);
    }

    @Test
    void theDemoCatalogueIsLoadedMostlyPublished() {
        assertThat(catalog.count()).isGreaterThanOrEqualTo(40);
        assertThat(catalog.countByStatus().get(ProcedureStatus.PUBLISHED)).isGreaterThanOrEqualTo(40);
        assertThat(catalog.countByStatus().get(ProcedureStatus.DRAFT)).isGreaterThanOrEqualTo(2);
        assertThat(catalog.countByStatus().get(ProcedureStatus.WITHDRAWN)).isGreaterThanOrEqualTo(1);
        ProcedureDetail birth = catalog.published("1.001193");
        assertThat(birth.version()).isEqualTo(2);
        assertThat(catalog.version("1.001193", 1).status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(catalog.searchPublished(ProcedureQuery.text("ho kinh doanh")).items()).extracting(ProcedureSummary::name)
                .contains("Đăng ký thành lập hộ kinh doanh");
        ProcedureDetail permit = catalog.published("1.009972");
        assertThat(permit.cases().get(0).steps()).extracting(Step::share).extracting(java.math.BigDecimal::toPlainString)
                .containsExactly("0", "0.5", "0.5", "10", "1", "3", "0");
        assertThat(catalog.latest("1.001612").status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(catalog.published("1.001612").version()).isEqualTo(1);
    }

    @Test
    void aMergedUnitIsReplacedByItsSuccessorInThePublishedVersion() throws InterruptedException {
        UnitView agency = fixtures.agency("Sở Sáp nhập Danh mục");
        UnitView successor = fixtures.agency("Sở Kế thừa Danh mục");
        String code = Samples.code();
        ProcedureCommand c = Samples.province(code, "Thủ tục của sở bị sáp nhập");
        ProcedureCommand onAgency = new ProcedureCommand(code, c.name(), c.field(), c.level(), UnitRef.unit(agency.id()),
                c.subjects(), c.methods(), c.onlineLevel(), false, false, c.cases(), c.components(), c.forms(), c.fees(), null,
                c.resultType(), c.legalBasis(), null);
        catalog.create(onAgency, "test");
        catalog.publish(code, "707/QĐ-UBND", DECIDED, "test");
        org.merge(List.of(new UnitId(agency.id())), new UnitId(successor.id()), "Sáp nhập", "test");
        long deadline = System.currentTimeMillis() + 10_000;
        while (!catalog.published(code).agency().id().equals(successor.id()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(catalog.published(code).agency().id()).isEqualTo(successor.id());
    }

    /** Text helper so tests fold as the application does. */
    static final class Texts {
        static String fold(String s) {
            return vn.motcua.shared.Texts.fold(s);
        }
    }
}
