package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.Timing;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.internal.ActPolicy;
import vn.motcua.dossier.internal.Actor;
import vn.motcua.dossier.internal.Dossier;
import vn.motcua.dossier.internal.DossierCodes;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.FilingTemplate;
import vn.motcua.dossier.internal.ProcedureTemplates;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;

/**
 * The dossier module's API: file, act, read, search, track. Every act loads
 * the aggregate, checks the caller's scope (404 outside it) and role (403),
 * applies the act, saves with the version check and publishes the event, all
 * in one transaction: a refused act leaves the dossier exactly as it was.
 */
@Service
@Transactional(readOnly = true)
public class DossierService {

    private final DossierStore store;
    private final DossierCodes codes;
    private final DossierQueries queries;
    private final ProcedureTemplates templates;
    private final OrganizationService org;
    private final CalendarService calendars;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final vn.motcua.dossier.internal.SlipRenderer slips;
    private final vn.motcua.dossier.internal.LogBookExporter logBook;
    private final String publicUrl;
    private final vn.motcua.warehouse.FileService files;
    private final vn.motcua.warehouse.PersonalWarehouse warehouse;
    private final vn.motcua.audit.AuditTrail audit;

    /** How far a receipt time given by the desk may lie ahead of the server's clock (clock skew). */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofSeconds(60);
    /** The audit kind of a desk filing whose receipt time was given earlier than the act. */
    public static final String AUDIT_BACK_DATED = "dossier.received.back-dated";

    public DossierService(DossierStore store, DossierCodes codes, DossierQueries queries, ProcedureTemplates templates,
                          OrganizationService org, CalendarService calendars, ApplicationEventPublisher events,
                          java.time.Clock clock, vn.motcua.dossier.internal.SlipRenderer slips,
                          vn.motcua.dossier.internal.LogBookExporter logBook,
                          @org.springframework.beans.factory.annotation.Value("${motcua.public-url:http://localhost:8080}") String publicUrl,
                          vn.motcua.warehouse.FileService files, vn.motcua.warehouse.PersonalWarehouse warehouse,
                          vn.motcua.audit.AuditTrail audit) {
        this.audit = audit;
        this.files = files;
        this.warehouse = warehouse;
        this.slips = slips;
        this.logBook = logBook;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.store = store;
        this.codes = codes;
        this.queries = queries;
        this.templates = templates;
        this.org = org;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    // --- filing -------------------------------------------------------------------------------

    /**
     * An officer files a dossier at a desk in their scope: received at once
     * (status 2) unless the channel is ONLINE (status 1, waiting in the queue).
     */
    @Transactional
    public DossierView file(FileDossier cmd, StaffPrincipal who) {
        return file(cmd, List.of(), who);
    }

    /**
     * Files at the desk with scanned papers: {@code scans.get(i)}, when present,
     * is the scan of {@code cmd.components().get(i)}, stored in the same
     * transaction and recorded as digitisation state 1. A bad file is refused
     * on {@code components[i].file} and nothing is kept.
     */
    @Transactional
    public DossierView file(FileDossier cmd, List<Upload> scans, StaffPrincipal who) {
        if (scans != null && scans.stream().anyMatch(java.util.Objects::nonNull)) {
            List<ComponentItem> items = cmd.components() == null ? List.of() : cmd.components();
            List<ComponentItem> withFiles = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ComponentItem c = items.get(i);
                Upload scan = i < scans.size() ? scans.get(i) : null;
                if (c != null && scan != null) {
                    vn.motcua.warehouse.StoredFile f = store(scan, "components[" + i + "].file", who);
                    c = new ComponentItem(c.name(), c.originals(), c.copies(), f.id().toString(), 1);
                }
                withFiles.add(c);
            }
            cmd = new FileDossier(cmd.procedureCode(), cmd.caseId(), cmd.channel(), cmd.applicant(), withFiles,
                    cmd.receivingUnitId(), cmd.receivedAt(), cmd.competentUnitId());
        }
        return fileChecked(cmd, who);
    }

    private DossierView fileChecked(FileDossier cmd, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        if (!who.hasAnyRole("ONE_STOP_OFFICER")) {
            throw new AccessDeniedException("only one-stop officers receive dossiers");
        }
        UnitView receiving = receivingUnit(cmd.receivingUnitId(), who, scope);
        WorkingCalendar calendar = calendars.calendar();
        Instant now = clock.instant();
        Instant receivedAt = receiptTime(cmd.receivedAt(), now, calendar);
        String caller = staffOwner(who);
        DossierView v = fileAt(cmd, receiving, now, receivedAt, actorOf(who, receiving.id()), calendar,
                id -> caller.equals(files.attachable(id, caller, scope).owner()));
        if (cmd.channel() != Channel.ONLINE && receivedAt.isBefore(now)) {
            audit.record(vn.motcua.audit.AuditEntry.of(AUDIT_BACK_DATED, who.getUsername(), "dossier", v.code())
                    .detail("receivedAt " + receivedAt + ", recorded at " + now));
        }
        return v;
    }

