package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

@RecordApplicationEvents
class OrganizationIntegrationTests extends IntegrationTest {

    @Autowired
    OrganizationService org;

    @Autowired
    ApplicationEvents events;

    @Test
    void createsAUnitUnderItsParentAndStoresNamesAsNfc() {
        UnitView agency = fixtures.agency("Sở Thử nghiệm");
        String decomposed = java.text.Normalizer.normalize("Phòng Hành chính  tư pháp ", java.text.Normalizer.Form.NFD);
        UnitView division = org.createUnit(new UnitCommand(decomposed, Fixtures.unitCode(), UnitKind.DIVISION,
                UnitLevel.PROVINCE, agency.id(), null, null));

        assertThat(division.name()).isEqualTo("Phòng Hành chính tư pháp");
        assertThat(java.text.Normalizer.isNormalized(division.name(), java.text.Normalizer.Form.NFC)).isTrue();
        assertThat(division.parentId()).isEqualTo(agency.id());
        assertThat(org.tree(OfficerScope.everything(null), false)).anySatisfy(root ->
                assertThat(root.unit().code()).isEqualTo("000.00.00.H40"));
    }

    @Test
    void refusesADuplicateIdentifier() {
        UnitView agency = fixtures.agency("Sở A");
        assertThatThrownBy(() -> org.createUnit(new UnitCommand("Sở B", agency.code(), UnitKind.AGENCY, UnitLevel.PROVINCE,
                fixtures.province().id(), null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e ->
                        assertThat(e.fieldErrors()).containsEntry("code", "unit.code.taken"));
    }

    @Test
    void refusesAUnitMadeItsOwnParentOrItsDescendantsChild() {
        UnitView agency = fixtures.agency("Sở Vòng lặp");
        UnitView division = fixtures.child(agency, "Phòng con", UnitKind.DIVISION);
        UnitView grandchild = fixtures.child(division, "Tổ cháu", UnitKind.DIVISION);

        UnitCommand ownParent = new UnitCommand(agency.name(), agency.code(), agency.kind(), agency.level(), agency.id(), null, null);
        assertThatThrownBy(() -> org.updateUnit(agency.unitId(), agency.version(), ownParent))
                .isInstanceOfSatisfying(InvalidInput.class, e ->
                        assertThat(e.fieldErrors()).containsEntry("parentId", "unit.parent.cycle"));

        UnitCommand underGrandchild = new UnitCommand(agency.name(), agency.code(), agency.kind(), agency.level(),
                grandchild.id(), null, null);
        assertThatThrownBy(() -> org.updateUnit(agency.unitId(), agency.version(), underGrandchild))
                .isInstanceOf(InvalidInput.class);
        assertThat(org.findUnit(agency.unitId()).orElseThrow().parentId()).isEqualTo(fixtures.province().id());
    }

    @Test
    void refusesAStaleEdit() {
        UnitView agency = fixtures.agency("Sở Phiên bản");
        UnitCommand rename = new UnitCommand("Sở Phiên bản mới", agency.code(), agency.kind(), agency.level(),
                agency.parentId(), null, null);
        org.updateUnit(agency.unitId(), agency.version(), rename);
        assertThatThrownBy(() -> org.updateUnit(agency.unitId(), agency.version(), rename))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void mergingDissolvesTheSourcesIntoTheSuccessorWithTheirSubUnitsAndStaff() {
        UnitView a = fixtures.commune("Xã A");
        UnitView b = fixtures.commune("Xã B");
        UnitView c = fixtures.commune("Xã C");
        UnitView deskOfA = fixtures.child(a, "Bộ phận Một cửa xã A", UnitKind.ONE_STOP_DESK);
        StaffView officerOfB = fixtures.staff(Role.ONE_STOP_OFFICER, b);

        org.merge(List.of(a.unitId(), b.unitId()), c.unitId(), "Nghị quyết sáp nhập", "admin");

        UnitView dissolvedA = org.findUnit(a.unitId()).orElseThrow();
        assertThat(dissolvedA.active()).isFalse();
        assertThat(dissolvedA.successorId()).isEqualTo(c.id());
        assertThat(org.findUnit(b.unitId()).orElseThrow().successorId()).isEqualTo(c.id());
        assertThat(org.findUnit(deskOfA.unitId()).orElseThrow().parentId()).isEqualTo(c.id());
        StaffView moved = org.staff(officerOfB.staffId(), OfficerScope.everything(null));
        assertThat(moved.units()).extracting(UnitView::id).containsExactly(c.id());
        assertThat(events.stream(UnitsMerged.class)).anySatisfy(e -> {
            assertThat(e.successor()).isEqualTo(c.unitId());
            assertThat(e.dissolved()).containsExactlyInAnyOrder(a.unitId(), b.unitId());
        });
    }

    @Test
    void refusesToMergeIntoADissolvedUnitOrIntoOneOfTheSources() {
        UnitView a = fixtures.commune("Xã D");
        UnitView b = fixtures.commune("Xã E");
        assertThatThrownBy(() -> org.merge(List.of(a.unitId(), b.unitId()), a.unitId(), null, "admin"))
                .isInstanceOf(InvalidInput.class);
        UnitView c = fixtures.commune("Xã F");
        org.merge(List.of(c.unitId()), b.unitId(), null, "admin");
        assertThatThrownBy(() -> org.merge(List.of(a.unitId()), c.unitId(), null, "admin"))
                .isInstanceOfSatisfying(InvalidInput.class, e ->
                        assertThat(e.fieldErrors()).containsEntry("successor", "unit.merge.successorDissolved"));
        assertThat(org.findUnit(a.unitId()).orElseThrow().active()).isTrue();
    }

    @Test
    void anOfficerSeesTheirUnitsAndThoseBelowButNotOthers() {
        UnitView agency = fixtures.agency("Sở Phạm vi");
        UnitView division = fixtures.child(agency, "Phòng trong phạm vi", UnitKind.DIVISION);
        UnitView other = fixtures.agency("Sở Khác");
        StaffView leader = fixtures.staff(Role.LEADER, agency);

        OfficerScope scope = org.scopeOf(leader.staffId());

        assertThat(scope.allUnits()).isFalse();
        assertThat(scope.includes(agency.unitId())).isTrue();
        assertThat(scope.includes(division.unitId())).isTrue();
        assertThat(scope.includes(other.unitId())).isFalse();
        assertThat(scope.includes(fixtures.province().unitId())).isFalse();
        assertThatThrownBy(() -> org.unit(other.unitId(), scope)).isInstanceOf(NotFound.class);
    }

    @Test
    void supervisorsAndAdministratorsSeeEveryUnit() {
        UnitView agency = fixtures.agency("Sở Giám sát");
        StaffView supervisor = fixtures.staff(Role.SUPERVISOR, agency);
        OfficerScope scope = org.scopeOf(supervisor.staffId());
        assertThat(scope.allUnits()).isTrue();
        assertThat(scope.includes(fixtures.province().unitId())).isTrue();
    }

    @Test
    void staffOfAnotherUnitIsNotFoundOutsideTheScope() {
        UnitView mine = fixtures.agency("Sở Của tôi");
        UnitView theirs = fixtures.agency("Sở Của họ");
        StaffView me = fixtures.staff(Role.SPECIALIST, mine);
        StaffView them = fixtures.staff(Role.SPECIALIST, theirs);
        assertThatThrownBy(() -> org.staff(them.staffId(), org.scopeOf(me.staffId()))).isInstanceOf(NotFound.class);
        assertThat(org.staff(me.staffId(), org.scopeOf(me.staffId())).username()).isEqualTo(me.username());
    }

    @Test
    void refusesADuplicateUsernameAndAShortPassword() {
        UnitView unit = fixtures.agency("Sở Tài khoản");
        StaffView existing = fixtures.staff(Role.SPECIALIST, unit);
        StaffCommand dup = new StaffCommand(existing.username(), "Người khác", "short", null, null, null,
                Set.of(Role.SPECIALIST), Set.of(unit.id()));
        assertThatThrownBy(() -> org.createStaff(dup)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.fieldErrors()).containsEntry("username", "staff.username.taken");
            assertThat(e.fieldErrors()).containsEntry("password", "staff.password.short");
        });
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        fixtures.agency("Sở Văn hóa Thử Tìm Kiếm");
        assertThat(org.searchUnits("VAN HOA THU TIM", false, OfficerScope.everything(null)))
                .extracting(UnitView::name).contains("Sở Văn hóa Thử Tìm Kiếm");
        assertThat(org.searchUnits("truong vinh", false, OfficerScope.everything(null)))
                .extracting(UnitView::name).contains("Ủy ban nhân dân phường Trường Vinh");
    }
}
