package vn.motcua.catalog;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.internal.ComplianceCostPolicy;
import vn.motcua.catalog.internal.SimplificationStore;
import vn.motcua.catalog.internal.SimplificationStore.ProposalRow;
import vn.motcua.catalog.internal.SimplificationWorkbook;
import vn.motcua.catalog.internal.Violation;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;

/**
 * Review and simplification of procedures (rà soát, đơn giản hóa): proposals
 * to amend, replace or abolish a procedure of the catalogue, with their
 * reasons and the compliance cost before and after (Circular 02/2017/TT-VPCP
 * Art. 27; arithmetic and rounding in {@link ComplianceCostPolicy}), the
 * review list with its totals and its spreadsheet. For administrators.
 *
 * <p>Lifecycle: a proposal is created as DRAFT and may be edited while it is
 * one; it is SUBMITTED, then ACCEPTED or REJECTED (with a reason). Any other
 * move answers 409 with rule {@code illegal-transition}; editing a proposal
 * that is no longer a draft answers 409 with rule {@code not-editable}.
 */
@Service
@Transactional(readOnly = true)
public class SimplificationService {

    private final SimplificationStore store;
    private final SimplificationWorkbook workbook;
    private final CatalogService catalog;
    private final Clock clock;
    private final vn.motcua.audit.AuditTrail audit;

    public SimplificationService(SimplificationStore store, SimplificationWorkbook workbook, CatalogService catalog,
                                 Clock clock, vn.motcua.audit.AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.workbook = workbook;
        this.catalog = catalog;
        this.clock = clock;
    }

    // --- reading -----------------------------------------------------------------------------------

    /** The proposals with the status and the kind (null: any), by procedure code, and the totals of their figures. */
    public SimplificationReview review(SimplificationStatus status, SimplificationKind kind) {
        List<SimplificationProposal> items = store.list(status, kind).stream().map(this::view).toList();
        long before = items.stream().mapToLong(p -> p.saving().annualCostBeforeVnd()).sum();
        long after = items.stream().mapToLong(p -> p.saving().annualCostAfterVnd()).sum();
        return new SimplificationReview(items, ComplianceCostPolicy.saving(before, after));
    }

    /** One proposal, or 404. */
    public SimplificationProposal get(long id) {
        return store.find(id).map(this::view).orElseThrow(() -> new NotFound("simplification proposal " + id));
    }

    public long count() {
        return store.count();
    }

    /** Code → name of every procedure of the catalogue (the published version's name, else the latest's), for choosing. */
    public Map<String, String> procedureNames() {
        return store.procedureNames();
    }

    /** The review list as a spreadsheet; {@code filter} describes the filters in the title's second line. */
    public byte[] exportXlsx(SimplificationStatus status, SimplificationKind kind, String filter, Locale locale) {
        byte[] xlsx = workbook.xlsx(review(status, kind), filter, locale);
        audit.recordAlone(vn.motcua.audit.AuditEntry.of("catalog.simplification.exported",
                        vn.motcua.audit.AuditTrail.currentActor(), "simplification-review", null)
                .detail("xlsx; status " + status + "; kind " + kind));
        return xlsx;
    }

    /** The figures of one side while it is typed, or null when a number is missing or out of range. */
    public ComplianceCostView estimate(ComplianceCost side) {
        return ComplianceCostPolicy.tryFigures(side);
    }

    /**
     * The saving the figures typed so far give, or null while they are
     * incomplete: the side before is needed, and the side after unless the
     * proposal abolishes the procedure.
     */
    public CostSaving estimateSaving(SimplificationKind kind, ComplianceCostView before, ComplianceCostView after) {
        if (before == null || (after == null && kind != SimplificationKind.ABOLISH)) {
            return null;
        }
        return ComplianceCostPolicy.saving(before, kind == SimplificationKind.ABOLISH ? null : after);
    }

    // --- changing ----------------------------------------------------------------------------------