    /**
     * The receipt time of a desk filing: now when none is given. A given time
     * may lie a little ahead (clock skew; it is then taken as now) but not
     * further (rule {@code received-at-future}), and may be earlier only
     * within the current working day: not before the opening of today's
     * working hours in the working calendar (rule
     * {@code received-at-before-working-day}).
     */
    private static Instant receiptTime(OffsetDateTime given, Instant now, WorkingCalendar calendar) {
        if (given == null) {
            return now;
        }
        Instant at = given.toInstant();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new DomainRuleViolation("received-at-future", "dossier.receivedAt.future");
        }
        if (!at.isBefore(now)) {
            return now;
        }
        Instant opening = calendar.openingOn(LocalDate.ofInstant(now, CalendarService.ZONE));
        Instant earliest = opening.isBefore(now.minus(CLOCK_SKEW)) ? opening : now.minus(CLOCK_SKEW);
        if (at.isBefore(earliest)) {
            throw new DomainRuleViolation("received-at-before-working-day", "dossier.receivedAt.beforeWorkingDay");
        }
        return at;
    }

    /** The owner recorded on the files an officer uploads. */
    private static String staffOwner(StaffPrincipal who) {
        return "staff:" + who.getUsername();
    }

    /**
     * Files a dossier on behalf of a citizen (online portal) or a system:
     * status 1 at the chosen centre. Every component's file must be the
     * applicant's: uploaded by them or a document of their warehouse
     * ({@link vn.motcua.shared.NotFound} otherwise, and nothing is written).
     */
    @Transactional
    public DossierView fileOnline(FileDossier cmd, long receivingUnitId, String actorName) {
        UnitView receiving = org.findUnit(new UnitId(receivingUnitId)).filter(UnitView::active)
                .orElseThrow(() -> InvalidInput.of("receivingUnitId", "dossier.receivingUnit.invalid"));
        FileDossier online = new FileDossier(cmd.procedureCode(), cmd.caseId(), Channel.ONLINE, cmd.applicant(),
                cmd.components(), receivingUnitId, null, cmd.competentUnitId());
        Instant now = clock.instant();
        String owner = cmd.applicant() == null ? null : ownerKey(cmd.applicant().normalized());
        return fileAt(online, receiving, now, now, Actor.system(actorName), calendars.calendar(),
                id -> (vn.motcua.warehouse.PersonalWarehouse.CITIZEN_OWNER_PREFIX + owner)
                        .equals(warehouse.readableByCitizen(id, owner).owner()));
    }

    /**
     * Checks a file a filing references: answers whether it is the filer's own
     * upload (which then goes into the applicant's warehouse as a digitised
     * paper); throws {@link vn.motcua.shared.NotFound} for a file the filer
     * may not reference.
     */
    @FunctionalInterface
    private interface FileCheck {
        boolean ownUpload(java.util.UUID fileId);
    }

    /** Every row this filing writes carries {@code now}; the clock of a desk filing starts at {@code receivedAt}. */
    private DossierView fileAt(FileDossier cmd, UnitView receiving, Instant now, Instant receivedAt, Actor actor,
                               WorkingCalendar calendar, FileCheck fileCheck) {
        Applicant applicant = cmd.applicant() == null ? null : cmd.applicant().normalized();
        if (applicant == null) {
            throw InvalidInput.of("applicant", "validation.required");
        }
        UnitView competent = null;
        if (cmd.competentUnitId() != null) {
            competent = org.findUnit(new UnitId(cmd.competentUnitId())).filter(UnitView::active)
                    .orElseThrow(() -> InvalidInput.of("competentUnitId", "dossier.receivingUnit.invalid"));
        }
        FilingTemplate t = templates.template(cmd.procedureCode(), cmd.caseId(), receiving, competent,
                cmd.channel() == Channel.ONLINE);
        List<ComponentItem> components = components(cmd.components());
        Set<String> ownUploads = new HashSet<>();
        for (ComponentItem c : components) {
            if (c.fileId() != null && fileCheck.ownUpload(java.util.UUID.fromString(c.fileId()))) {
                ownUploads.add(c.fileId());
            }
        }
        LocalDate day = LocalDate.ofInstant(receivedAt, CalendarService.ZONE);
        // The code's number is taken last, just before commit: filings at one desk queue on the
        // desk's counter row only for that moment, not for the whole filing.
        Dossier d = Dossier.file(DossierCodes.provisional(), t, cmd.channel(), applicant, components, receiving.id(), now,
                receivedAt, actor, calendar);
        boolean received = d.status() == DossierStatus.RECEIVED;
        if (received) {
            d.tellApplicant(ApplicantNotice.Kind.RECEIVED, null, now);
        }
        store.insert(d);
        String code = store.assignCode(d, codes, receiving.id(), receiving.code(), day);
        // papers filed with a file go into the applicant's warehouse under the new code (few rows; most desk filings have none)
        String owner = ownerKey(applicant);
        if (owner != null) {
            for (ComponentItem c : components) {
                // only a paper digitised for this filing: a file reused from another dossier stays where it is
                if (c.fileId() != null && ownUploads.contains(c.fileId()) && c.digitization() != null && c.digitization() == 1) {
                    warehouse.add(owner, vn.motcua.warehouse.DocumentKind.COMPONENT, c.name(),
                            java.util.UUID.fromString(c.fileId()), code, null, now);
                }
            }
        }
        events.publishEvent(new DossierFiled(code, t.procedureCode(), receiving.id(), cmd.channel(), now));
        if (received) {
            events.publishEvent(new DossierReceived(code, t.procedureCode(), receiving.id(), cmd.channel(), receivedAt, d.appointmentAt()));
            events.publishEvent(new ApplicantNoticesQueued(code));
        }
        return view(d, calendar);
    }

    private static List<ComponentItem> components(List<ComponentItem> items) {
        List<ComponentItem> out = new ArrayList<>();
        if (items != null) {
            int i = 0;
            for (ComponentItem c : items) {
                if (c == null || c.name() == null || c.name().isBlank()) {
                    throw InvalidInput.of("components[" + i + "].name", "validation.required");
                }
                if (c.originals() < 0 || c.copies() < 0) {
                    throw InvalidInput.of("components[" + i + "]", "dossier.component.count");
                }
                int state = c.digitization() == null ? (c.fileId() == null ? 0 : 1) : c.digitization();
                if (state < 0 || state > 3) {
                    throw InvalidInput.of("components[" + i + "].digitization", "dossier.component.digitization");
                }
                String fileId = vn.motcua.shared.Texts.isBlank(c.fileId()) ? null : c.fileId().trim();
                if (fileId != null) {
                    try {
                        fileId = java.util.UUID.fromString(fileId).toString();
                    } catch (IllegalArgumentException e) {
                        throw InvalidInput.of("components[" + i + "].fileId", "warehouse.file.unknown");
                    }
                }
                out.add(new ComponentItem(vn.motcua.shared.Texts.clean(c.name()), c.originals(), c.copies(), fileId, state));
                i++;
            }
        }
        return out;
    }

    private UnitView receivingUnit(Long requested, StaffPrincipal who, OfficerScope scope) {
        if (requested != null) {
            UnitView u = org.findUnit(new UnitId(requested)).filter(x -> scope.includes(x.unitId()))
                    .orElseThrow(() -> InvalidInput.of("receivingUnitId", "dossier.receivingUnit.invalid"));
            if (!u.active()) {
                throw InvalidInput.of("receivingUnitId", "dossier.receivingUnit.invalid");
            }
            return u;
        }
        StaffView me = org.staff(who.id(), OfficerScope.everything(who.id()));
        return me.units().stream()
                .filter(u -> u.kind() == UnitKind.ONE_STOP_DESK || u.kind() == UnitKind.SERVICE_CENTRE)
                .findFirst().or(() -> me.units().stream().findFirst())
                .orElseThrow(() -> InvalidInput.of("receivingUnitId", "dossier.receivingUnit.invalid"));
    }

    // --- acts -----------------------------------------------------------------------------------

    @Transactional
    public DossierView act(String code, Action action, Act act, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        Dossier d = visible(code, scope);
        if (act.version() != null && act.version() != d.version()) {
            throw new org.springframework.dao.OptimisticLockingFailureException("dossier " + code + " is at version " + d.version());
        }
        checkMayAct(d, action, who, scope);
        WorkingCalendar calendar = calendars.calendar();
        Instant now = clock.instant();
        Actor actor = actorOf(who, d.handlingUnitId());
        DossierStatus before = d.status();
        Dossier.Step stepBefore = d.currentStepOrNull();
        switch (action) {
            case RECEIVE -> d.receive(now, actor, calendar);
            case REFUSE -> d.refuse(now, actor, act.reason());
            case FORWARD -> {
                Long toUnit = act.toUnit();
                if (toUnit != null) {
                    org.findUnit(new UnitId(toUnit)).filter(UnitView::active)
                            .orElseThrow(() -> InvalidInput.of("toUnit", "dossier.forward.unit"));
                }
                Set<Long> allowed = toUnit == null ? Set.of() : forwardTargets(d);
                d.checkForward(toUnit, allowed);
                String receiverName = null;
                if (act.toOfficer() != null) {
                    StaffView officer = org.staff(new StaffId(act.toOfficer()), OfficerScope.everything(null));
                    Long target = toUnit != null ? toUnit : nextStepUnit(d);
                    Set<Long> below = target == null ? Set.of() : org.selfAndDescendants(List.of(target));
                    if (!officer.active() || officer.units().stream().noneMatch(u -> below.contains(u.id()))) {
                        throw InvalidInput.of("toOfficer", "dossier.forward.officer");
                    }
                    receiverName = officer.fullName();
                }
                d.forward(now, actor, toUnit, allowed, act.toOfficer(), receiverName, act.note(), calendar);
            }
            case REQUEST_SUPPLEMENT -> d.requestSupplement(now, actor, act.items(), act.reason());
            case SUPPLEMENT_RECEIVED -> d.supplementReceived(now, actor, calendar);
            case REQUEST_PAYMENT -> d.requestPayment(now, actor, act.amountVnd() == null ? 0 : act.amountVnd(), act.reason());
            case PAYMENT_RECEIVED -> d.paymentReceived(now, actor, calendar);
            case APOLOGIZE -> d.apologize(now, actor, act.reason(),
                    act.newAppointmentAt() == null ? null : act.newAppointmentAt().toInstant());
            case STOP -> d.stop(now, actor, act.reason());
            case WITHDRAW -> d.withdraw(now, actor, act.reason());
            case COMPLETE -> {
                String resultFile = null;
                if (!vn.motcua.shared.Texts.isBlank(act.resultFileId())) {
                    // the caller's own upload or a file of a dossier in their scope; anything else is 404
                    resultFile = files.attachable(vn.motcua.warehouse.FileDownloads.id(act.resultFileId().trim()),
                            staffOwner(who), scope).id().toString();
                }
                d.complete(now, actor, act.resultNumber(), resultFile, act.skipReason(), calendar);
            }
            case RETURN -> {
                d.returnResult(now, actor, act.channel() == null ? Channel.IN_PERSON : act.channel());
                resultIntoWarehouse(d, now);
            }
            default -> throw new DomainRuleViolation("illegal-transition", "dossier.illegalTransition", action.path(), d.status().code());
        }
        tellApplicant(d, action, act, now);
        boolean notified = d.owesNotices();
        store.update(d);
        publish(d, action, before, stepBefore, act, now, calendar);
        if (notified) {
            events.publishEvent(new ApplicantNoticesQueued(d.code()));
        }
        return view(d, calendar);
    }

    /** The returned result goes into the applicant's warehouse, in the return's transaction. */
    private void resultIntoWarehouse(Dossier d, Instant now) {
        String owner = ownerKey(d.applicant());
        if (owner == null || d.resultFileId() == null) {
            return;
        }
        existingFile(d.resultFileId()).ifPresent(f -> warehouse.add(owner, vn.motcua.warehouse.DocumentKind.RESULT,
                "Kết quả: " + d.procedureName() + (d.resultNumber() == null ? "" : " – số " + d.resultNumber()),
                f.id(), d.code(), null, now));
    }

    /**
     * A paper component of the dossier scanned at the desk or the handling
     * unit: the file is stored, the component gets it with digitisation state
     * 1, one history row is appended, the version moves on, and the scan goes
     * into the applicant's warehouse, all in one transaction. The one-stop
     * officers of the receiving unit and the officers of the handling unit may
     * scan; outside the dossier's units the answer is 404, a stale version 409.
     */
    @Transactional
    public DossierView scan(String code, int seq, Upload file, Integer version, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        Dossier d = visible(code, scope);
        if (version != null && version != d.version()) {
            throw new org.springframework.dao.OptimisticLockingFailureException("dossier " + code + " is at version " + d.version());
        }
        if (!mayScan(d, who, scope)) {
            throw new AccessDeniedException("dossier " + code + " may not be scanned by the caller");
        }
        // the rules first (finished dossier, component with a file), so a refused scan stores nothing
        d.checkScan(seq);
        if (file == null || file.content() == null) {
            throw InvalidInput.of("file", "validation.required");
        }
        vn.motcua.warehouse.StoredFile stored = store(file, "file", who);
        Instant now = clock.instant();
        d.scan(now, actorOf(who, d.handlingUnitId()), seq, stored.id().toString(), stored.name());
        store.update(d);
        String owner = ownerKey(d.applicant());
        if (owner != null) {
            warehouse.add(owner, vn.motcua.warehouse.DocumentKind.COMPONENT, d.components().get(seq - 1).name(),
                    stored.id(), d.code(), null, now);
        }
        return view(d, calendars.calendar());
    }

    /** Whether this officer may scan the dossier's papers: desk officers of the receiving unit, officers of the handling unit. */
    private static boolean mayScan(Dossier d, StaffPrincipal who, OfficerScope scope) {
        boolean atDesk = scope.includes(new UnitId(d.receivingUnitId())) && who.hasRole("ONE_STOP_OFFICER");
        boolean atHandling = d.handlingUnitId() != null && scope.includes(new UnitId(d.handlingUnitId()))
                && who.hasAnyRole("ONE_STOP_OFFICER", "SPECIALIST", "LEADER");
        return atDesk || atHandling;
    }

    /** For the page: the components (by seq) this officer can scan now. */
    public Set<Integer> scannable(String code, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        Dossier d = visible(code, scope);
        Set<Integer> out = new java.util.TreeSet<>();
        if (mayScan(d, who, scope)) {
            for (int i = 1; i <= d.components().size(); i++) {
                if (d.mayScan(i)) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private vn.motcua.warehouse.StoredFile store(Upload file, String field, StaffPrincipal who) {
        try {
            return files.upload(file.fileName(), file.content().getInputStream(), "staff:" + who.getUsername());
        } catch (InvalidInput e) {
            if (field.equals("file")) {
                throw e;
            }
            throw new InvalidInput(Map.of(field, e.fieldErrors().values().iterator().next()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private java.util.Optional<vn.motcua.warehouse.StoredFile> existingFile(String id) {
        try {
            return files.find(java.util.UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The applicant's warehouse key: the citizen ID of a person, the tax code of an organisation. */
    private static String ownerKey(Applicant a) {
        if (a == null || a.kind() == null) {
            return null;
        }
        return a.kind() == ApplicantKind.PERSON ? a.idNumber() : a.taxCode();
    }

    /**
     * Where a forward may name its receiving unit besides the next step's own:
     * the units under the next step's unit and, when the procedure the dossier
     * was filed under is inter-agency, every unit of the dossier's workflow,
     * the procedure's implementing agency and the units its steps name, each
     * with the units under it. The catalogue has no list of partner agencies,
     * so a procedure's own workflow and agency are what it allows.
     */
    private Set<Long> forwardTargets(Dossier d) {
        Set<Long> roots = new HashSet<>();
        Long next = nextStepUnit(d);
        if (next != null) {
            roots.add(next);
        }
        templates.interAgencyUnits(d.procedureCode(), d.procedureVersion()).ifPresent(named -> {
            roots.addAll(named);
            d.steps().forEach(s -> {
                if (s.unitId() != null) {
                    roots.add(s.unitId());
                }
            });
        });
        return roots.isEmpty() ? Set.of() : org.selfAndDescendants(roots);
    }

    /** For the page: the units this dossier may be forwarded to now (the next step's first), active ones only. */
    public List<UnitView> forwardUnits(String code, StaffPrincipal who) {
        Dossier d = visible(code, org.scopeOf(who.id()));
        Long next = nextStepUnit(d);
        if (next == null) {
            return List.of();
        }
        Set<Long> targets = forwardTargets(d);
        List<UnitView> out = new ArrayList<>();
        org.findUnit(new UnitId(next)).filter(UnitView::active).ifPresent(out::add);
        org.units(targets).stream().filter(u -> u.active() && u.id() != next)
                .sorted(java.util.Comparator.comparing(UnitView::name)).forEach(out::add);
        return out;
    }

    /** For the page: the names of the workflow steps a completion now would skip (a reason is then required). */
    public List<String> stepsSkippedByCompletion(String code, OfficerScope scope) {
        return visible(code, scope).unfinishedStepsAtCompletion().stream().map(Dossier.Step::name).toList();
    }

    private Long nextStepUnit(Dossier d) {
        Dossier.Step cur = d.currentStepOrNull();
        if (cur == null || cur.seq() >= d.steps().size()) {
            return null;
        }
        Long u = d.steps().get(cur.seq()).unitId();
        return u != null ? u : d.handlingUnitId();
    }

    /** The service's guard: where the officer sits and the role, by {@link ActPolicy}; the status rules are the aggregate's. */
    private void checkMayAct(Dossier d, Action action, StaffPrincipal who, OfficerScope scope) {
        if (!ActPolicy.placed(d, action, who, scope)) {
            throw new AccessDeniedException("dossier " + d.code() + " is not at the caller's unit");
        }
        if (!ActPolicy.roleMay(action, who)) {
            throw new AccessDeniedException("role may not " + action.path());
        }
    }

    /**
     * The acts this officer may do on the dossier now ({@link ActPolicy#allowedActs}):
     * exactly those {@link #act} does not refuse for the caller's place, role,
     * the dossier's status or a once-only rule; it may still refuse one for
     * what the act carries. Outside the caller's scope: 404.
     */
    public Set<Action> allowedActs(String code, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        return ActPolicy.allowedActs(visible(code, scope), who, scope, clock.instant());
    }

    /**
     * The acts the applicant must hear of (receipt, refusal, a supplement to
     * send, the result ready, the result returned) owe a message, written by
     * the act's own save into the outbox and sent after the commit.
     */
    private void tellApplicant(Dossier d, Action action, Act act, Instant now) {
        switch (action) {
            case RECEIVE -> d.tellApplicant(ApplicantNotice.Kind.RECEIVED, null, now);
            case REFUSE -> d.tellApplicant(ApplicantNotice.Kind.REFUSED, act.reason(), now);
            case REQUEST_SUPPLEMENT -> d.tellApplicant(ApplicantNotice.Kind.SUPPLEMENT,
                    act.items() == null ? null : String.join("; ", act.items()), now);
            case COMPLETE -> d.tellApplicant(ApplicantNotice.Kind.COMPLETED, d.resultNumber(), now);
            case RETURN -> d.tellApplicant(ApplicantNotice.Kind.RETURNED, null, now);
            default -> { }
        }
    }

    private void publish(Dossier d, Action action, DossierStatus before, Dossier.Step stepBefore, Act act, Instant now,
                         WorkingCalendar calendar) {
        switch (action) {
            case RECEIVE -> events.publishEvent(new DossierReceived(d.code(), d.procedureCode(), d.receivingUnitId(),
                    d.channel(), now, d.appointmentAt()));
            case REFUSE -> events.publishEvent(new DossierRefused(d.code(), d.receivingUnitId(), act.reason(), now));
            case FORWARD -> {
                Dossier.Handover h = d.handovers().get(d.handovers().size() - 1);
                events.publishEvent(new StepCompleted(d.code(), stepBefore.seq(), stepBefore.name(), h.fromUnitId(),
                        h.toUnitId(), h.timing() == null ? null : h.timing().name(), now));
            }
            case REQUEST_SUPPLEMENT -> events.publishEvent(new SupplementRequested(d.code(), act.items(), d.handlingUnitId(), now));
            case SUPPLEMENT_RECEIVED -> events.publishEvent(new SupplementReceived(d.code(), now, d.appointmentAt()));
            case REQUEST_PAYMENT -> events.publishEvent(new PaymentRequested(d.code(), d.paymentAmountVnd(), now));
            case PAYMENT_RECEIVED -> events.publishEvent(new PaymentReceived(d.code(), now, d.appointmentAt()));
            case APOLOGIZE -> events.publishEvent(new DossierApologized(d.code(), act.reason(), now, d.appointmentAt()));
            case STOP -> events.publishEvent(new DossierStopped(d.code(), act.reason(), now));
            case WITHDRAW -> events.publishEvent(new DossierWithdrawn(d.code(), act.reason(), now));
            case COMPLETE -> events.publishEvent(new DossierCompleted(d.code(), d.receivingUnitId(), d.resultNumber(),
                    String.valueOf(d.timing(calendar)), now));
            case RETURN -> events.publishEvent(new DossierReturned(d.code(), d.receivingUnitId(), d.returnChannel(), now));
            default -> { }
        }
    }

    /**
     * Moves the open dossiers of dissolved units to their successor: code,
     * history and deadlines stay; one history row records the move.
     */
    @Transactional
    public int transferToSuccessor(Collection<UnitId> dissolved, UnitId successor) {
        Set<Long> ids = dissolved.stream().map(UnitId::value).collect(Collectors.toSet());
        Instant now = clock.instant();
        int moved = 0;
        for (Long id : store.openAt(ids)) {
            Dossier d = store.findById(id).orElseThrow();
            d.transferToSuccessor(now, Actor.system("Hệ thống (sáp nhập đơn vị)"), ids, successor.value());
            store.update(d);
            moved++;
        }
        return moved;
    }

    // --- reading ------------------------------------------------------------------------------

    /** One statement (the aggregate is read in one), so no transaction of its own: two round trips fewer. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public DossierView get(String code, OfficerScope scope) {
        return view(visible(code, scope), calendars.calendar());
    }

    public List<HistoryView> history(String code, OfficerScope scope) {
        return history(visible(code, scope));
    }

    private List<HistoryView> history(Dossier d) {
        Map<Long, vn.motcua.dossier.UnitRef> units = new HashMap<>();
        List<HistoryView> out = new ArrayList<>();
        for (Map<String, Object> row : store.history(d.id())) {
            Long unitId = row.get("unit_id") == null ? null : ((Number) row.get("unit_id")).longValue();
            out.add(new HistoryView(odt(row.get("at")), (String) row.get("actor_name"), (String) row.get("action"),
                    row.get("from_status") == null ? null : ((Number) row.get("from_status")).intValue(),
                    ((Number) row.get("to_status")).intValue(),
                    unitId == null ? null : units.computeIfAbsent(unitId, this::unitRef),
                    (String) row.get("reason"), store.parseDetails((String) row.get("details"))));
        }
        return out;
    }

    /** The public tracking view: no personal data; unknown codes are empty. */
    public Optional<TrackingView> track(String code) {
        return store.findByCode(code).map(d -> {
            WorkingCalendar cal = calendars.calendar();
            List<TrackingView.Event> timeline = new ArrayList<>();
            for (Map<String, Object> row : store.history(d.id())) {
                int to = ((Number) row.get("to_status")).intValue();
                Object from = row.get("from_status");
                if (from == null || ((Number) from).intValue() != to) {
                    timeline.add(new TrackingView.Event(odt(row.get("at")), (String) row.get("action"), to));
                }
            }
            return new TrackingView(d.code(), d.procedureName(), d.status().code(), d.status().name(),
                    odt(d.receivedAt()), odt(d.appointmentAt()), odt(d.finishedAt()), d.overdue(clock.instant()), timeline);
        });
    }

    public PageResult<DossierSummary> search(DossierQuery q, OfficerScope scope) {
        return queries.search(q, scope, calendars.calendar(), clock.instant());
    }

    public Map<DossierQuery.Inbox, Long> inboxCounts(OfficerScope scope, Long unit) {
        return queries.inboxCounts(scope, unit, calendars.calendar(), clock.instant());
    }

    private Dossier visible(String code, OfficerScope scope) {
        Dossier d = store.findByCode(code == null ? "" : code.trim()).orElseThrow(() -> new NotFound("dossier " + code));
        if (scope.allUnits()) {
            return d;
        }
        Set<Long> units = new HashSet<>();
        units.add(d.receivingUnitId());
        if (d.handlingUnitId() != null) {
            units.add(d.handlingUnitId());
        }
        d.steps().forEach(s -> {
            if (s.unitId() != null && s.startedAt() != null) {
                units.add(s.unitId());
            }
        });
        if (units.stream().noneMatch(u -> scope.includes(new UnitId(u)))) {
            throw new NotFound("dossier " + code);
        }
        return d;
    }

    private Actor actorOf(StaffPrincipal who, Long unitId) {
        return new Actor(who.staffId(), who.fullName(), unitId);
    }

    // --- the applicant's own view (citizen portal) -----------------------------------------------

    /**
     * The dossiers filed for an applicant, newest first: a person by the
     * 12-digit citizen ID, an organisation by its tax code.
     */
    public PageResult<DossierSummary> ofApplicant(String identityNumber, int page, int size) {
        return queries.ofApplicant(identityNumber, page, size, clock.instant());
    }

    /** One dossier of the applicant with everything; someone else's dossier is 404, as if it did not exist. */
    public DossierView getForApplicant(String code, String identityNumber) {
        return view(ownedBy(code, identityNumber), calendars.calendar());
    }

    public List<HistoryView> historyForApplicant(String code, String identityNumber) {
        return history(ownedBy(code, identityNumber));
    }

    public byte[] slipForApplicant(String code, SlipKind kind, String identityNumber) {
        return slip(ownedBy(code, identityNumber), kind);
    }

    /**
     * The applicant sends, from the portal, the papers a supplement request
     * asked for: each file is stored (owner {@code fileOwner}), joins the
     * dossier as a component in digitisation state 1 and goes into the
     * applicant's warehouse; one history row; the version moves on. All in one
     * transaction: a refused file leaves the dossier and the warehouse as they
     * were. The desk then checks the papers and records supplement-received,
     * which restarts the clock.
     *
     * @param papers the requested item each file answers, with the file
     */
    @Transactional
    public DossierView supplementByApplicant(String code, String identityNumber, String actorName, String fileOwner,
                                             Map<String, Upload> papers) {
        Dossier d = ownedBy(code, identityNumber);
        d.checkSupplementSubmission();
        List<ComponentItem> items = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Upload> e : papers.entrySet()) {
            Upload u = e.getValue();
            if (u != null && u.content() != null) {
                vn.motcua.warehouse.StoredFile f;
                try {
                    f = files.upload(u.fileName(), u.content().getInputStream(), fileOwner);
                } catch (InvalidInput bad) {
                    throw new InvalidInput(Map.of("papers[" + i + "]", bad.fieldErrors().values().iterator().next()));
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
                items.add(new ComponentItem(vn.motcua.shared.Texts.clean(e.getKey()), 0, 1, f.id().toString(), 1));
            }
            i++;
        }
        if (items.isEmpty()) {
            throw InvalidInput.of("papers", "dossier.supplement.noPapers");
        }
        Instant now = clock.instant();
        d.supplementSubmitted(now, Actor.system(actorName), items);
        store.update(d);
        String owner = ownerKey(d.applicant());
        if (owner != null) {
            for (ComponentItem c : items) {
                warehouse.add(owner, vn.motcua.warehouse.DocumentKind.COMPONENT, c.name(), java.util.UUID.fromString(c.fileId()),
                        d.code(), null, now);
            }
        }
        return view(d, calendars.calendar());
    }

    private Dossier ownedBy(String code, String identityNumber) {
        Dossier d = store.findByCode(code == null ? "" : code.trim()).orElseThrow(() -> new NotFound("dossier " + code));
        Applicant a = d.applicant();
        boolean own = identityNumber != null && !identityNumber.isBlank()
                && (identityNumber.equals(a.idNumber()) || identityNumber.equals(a.taxCode()));
        if (!own) {
            throw new NotFound("dossier " + code);
        }
        return d;
    }

    // --- slips and log book ---------------------------------------------------------------------

    /**
     * A form of the dossier as PDF. A form that does not apply to the dossier
     * (a refusal slip for a received dossier, a receipt before receipt) is 404.
     */
    public byte[] slip(String code, SlipKind kind, OfficerScope scope) {
        return slip(visible(code, scope), kind);
    }

    private byte[] slip(Dossier d, SlipKind kind) {
        String code = d.code();
        WorkingCalendar calendar = calendars.calendar();
        DossierView v = view(d, calendar);
        List<HistoryView> history = history(d);
        boolean applies = switch (kind) {
            case RECEIPT, CONTROL -> d.receivedAt() != null;
            case SUPPLEMENT -> d.supplementCount() > 0;
            case REFUSAL -> d.status() == DossierStatus.REFUSED;
            case APOLOGY -> d.apologyCount() > 0;
            case STOP -> d.status() == DossierStatus.STOPPED;
        };
        if (!applies) {
            throw new NotFound("slip " + kind.path() + " of " + code);
        }
        String act = switch (kind) {
            case RECEIPT, CONTROL -> "receive";
            case SUPPLEMENT -> "request-supplement";
            case REFUSAL -> "refuse";
            case APOLOGY -> "apologize";
            case STOP -> "stop";
        };
        HistoryView last = history.stream().filter(h -> h.action().equals(act)).reduce((a, b) -> b).orElse(null);
        UnitView unit = org.findUnit(new UnitId(kind == SlipKind.RECEIPT || kind == SlipKind.REFUSAL || kind == SlipKind.CONTROL
                ? d.receivingUnitId() : (last != null && last.unit() != null ? last.unit().id() : d.receivingUnitId()))).orElseThrow();
        String parent = unit.parentId() == null ? null : org.findUnit(new UnitId(unit.parentId())).map(UnitView::name).orElse(null);
        Integer logNumber = null;
        try {
            logNumber = Integer.valueOf(d.code().substring(d.code().lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            // codes of another pattern print no log-book number
        }
        vn.motcua.dossier.internal.SlipContext ctx = new vn.motcua.dossier.internal.SlipContext(unit.name(), parent,
                last == null ? null : last.actor(), publicUrl + "/public/tracking/" + d.code(),
                last == null ? null : last.reason(), logNumber, CalendarService.ZONE);
        return switch (kind) {
            case RECEIPT -> slips.receipt(v, ctx);
            case SUPPLEMENT -> slips.supplementRequest(v, ctx);
            case REFUSAL -> slips.refusal(v, ctx);
            case APOLOGY -> slips.apology(v, ctx);
            case STOP -> slips.stopNotice(v, ctx);
            case CONTROL -> {
                Map<Long, UnitRef> names = new HashMap<>();
                List<vn.motcua.dossier.internal.ControlRow> rows = d.handovers().stream()
                        .map(h -> new vn.motcua.dossier.internal.ControlRow(name(names, h.fromUnitId()), name(names, h.toUnitId()),
                                odt(h.handedAt()), h.deliverer(), h.receiver(), odt(h.stepDueAt()),
                                h.timing() == null ? null : h.timing().name()))
                        .toList();
                yield slips.controlSlip(v, rows, ctx);
            }
        };
    }

    private String name(Map<Long, UnitRef> cache, Long unitId) {
        UnitRef r = ref(cache, unitId);
        return r == null ? null : r.name();
    }

    /** The log book (form 07) of a unit: dossiers received there in the period, oldest first. */
    public List<DossierSummary> logBook(long unitId, LocalDate from, LocalDate to, OfficerScope scope) {
        if (!scope.includes(new UnitId(unitId))) {
            throw new NotFound("unit " + unitId);
        }
        return queries.logBook(unitId, from.atStartOfDay(CalendarService.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(CalendarService.ZONE).toInstant(), clock.instant());
    }

    public byte[] logBookXlsx(long unitId, LocalDate from, LocalDate to, OfficerScope scope) {
        List<DossierSummary> rows = logBook(unitId, from, to, scope);
        String unitName = org.findUnit(new UnitId(unitId)).map(UnitView::name).orElse("");
        return logBook.xlsx(unitName, from, to, rows);
    }

    // --- views ----------------------------------------------------------------------------------

    DossierView view(Dossier d, WorkingCalendar calendar) {
        Map<Long, UnitRef> units = new HashMap<>();
        Dossier.Step cur = d.currentStepOrNull();
        DossierView.CurrentStep current = null;
        if (cur != null && d.status().open() || cur != null && d.status() == DossierStatus.DONE) {
            DossierView.StaffRef assignee = null;
            if (d.assigneeId() != null) {
                assignee = org.findStaffName(d.assigneeId()).map(n -> new DossierView.StaffRef(d.assigneeId(), n)).orElse(null);
            }
            current = new DossierView.CurrentStep(cur.seq(), cur.name(), cur.role().name(),
                    ref(units, d.handlingUnitId()), assignee, odt(cur.dueAt()));
        }
        List<DossierView.StepView> steps = d.steps().stream().map(s -> new DossierView.StepView(s.seq(), s.name(),
                s.role().name(), ref(units, s.unitId()), odt(s.dueAt()), odt(s.startedAt()), odt(s.finishedAt()),
                s.finishedAt() != null && s.dueAt() != null ? calendar.classify(s.finishedAt(), s.dueAt()).name() : null))
                .toList();
        Timing timing = d.timing(calendar);
        return new DossierView(d.code(), d.procedureCode(), d.procedureVersion(), d.procedureName(), d.caseId(), d.caseName(),
                d.channel().name(), d.status().code(), d.status().name(), d.applicant(), d.components(),
                ref(units, d.receivingUnitId()), ref(units, d.handlingUnitId()), current, steps,
                odt(d.filedAt()), odt(d.receivedAt()), odt(d.appointmentAt()), odt(d.originalAppointmentAt()),
                odt(d.finishedAt()), odt(d.returnedAt()), d.overdue(clock.instant()),
                timing == null ? null : timing.name(), d.supplementCount(),
                d.supplementItems() == null ? List.of() : List.of(d.supplementItems().split("\n")),
                d.apologyCount(), d.feeVnd(), d.paymentAmountVnd(), d.resultNumber(), d.resultFileId(),
                d.returnChannel() == null ? null : d.returnChannel().name(), d.version());
    }

    private UnitRef ref(Map<Long, UnitRef> cache, Long unitId) {
        return unitId == null ? null : cache.computeIfAbsent(unitId, this::unitRef);
    }

    private UnitRef unitRef(Long id) {
        return org.findUnit(new UnitId(id)).map(u -> new UnitRef(u.id(), u.code(), u.name())).orElse(new UnitRef(id, null, null));
    }

    static OffsetDateTime odt(Object t) {
        if (t == null) {
            return null;
        }
        Instant i = t instanceof Instant inst ? inst
                : t instanceof OffsetDateTime o ? o.toInstant()
                : t instanceof java.sql.Timestamp ts ? ts.toInstant() : null;
        return i == null ? null : i.atZone(CalendarService.ZONE).toOffsetDateTime();
    }
}
