package vn.motcua.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.IntegrationTest;

/** Inspections with findings and fixes to closure, and the legal-document review, with their guards. */
class InspectionServiceTests extends IntegrationTest {

    @Autowired
    InspectionService inspections;

    @Autowired
    LegalReviewService legal;

    @Autowired
    DossierFixtures dossierFixtures;

    @AfterEach
    void unpin() {
        clock.reset();
    }

    @Test
    void anInspectionsFixesAreFollowedToClosure() {
        DossierFixtures.World w = dossierFixtures.world();
        DossierFixtures.World other = dossierFixtures.world();
        StaffPrincipal supervisor = DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
        clock.pin(Instant.parse("2026-04-01T02:00:00Z"));

        assertThatThrownBy(() -> inspections.schedule(new InspectionCommand(w.agency().id(), "Kiểm tra", LocalDate.of(2026, 4, 20)),
                w.leaderPrincipal())).isInstanceOf(AccessDeniedException.class);
        InspectionView i = inspections.schedule(new InspectionCommand(w.agency().id(), "Kiểm tra công tác CCHC quý II",
                LocalDate.of(2026, 4, 20)), supervisor);
        assertThat(i.status()).isEqualTo(InspectionStatus.PLANNED);
        assertThatThrownBy(() -> inspections.get(i.id(), other.leaderPrincipal())).isInstanceOf(NotFound.class);
        assertThat(inspections.get(i.id(), w.leaderPrincipal()).title()).isEqualTo("Kiểm tra công tác CCHC quý II");
        // the division's specialist does not see an inspection of the agency above the division
        assertThatThrownBy(() -> inspections.get(i.id(), w.specialistPrincipal())).isInstanceOf(NotFound.class);

        // a finding points at a procedure, an officer or a dossier that must exist
        assertThatThrownBy(() -> inspections.addFinding(i.id(), new InspectionFindingCommand("Hồ sơ trễ hạn",
                InspectionTargetKind.DOSSIER, "000.00.00.H40-260401-9999"), supervisor))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("targetRef"));
        InspectionFindingView onProcedure = inspections.addFinding(i.id(), new InspectionFindingCommand(
                "Quy trình nội bộ chưa cập nhật", InspectionTargetKind.PROCEDURE, w.procedure().code()), supervisor);
        InspectionFindingView onOfficer = inspections.addFinding(i.id(), new InspectionFindingCommand(
                "Chưa xin lỗi khi trễ hạn", InspectionTargetKind.OFFICER, w.specialist().username()), supervisor);
        assertThat(inspections.get(i.id(), supervisor).status()).isEqualTo(InspectionStatus.DONE);

        assertThatThrownBy(() -> inspections.requireFix(onProcedure.id(), new InspectionFixCommand("Cập nhật", LocalDate.of(2026, 3, 1)),
                supervisor)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("dueOn"));
        InspectionFixView fix1 = inspections.requireFix(onProcedure.id(),
                new InspectionFixCommand("Cập nhật quy trình nội bộ", LocalDate.of(2026, 5, 15)), supervisor);
        InspectionFixView fix2 = inspections.requireFix(onOfficer.id(),
                new InspectionFixCommand("Nhắc nhở, kiểm điểm", LocalDate.of(2026, 5, 15)), supervisor);