    /** Creates a proposal as a draft. */
    @Transactional
    public SimplificationProposal create(SimplificationCommand command, String actor) {
        SimplificationCommand c = checked(command);
        long id = store.insert(c.procedureCode(), c.kind(), c.reasons(), c.proposedChanges(), c.before(), c.after(),
                clock.instant(), actor);
        return get(id);
    }

    /** Replaces the content of a draft; {@code revision}, when given, must be the current one. */
    @Transactional
    public SimplificationProposal update(long id, SimplificationCommand command, String actor) {
        ProposalRow row = locked(id);
        if (row.status() != SimplificationStatus.DRAFT) {
            throw new DomainRuleViolation("not-editable", "simplification.edit.illegal", id);
        }
        SimplificationCommand c = checked(command);
        if (command.revision() != null && command.revision() != row.revision()) {
            throw new OptimisticLockingFailureException("simplification proposal " + id + " changed since revision "
                    + command.revision());
        }
        store.update(id, c.procedureCode(), c.kind(), c.reasons(), c.proposedChanges(), c.before(), c.after(),
                clock.instant(), actor);
        return get(id);
    }

    /** DRAFT → SUBMITTED. */
    @Transactional
    public SimplificationProposal submit(long id, String actor) {
        ProposalRow row = locked(id);
        move(row, SimplificationStatus.SUBMITTED);
        store.submitted(id, clock.instant(), actor);
        return get(id);
    }

    /** SUBMITTED → ACCEPTED, with an optional note. */
    @Transactional
    public SimplificationProposal accept(long id, String note, String actor) {
        ProposalRow row = locked(id);
        move(row, SimplificationStatus.ACCEPTED);
        String n = note(note, false);
        store.decided(id, SimplificationStatus.ACCEPTED, n, clock.instant(), actor);
        return get(id);
    }

    /** SUBMITTED → REJECTED, with the reason (required). */
    @Transactional
    public SimplificationProposal reject(long id, String note, String actor) {
        ProposalRow row = locked(id);
        move(row, SimplificationStatus.REJECTED);
        String n = note(note, true);
        store.decided(id, SimplificationStatus.REJECTED, n, clock.instant(), actor);
        return get(id);
    }

    private ProposalRow locked(long id) {
        return store.lock(id).orElseThrow(() -> new NotFound("simplification proposal " + id));
    }

    private SimplificationCommand checked(SimplificationCommand command) {
        ComplianceCostPolicy.Checked checked = ComplianceCostPolicy.check(command, catalog::exists);
        if (!checked.ok()) {
            throw Violation.asInvalidInput(checked.violations());
        }
        return checked.command();
    }

    private static void move(ProposalRow row, SimplificationStatus next) {
        if (!row.status().canMoveTo(next)) {
            throw new DomainRuleViolation("illegal-transition", next == SimplificationStatus.SUBMITTED
                    ? "simplification.submit.illegal" : "simplification.decide.illegal", row.id());
        }
    }

    private static String note(String note, boolean required) {
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n == null && required) {
            throw InvalidInput.of("note", "simplification.reject.noteRequired");
        }
        if (n != null && n.length() > 2000) {
            throw InvalidInput.of("note", "validation.tooLong");
        }
        return n == null ? null : java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFC);
    }

    // --- mapping -----------------------------------------------------------------------------------

    private SimplificationProposal view(ProposalRow r) {
        ComplianceCostView before = ComplianceCostPolicy.figures(r.before());
        ComplianceCostView after = r.after() == null ? null : ComplianceCostPolicy.figures(r.after());
        return new SimplificationProposal(r.id(), r.procedureCode(), r.procedureName(), r.kind(), r.status(), r.reasons(),
                r.proposedChanges(), before, after, ComplianceCostPolicy.saving(before, after), local(r.submittedAt()),
                r.submittedBy(), local(r.decidedAt()), r.decidedBy(), r.decisionNote(), r.revision(), local(r.createdAt()),
                r.createdBy(), local(r.updatedAt()), r.updatedBy());
    }

    private OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
