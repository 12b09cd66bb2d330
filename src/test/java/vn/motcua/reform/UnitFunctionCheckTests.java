package vn.motcua.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidInput;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/** The structure check: the same function or procedure held twice, and procedures left without a competent unit by a merge. */
class UnitFunctionCheckTests extends IntegrationTest {

    @Autowired
    UnitFunctionService functions;

    @Autowired
    OrganizationService org;

    @Autowired
    DossierFixtures dossierFixtures;

    StaffPrincipal supervisor() {
        return DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
    }

    @Test
    void twoAgenciesHoldingTheSameFunctionOrProcedureAreFlaggedButTwoCommunesAreNot() {
        StaffPrincipal sup = supervisor();
        long n = System.nanoTime() % 1_000_000;
        UnitView a = fixtures.agency("Sở Thử chồng chéo A " + n);
        UnitView b = fixtures.agency("Sở Thử chồng chéo B " + n);
        UnitView divB = fixtures.child(b, "Phòng Quản lý " + n, UnitKind.DIVISION);
        UnitView c1 = fixtures.commune("Xã Thử chồng chéo 1 " + n);
        UnitView c2 = fixtures.commune("Xã Thử chồng chéo 2 " + n);
        String title = "Quản lý nhà nước về thi đua khen thưởng " + n;
        String code = dossierFixtures.world().procedure().code();
        functions.create(new UnitFunctionCommand(a.id(), UnitFunctionKind.FUNCTION, title, null, "Quyết định 1/2025"), sup);
        // the same words, other case and diacritics typed decomposed (NFD) and a final full stop: still the same function
        functions.create(new UnitFunctionCommand(divB.id(), UnitFunctionKind.TASK,
                java.text.Normalizer.normalize(title.toUpperCase() + ".", java.text.Normalizer.Form.NFD), null, null), sup);
        functions.create(new UnitFunctionCommand(a.id(), UnitFunctionKind.TASK, "Giải quyết thủ tục " + n, code, null), sup);
        functions.create(new UnitFunctionCommand(b.id(), UnitFunctionKind.TASK, "Tiếp nhận thủ tục " + n, code, null), sup);
        functions.create(new UnitFunctionCommand(c1.id(), UnitFunctionKind.FUNCTION, "Quản lý hộ tịch " + n, null, null), sup);
        functions.create(new UnitFunctionCommand(c2.id(), UnitFunctionKind.FUNCTION, "Quản lý hộ tịch " + n, null, null), sup);
        assertThatThrownBy(() -> functions.create(new UnitFunctionCommand(a.id(), UnitFunctionKind.FUNCTION,
                "  quản lý NHÀ NƯỚC về thi đua khen thưởng " + n, null, null), sup))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry("title", "reform.function.duplicate"));

        UnitFunctionCheck check = functions.check(sup);
        assertThat(check.sameFunction()).filteredOn(o -> o.subject().equals(title)).singleElement()
                .satisfies(o -> assertThat(o.units()).extracting(UnitFunctionCheck.Holder::unitId)
                        .containsExactlyInAnyOrder(a.id(), divB.id()));
        assertThat(check.sameFunction()).noneMatch(o -> o.subject().startsWith("Quản lý hộ tịch " + n));
        assertThat(check.sameProcedure()).filteredOn(o -> o.subject().equals(code)).singleElement()
                .satisfies(o -> assertThat(o.units()).extracting(UnitFunctionCheck.Holder::unitId)
                        .containsExactlyInAnyOrder(a.id(), b.id()));
    }

    @Test
    void aMergeLeavesProceduresWithoutACompetentUnitUntilTheSuccessorTakesThemOver() {
        StaffPrincipal sup = supervisor();
        DossierFixtures.World w = dossierFixtures.world(); // a procedure published with w.agency() as its agency
        String code = w.procedure().code();
        UnitView successor = fixtures.agency("Sở Thử kế thừa " + System.nanoTime() % 1_000_000);
        functions.create(new UnitFunctionCommand(w.agency().id(), UnitFunctionKind.TASK, "Cấp giấy phép thử nghiệm", code, null), sup);
        assertThat(functions.check(sup).orphanProcedures()).noneMatch(o -> o.procedureCode().equals(code));

        org.merge(List.of(w.agency().unitId()), successor.unitId(), "Sắp xếp tổ chức bộ máy", "test");
        UnitFunctionCheck after = functions.check(sup);
        assertThat(after.orphanProcedures()).filteredOn(o -> o.procedureCode().equals(code)).singleElement().satisfies(o -> {
            // the catalogue hands the procedure to the successor after the merge, on its own thread: until then the
            // catalogue names the dissolved agency, after it only the functions' records do; orphaned either way
            assertThat(o.source()).isIn("CATALOGUE", "FUNCTIONS");
            assertThat(o.formerUnitId()).isEqualTo(w.agency().id());
            assertThat(o.successorId()).isEqualTo(successor.id());
            assertThat(o.procedureName()).isEqualTo(w.procedure().name());
        });

        functions.create(new UnitFunctionCommand(successor.id(), UnitFunctionKind.TASK, "Cấp giấy phép thử nghiệm", code, null), sup);
        assertThat(functions.check(sup).orphanProcedures()).noneMatch(o -> o.procedureCode().equals(code));
        assertThatThrownBy(() -> functions.create(new UnitFunctionCommand(w.agency().id(), UnitFunctionKind.TASK, "Khác", null, null),
                sup)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsEntry("unitId", "reform.unit.dissolved"));
    }

    @Test
    void leadersRecordTheirOwnUnitsFunctionsAndCannotRunTheCheck() {
        DossierFixtures.World w = dossierFixtures.world();
        DossierFixtures.World other = dossierFixtures.world();
        UnitFunctionView f = functions.create(new UnitFunctionCommand(w.division().id(), UnitFunctionKind.FUNCTION,
                "Thẩm định hồ sơ cấp phép", null, null), w.leaderPrincipal());
        assertThat(f.unitName()).isEqualTo(w.division().name());
        assertThat(functions.list(w.leaderPrincipal())).extracting(UnitFunctionView::id).contains(f.id());
        assertThat(functions.list(other.leaderPrincipal())).extracting(UnitFunctionView::id).doesNotContain(f.id());
        assertThatThrownBy(() -> functions.create(new UnitFunctionCommand(w.division().id(), UnitFunctionKind.TASK, "x", null, null),
                w.specialistPrincipal())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> functions.create(new UnitFunctionCommand(other.agency().id(), UnitFunctionKind.TASK, "x", null, null),
                w.leaderPrincipal())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> functions.check(w.leaderPrincipal())).isInstanceOf(AccessDeniedException.class);
        assertThat(org.findUnit(new UnitId(w.division().id()))).isPresent();
    }
}