        assertThatThrownBy(() -> inspections.reportFix(fix1.id(), "Đã làm", supervisor))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inspections.reportFix(fix1.id(), "Đã làm", other.leaderPrincipal())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> inspections.closeFix(fix1.id(), "Xong", w.leaderPrincipal()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(inspections.reportFix(fix1.id(), "Đã ban hành quy trình mới", w.leaderPrincipal()).status())
                .isEqualTo(InspectionFixStatus.REPORTED);
        assertThatThrownBy(() -> inspections.reportFix(fix1.id(), "Lần nữa", w.leaderPrincipal()))
                .isInstanceOf(DomainRuleViolation.class);

        clock.pin(Instant.parse("2026-05-20T02:00:00Z"));
        InspectionView late = inspections.get(i.id(), supervisor);
        assertThat(late.findings()).flatExtracting(InspectionFindingView::fixes)
                .filteredOn(x -> x.id() == fix2.id()).singleElement().satisfies(x -> assertThat(x.overdue()).isTrue());

        assertThatThrownBy(() -> inspections.closeFix(fix1.id(), " ", supervisor)).isInstanceOf(InvalidInput.class);
        inspections.closeFix(fix1.id(), "Đạt yêu cầu", supervisor);
        assertThat(inspections.get(i.id(), supervisor).status()).isEqualTo(InspectionStatus.DONE);
        assertThat(inspections.closeFix(fix2.id(), "Đã kiểm điểm", supervisor).status()).isEqualTo(InspectionFixStatus.CLOSED);
        InspectionView closed = inspections.get(i.id(), w.leaderPrincipal());
        assertThat(closed.status()).isEqualTo(InspectionStatus.CLOSED);
        assertThat(closed.openFixes()).isZero();
        assertThatThrownBy(() -> inspections.addFinding(i.id(), new InspectionFindingCommand("Thêm", null, null), supervisor))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void aLegalReviewNamesTheProceduresItGovernsAndTheResponsibleUnitRecordsTheOutcome() {
        DossierFixtures.World w = dossierFixtures.world();
        DossierFixtures.World other = dossierFixtures.world();
        StaffPrincipal supervisor = DossierFixtures.World.principal(fixtures.staff(Role.SUPERVISOR, fixtures.province()));
        clock.pin(Instant.parse("2026-06-01T02:00:00Z"));
        LegalReviewCommand bad = new LegalReviewCommand(2026, "12/2019/QĐ-UBND", "Quy định về cấp giấy phép",
                LegalReviewProblem.CONTRADICTORY, "Thời hạn giải quyết mâu thuẫn với nghị định", LegalReviewProposal.AMEND,
                w.agency().id(), LocalDate.of(2026, 9, 30), List.of(w.procedure().code(), "9.999999"));
        assertThatThrownBy(() -> legal.create(bad, supervisor)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsEntry("procedureCodes", "reform.legal.procedure.unknown"));
        assertThatThrownBy(() -> legal.create(bad, w.leaderPrincipal())).isInstanceOf(AccessDeniedException.class);

        LegalReviewView r = legal.create(new LegalReviewCommand(2026, "12/2019/QĐ-UBND", "Quy định về cấp giấy phép",
                LegalReviewProblem.CONTRADICTORY, "Thời hạn giải quyết mâu thuẫn với nghị định", LegalReviewProposal.AMEND,
                w.agency().id(), LocalDate.of(2026, 9, 30), List.of(w.procedure().code(), " " + w.procedure().code())), supervisor);
        assertThat(r.procedureCodes()).containsExactly(w.procedure().code());
        assertThat(r.outcome()).isEqualTo(LegalReviewOutcome.PENDING);
        assertThat(legal.list(2026, w.leaderPrincipal()).reviews()).extracting(LegalReviewView::id).contains(r.id());
        assertThat(legal.list(2026, other.leaderPrincipal()).reviews()).extracting(LegalReviewView::id).doesNotContain(r.id());
        assertThatThrownBy(() -> legal.decide(r.id(), LegalReviewOutcome.DONE, "x", other.leaderPrincipal()))
                .isInstanceOf(NotFound.class);

        clock.pin(Instant.parse("2026-10-05T02:00:00Z"));
        assertThat(legal.get(r.id(), supervisor).overdue()).isTrue();
        LegalReviewView decided = legal.decide(r.id(), LegalReviewOutcome.DONE, "Quyết định 30/2026/QĐ-UBND sửa đổi",
                w.leaderPrincipal());
        assertThat(decided.outcome()).isEqualTo(LegalReviewOutcome.DONE);
        assertThat(decided.outcomeOn()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(decided.overdue()).isFalse();
        assertThatThrownBy(() -> legal.decide(r.id(), LegalReviewOutcome.REJECTED, "x", supervisor))
                .isInstanceOf(DomainRuleViolation.class);
    }
}
