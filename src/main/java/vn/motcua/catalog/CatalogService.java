package vn.motcua.catalog;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.internal.CatalogTransfer;
import vn.motcua.catalog.internal.ImportItem;
import vn.motcua.catalog.internal.ProcedureContent;
import vn.motcua.catalog.internal.ProcedureRules;
import vn.motcua.catalog.internal.ProcedureStore;
import vn.motcua.catalog.internal.ProcedureStore.ProcedureRow;
import vn.motcua.catalog.internal.ProcedureStore.VersionRow;
import vn.motcua.catalog.internal.Violation;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NodeCache;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Texts;

/**
 * The catalog module's API: read the published catalogue and any version of a
 * procedure, search, and (administrators) create, edit, publish, withdraw,
 * import and export procedures.
 *
 * <p>Versions: a procedure starts as draft version 1. Editing a draft changes
 * it in place; editing a procedure whose latest version is published (or
 * withdrawn) creates a new draft version, while the published one stays public
 * until the draft is published by its own deciding act, which supersedes it.
 * No version is ever deleted: {@link #version(String, int)} reads any of them.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final ProcedureStore store;
    private final CatalogTransfer transfer;
    private final OrganizationService organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    public CatalogService(ProcedureStore store, CatalogTransfer transfer, OrganizationService organization,
                          ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.transfer = transfer;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    // --- reading -----------------------------------------------------------------------------------

    /**
     * The version of the procedure the public currently sees, if it is
     * published. Every filing needs it, so a node keeps each answer for up to
     * five seconds, as it keeps the units; it drops them all when it changes a
     * procedure itself (after the change commits), so another node's
     * publication or withdrawal applies there within five seconds.
     */
    public Optional<ProcedureDetail> findPublished(String code) {
        if (!ProcedureRules.isCode(code)) {
            return Optional.empty();
        }
        return published.get(code, k -> store.findPublished(k).map(this::detail));
    }

    private final NodeCache<String, Optional<ProcedureDetail>> published = new NodeCache<>(5_000, 10_000);

    /**
     * The whole published catalogue, each procedure's published version with
     * its cases and steps, in one read (the units named resolved at once):
     * for reports and checks over every procedure, instead of paging the
     * public search and reading each procedure again.
     */
    public List<ProcedureDetail> allPublished() {
        List<VersionRow> rows = store.allPublished();
        Map<Long, UnitView> units = units(rows.stream().flatMap(r -> unitIds(r.content()).stream()).toList());
        return rows.stream().map(r -> detail(r, units)).toList();
    }

    /** The published version, or 404. */
    public ProcedureDetail published(String code) {
        return findPublished(code).orElseThrow(() -> new NotFound("procedure " + code));
    }

    /** Any version of a procedure, whatever its status (a dossier reads the one it was filed under); 404 if none. */
    public ProcedureDetail version(String code, int version) {
        return store.findVersion(code, version).map(this::detail)
                .orElseThrow(() -> new NotFound("procedure " + code + " version " + version));
    }

    /** The newest version (possibly a draft), for administrators. */
    public ProcedureDetail latest(String code) {
        ProcedureRow p = store.findProcedure(code).orElseThrow(() -> new NotFound("procedure " + code));
        return version(code, p.latestVersion());
    }

    /** Every version, newest first. */
    public List<VersionInfo> history(String code) {
        List<VersionRow> rows = store.versions(code);
        if (rows.isEmpty()) {
            throw new NotFound("procedure " + code);
        }
        return rows.stream().map(r -> new VersionInfo(r.version(), r.status(), r.content().name(), local(r.createdAt()),
                r.createdBy(), local(r.updatedAt()), r.updatedBy(), publication(r), r.publishedBy(), withdrawal(r),
                r.withdrawnBy())).toList();
    }

    /** Published procedures matching the query (words of the name or code, ignoring diacritics), one page. */
    public PageResult<ProcedureSummary> searchPublished(ProcedureQuery q) {
        ProcedureStore.Page<ProcedureStore.SummaryRow> page = store.searchPublished(q);
        Map<Long, UnitView> units = units(page.rows().stream().map(ProcedureStore.SummaryRow::agencyUnitId).toList());
        List<ProcedureSummary> items = page.rows().stream().map(r -> new ProcedureSummary(r.code(), r.version(), r.name(),
                r.level(), r.field(), r.agencyUnitId() == null ? UnitRef.kind(vn.motcua.organization.UnitKind.COMMUNE)
                        : ref(r.agencyUnitId(), units), new ProcessingTime(r.durationAmount(), r.durationUnit()),
                r.onlineLevel(), r.feeVnd())).toList();
        return new PageResult<>(items, q.page(), q.size(), page.total());
    }

    /** Every procedure (its latest version) matching the text, optionally with one status; for administrators. */
    public PageResult<ProcedureOverview> searchAll(String q, ProcedureStatus status, int page, int size) {
        vn.motcua.shared.Paging paging = vn.motcua.shared.Paging.of(page, size, 100);
        int p = paging.page();
        int s = paging.size();
        ProcedureStore.Page<ProcedureStore.OverviewRow> rows = store.searchAll(vn.motcua.shared.Texts.query("q", q), status, p, s);
        return new PageResult<>(rows.rows().stream().map(r -> new ProcedureOverview(r.code(), r.name(), r.field(), r.level(),
                r.status(), r.latestVersion(), r.publishedVersion(), r.latestStatus(), local(r.updatedAt()))).toList(),
                p, s, rows.total());
    }

    /** The fields (lĩnh vực) of the published catalogue, for filters. */
    public List<String> publishedFields() {
        return store.publishedFields();
    }

    /** The units that implement at least one published procedure, by name, for filters. */
    public List<UnitRef> publishedAgencies() {
        Map<Long, UnitView> units = units(store.publishedAgencyIds());
        return units.values().stream().sorted(java.util.Comparator.comparing(UnitView::code))
                .map(u -> new UnitRef(u.id(), u.code(), u.name(), null)).toList();
    }

    public Map<ProcedureStatus, Long> countByStatus() {
        return store.countByStatus();
    }

    public long count() {
        return store.count();
    }

    public boolean exists(String code) {
        return store.exists(code);
    }

    // --- changing ----------------------------------------------------------------------------------

    /** Creates a procedure as draft version 1. */
    @Transactional
    public ProcedureDetail create(ProcedureCommand command, String actor) {
        published.forgetAfterCommit();
        ProcedureRules.Checked checked = ProcedureRules.check(command, unitLookup());
        List<Violation> violations = new ArrayList<>(checked.violations());
        if (checked.code() != null && ProcedureRules.isCode(checked.code()) && store.exists(checked.code())) {
            violations.add(0, new Violation("code", "procedure.code.taken", List.of()));
        }
        if (!violations.isEmpty()) {
            throw Violation.asInvalidInput(violations);
        }
        try {
            insert(checked.code(), checked.content(), actor);
        } catch (DuplicateKeyException e) {
            throw InvalidInput.of("code", "procedure.code.taken");
        }
        return latest(checked.code());
    }

    /**
     * Replaces the content of a procedure: a draft is changed in place; a
     * published or withdrawn procedure gets a new draft version. Content equal
     * to the latest version changes nothing.
     */
    @Transactional
    public ProcedureDetail update(String code, ProcedureCommand command, String actor) {
        published.forgetAfterCommit();
        ProcedureRow p = store.lockProcedure(code).orElseThrow(() -> new NotFound("procedure " + code));
        List<Violation> violations = new ArrayList<>();
        if (!Texts.isBlank(command.code()) && !command.code().strip().equals(code)) {
            violations.add(new Violation("code", "procedure.code.immutable", List.of()));
        }
        ProcedureRules.Checked checked = ProcedureRules.check(command.withCode(code), unitLookup());
        violations.addAll(checked.violations());
        if (!violations.isEmpty()) {
            throw Violation.asInvalidInput(violations);
        }
        if (command.revision() != null && command.revision() != p.revision()) {
            throw new OptimisticLockingFailureException("procedure " + code + " changed since revision " + command.revision());
        }
        replace(p, checked.content(), actor);
        return latest(code);
    }

    /** Publishes the latest draft by the deciding act; the version published before (if any) is superseded. */
    @Transactional
    public ProcedureDetail publish(String code, String decision, LocalDate decidedOn, String actor) {
        published.forgetAfterCommit();
        ProcedureRow p = store.lockProcedure(code).orElseThrow(() -> new NotFound("procedure " + code));
        String act = checkAct(decision, decidedOn, true);
        doPublish(p, act, decidedOn, actor);
        return version(code, p.latestVersion());
    }

    /** Withdraws a published procedure (abolished, replaced by another): nothing of it stays public. */
    @Transactional
    public ProcedureDetail withdraw(String code, String decision, LocalDate decidedOn, String reason, String actor) {
        published.forgetAfterCommit();
        ProcedureRow p = store.lockProcedure(code).orElseThrow(() -> new NotFound("procedure " + code));
        String act = checkAct(decision, decidedOn, false);
        String why = Texts.clean(reason);
        if (why != null && why.length() > 1000) {
            throw InvalidInput.of("reason", "validation.tooLong");
        }
        if (p.status() != ProcedureStatus.PUBLISHED) {
            throw new DomainRuleViolation("illegal-transition", "procedure.withdraw.notPublished", code);
        }
        Instant now = clock.instant();
        int v = p.publishedVersion();
        store.markWithdrawn(p.id(), v, act, decidedOn, Texts.isBlank(why) ? null : why, now, actor);
        store.updateProcedure(p.id(), ProcedureStatus.WITHDRAWN, p.latestVersion(), null, now);
        audit.record(AuditEntry.of("catalog.procedure.withdrawn", actor, "procedure", code)
                .detail("version " + v + "; decision " + act + (decidedOn == null ? "" : " of " + decidedOn))
                .reason(Texts.isBlank(why) ? null : why)
                .change("status", p.status(), ProcedureStatus.WITHDRAWN));
        events.publishEvent(new ProcedureWithdrawn(code, v, act, decidedOn, why, now));
        return version(code, v);
    }

    private String checkAct(String decision, LocalDate decidedOn, boolean required) {
        Map<String, String> errors = new LinkedHashMap<>();
        String act = Texts.clean(decision);
        if (Texts.isBlank(act)) {
            act = null;
            if (required) {
                errors.put("decision", "validation.required");
            }
        } else if (act.length() > 255) {
            errors.put("decision", "validation.tooLong");
        }
        if (decidedOn == null) {
            if (required) {
                errors.put("decidedOn", "validation.required");
            }
        } else if (decidedOn.isAfter(LocalDate.now(clock))) {
            errors.put("decidedOn", "procedure.decidedOn.future");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return act;
    }

    private void doPublish(ProcedureRow p, String decision, LocalDate decidedOn, String actor) {
        VersionRow latest = store.findVersion(p.code(), p.latestVersion()).orElseThrow();
        if (latest.status() != VersionStatus.DRAFT) {
            throw new DomainRuleViolation("illegal-transition",
                    p.status() == ProcedureStatus.PUBLISHED ? "procedure.publish.alreadyPublished" : "procedure.publish.noDraft",
                    p.code());
        }
        // the units named may have been dissolved since the draft was saved
        ProcedureRules.Checked again = ProcedureRules.check(command(p.code(), latest.content()), unitLookup());
        if (!again.ok()) {
            throw Violation.asInvalidInput(again.violations());
        }
        Instant now = clock.instant();
        if (p.publishedVersion() != null) {
            store.supersede(p.id(), p.publishedVersion());
        }
        store.markPublished(p.id(), latest.version(), decision, decidedOn, now, actor);
        store.updateProcedure(p.id(), ProcedureStatus.PUBLISHED, p.latestVersion(), latest.version(), now);
        audit.record(AuditEntry.of("catalog.procedure.published", actor, "procedure", p.code())
                .detail("version " + latest.version() + "; decision " + decision + " of " + decidedOn)
                .change("status", p.status(), ProcedureStatus.PUBLISHED)
                .change("publishedVersion", p.publishedVersion(), latest.version()));
        events.publishEvent(new ProcedurePublished(p.code(), latest.version(), latest.content().name(), decision,
                decidedOn, now));
    }

    private void insert(String code, ProcedureContent content, String actor) {
        Instant now = clock.instant();
        long id = store.insertProcedure(code, now);
        store.insertVersion(id, 1, code, content, now, actor);
        audit.record(AuditEntry.of("catalog.procedure.created", actor, "procedure", code)
                .detail("draft version 1: " + content.name()));
    }

    /** Applies checked content; returns false when it equals the latest version (nothing changed). */
    private boolean replace(ProcedureRow p, ProcedureContent content, String actor) {
        VersionRow latest = store.findVersion(p.code(), p.latestVersion()).orElseThrow();
        if (latest.content().equals(content)) {
            return false;
        }
        audit.record(AuditEntry.of("catalog.procedure.edited", actor, "procedure", p.code())
                .detail(latest.status() == VersionStatus.DRAFT ? "draft version " + latest.version() + " changed"
                        : "new draft version " + (p.latestVersion() + 1))
                .changes(latest.content(), content));
        Instant now = clock.instant();
        if (latest.status() == VersionStatus.DRAFT) {
            store.updateDraft(p.id(), latest.version(), content, now, actor);
            store.updateProcedure(p.id(), p.status(), p.latestVersion(), p.publishedVersion(), now);
        } else {
            int next = p.latestVersion() + 1;
            store.insertVersion(p.id(), next, p.code(), content, now, actor);
            store.updateProcedure(p.id(), p.status(), next, p.publishedVersion(), now);
        }
        return true;
    }

    // --- import and export -------------------------------------------------------------------------

    /** The latest version of every procedure, in the shape of the JSON API. */
    public List<ProcedureDetail> exportAll() {
        List<ProcedureDetail> all = latestOfEach();
        audit.recordAlone(AuditEntry.of("catalog.exported", AuditTrail.currentActor(), "catalog", null)
                .detail("json; " + all.size() + " procedures"));
        return all;
    }

    private List<ProcedureDetail> latestOfEach() {
        List<VersionRow> rows = store.allLatest();
        Map<Long, UnitView> units = units(rows.stream().flatMap(r -> unitIds(r.content()).stream()).toList());
        return rows.stream().map(r -> detail(r, units)).toList();
    }

    /** The catalogue as a spreadsheet: procedures, cases and steps, components, forms, fees, legal basis. */
    public byte[] exportXlsx() {
        List<ProcedureDetail> all = latestOfEach();
        byte[] xlsx = transfer.writeXlsx(all);
        audit.recordAlone(AuditEntry.of("catalog.exported", AuditTrail.currentActor(), "catalog", null)
                .detail("xlsx; " + all.size() + " procedures"));
        return xlsx;
    }

    /** Imports a JSON array in the API's shape; all or nothing. */
    @Transactional
    public ImportReport importJson(InputStream in, String actor) {
        published.forgetAfterCommit();
        CatalogTransfer.Parsed parsed = transfer.readJson(in);
        return importItems(parsed.items(), parsed.errors(), actor);
    }

    /** Imports a spreadsheet in the export's layout; all or nothing. */
    @Transactional
    public ImportReport importXlsx(InputStream in, String actor) {
        published.forgetAfterCommit();
        CatalogTransfer.Parsed parsed = transfer.readXlsx(in);
        return importItems(parsed.items(), parsed.errors(), actor);
    }

    /**
     * Checks every item first (rules, duplicate codes in the file, the act for
     * items to publish) and refuses the whole import, naming each bad row and
     * field, if anything is wrong; otherwise creates or replaces each procedure
     * and publishes those the file marks as published.
     */
    private ImportReport importItems(List<ImportItem> items, List<ImportError> parseErrors, String actor) {
        List<ImportError> errors = new ArrayList<>(parseErrors);
        ProcedureRules.Units lookup = unitLookup();
        Set<String> seen = new HashSet<>();
        List<ProcedureRules.Checked> checked = new ArrayList<>();
        for (ImportItem item : items) {
            ProcedureRules.Checked c = ProcedureRules.check(item.command(), lookup);
            checked.add(c);
            c.violations().forEach(v -> errors.add(item.locate(v)));
            if (c.code() != null && !seen.add(c.code())) {
                errors.add(item.locate(new Violation("code", "procedure.import.duplicateCode", List.of(c.code()))));
            }
            if (item.publish()) {
                if (Texts.isBlank(item.decision())) {
                    errors.add(item.locate(new Violation("decision", "validation.required", List.of())));
                }
                if (item.decidedOn() == null) {
                    errors.add(item.locate(new Violation("decidedOn", "validation.required", List.of())));
                } else if (item.decidedOn().isAfter(LocalDate.now(clock))) {
                    errors.add(item.locate(new Violation("decidedOn", "procedure.decidedOn.future", List.of())));
                }
            }
        }
        if (items.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportError(null, 0, null, "", "procedure.import.empty", new Object[0]));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ImportItem item = items.get(i);
            ProcedureRules.Checked c = checked.get(i);
            Optional<ProcedureRow> existing = store.lockProcedure(c.code());
            if (existing.isEmpty()) {
                insert(c.code(), c.content(), actor);
                created.add(c.code());
            } else if (replace(existing.get(), c.content(), actor)) {
                updated.add(c.code());
            } else {
                unchanged.add(c.code());
            }
            if (item.publish()) {
                ProcedureRow p = store.lockProcedure(c.code()).orElseThrow();
                VersionRow latest = store.findVersion(c.code(), p.latestVersion()).orElseThrow();
                if (latest.status() == VersionStatus.DRAFT) {
                    doPublish(p, Texts.clean(item.decision()), item.decidedOn(), actor);
                    published.add(c.code());
                }
            }
        }
        return new ImportReport(created, updated, unchanged, published);
    }

    // --- mapping -----------------------------------------------------------------------------------

    /** Looks units up through the organization module, remembering what it found during one operation. */
    private ProcedureRules.Units unitLookup() {
        Map<Long, Optional<UnitView>> byId = new HashMap<>();
        Map<String, Optional<UnitView>> byCode = new HashMap<>();
        return new ProcedureRules.Units() {
            @Override
            public Optional<UnitView> byId(long id) {
                return byId.computeIfAbsent(id, k -> organization.findUnit(new UnitId(k)));
            }

            @Override
            public Optional<UnitView> byCode(String code) {
                return byCode.computeIfAbsent(code, organization::findUnitByCode);
            }
        };
    }

    private Map<Long, UnitView> units(List<Long> ids) {
        Set<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return organization.units(wanted).stream().collect(Collectors.toMap(UnitView::id, Function.identity()));
    }

    private static Set<Long> unitIds(ProcedureContent c) {
        Set<Long> ids = new HashSet<>();
        if (c.agency() != null && c.agency().id() != null) {
            ids.add(c.agency().id());
        }
        c.cases().forEach(k -> k.steps().forEach(s -> {
            if (s.unit() != null && s.unit().id() != null) {
                ids.add(s.unit().id());
            }
        }));
        return ids;
    }

    private static UnitRef ref(Long id, Map<Long, UnitView> units) {
        UnitView u = units.get(id);
        return u == null ? UnitRef.unit(id) : new UnitRef(u.id(), u.code(), u.name(), null);
    }

    private static UnitRef resolve(UnitRef r, Map<Long, UnitView> units) {
        return r == null || r.id() == null ? r : ref(r.id(), units);
    }

    private ProcedureDetail detail(VersionRow r) {
        return detail(r, units(new ArrayList<>(unitIds(r.content()))));
    }

    private ProcedureDetail detail(VersionRow r, Map<Long, UnitView> units) {
        ProcedureContent c = r.content();
        List<ProcedureCase> cases = c.cases().stream().map(k -> new ProcedureCase(k.id(), k.name(), k.duration(),
                k.onlineDuration(), k.steps().stream().map(s -> new Step(s.name(), s.role(), resolve(s.unit(), units),
                        s.share())).toList())).toList();
        Set<FilingMethod> methods = c.methods().isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(c.methods()));
        ProcedureRow p = r.procedure();
        return new ProcedureDetail(p.code(), r.version(), r.status(), p.status(), c.name(), c.field(), c.level(),
                resolve(c.agency(), units), c.subjects(), methods, c.onlineLevel(), c.interAgency(), c.crossBoundary(),
                cases, c.components(), c.forms(), c.fees(), c.feeVnd(), c.resultType(), c.legalBasis(),
                publication(r), withdrawal(r), p.publishedVersion(), p.latestVersion(), p.revision(), local(r.updatedAt()));
    }

    private Publication publication(VersionRow r) {
        return r.decision() == null ? null : new Publication(r.decision(), r.decidedOn(), local(r.publishedAt()), null);
    }

    private Publication withdrawal(VersionRow r) {
        return r.withdrawnAt() == null ? null
                : new Publication(r.withdrawDecision(), r.withdrawnOn(), local(r.withdrawnAt()), r.withdrawReason());
    }

    private OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    /** The command that would recreate stored content (to check it again before publication). */
    private static ProcedureCommand command(String code, ProcedureContent c) {
        return new ProcedureCommand(code, c.name(), c.field(), c.level(), c.agency(), c.subjects(), c.methods(),
                c.onlineLevel(), c.interAgency(), c.crossBoundary(), c.cases(), c.components(), c.forms(), c.fees(),
                c.feeVnd(), c.resultType(), c.legalBasis(), null);
    }
}
