package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.dossier.Upload;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.Texts;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.warehouse.StoredFile;

/**
 * Filing: at a desk by a one-stop officer (received at once, with scanned
 * papers and an optional receipt time earlier today) or online for a citizen
 * (status 1, waiting at the chosen centre). Runs in the caller's transaction.
 */
@Component
public class DossierFiling {

    /** How far a receipt time given by the desk may lie ahead of the server's clock (clock skew). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** The audit kind of a desk filing whose receipt time was given earlier than the act. */
    public static final String AUDIT_BACK_DATED = "dossier.received.back-dated";

    private final DossierStore store;
    private final DossierCodes codes;
    private final ProcedureTemplates templates;
    private final OrganizationService org;
    private final CalendarService calendars;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FileService files;
    private final PersonalWarehouse warehouse;
    private final DossierPapers papers;
    private final DossierViews views;
    private final AuditTrail audit;

    public DossierFiling(DossierStore store, DossierCodes codes, ProcedureTemplates templates, OrganizationService org,
                         CalendarService calendars, ApplicationEventPublisher events, Clock clock, FileService files,
                         PersonalWarehouse warehouse, DossierPapers papers, DossierViews views, AuditTrail audit) {
        this.store = store;
        this.codes = codes;
        this.templates = templates;
        this.org = org;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
        this.files = files;
        this.warehouse = warehouse;
        this.papers = papers;
        this.views = views;
        this.audit = audit;
    }

    /**
     * Files at the desk with scanned papers: {@code scans.get(i)}, when present,
     * is the scan of {@code cmd.components().get(i)}, stored in the same
     * transaction and recorded as digitisation state 1. A bad file is refused
     * on {@code components[i].file} and nothing is kept.
     */
    public DossierView atDesk(FileDossier cmd, List<Upload> scans, StaffPrincipal who) {
        if (scans != null && scans.stream().anyMatch(Objects::nonNull)) {
            List<ComponentItem> items = cmd.components() == null ? List.of() : cmd.components();
            List<ComponentItem> withFiles = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ComponentItem c = items.get(i);
                Upload scan = i < scans.size() ? scans.get(i) : null;
                if (c != null && scan != null) {
                    StoredFile f = papers.upload(scan, "components[" + i + "].file", DossierAccess.staffOwner(who));
                    c = new ComponentItem(c.name(), c.originals(), c.copies(), f.id().toString(), 1);
                }
                withFiles.add(c);
            }
            cmd = new FileDossier(cmd.procedureCode(), cmd.caseId(), cmd.channel(), cmd.applicant(), withFiles,
                    cmd.receivingUnitId(), cmd.receivedAt(), cmd.competentUnitId(), cmd.populationLookupId());
        }
        OfficerScope scope = org.scopeOf(who.id());
        if (!who.hasAnyRole("ONE_STOP_OFFICER")) {
            throw new AccessDeniedException("only one-stop officers receive dossiers");
        }
        UnitView receiving = receivingUnit(cmd.receivingUnitId(), who, scope);
        WorkingCalendar calendar = calendars.calendar();
        Instant now = clock.instant();
        Instant receivedAt = receiptTime(cmd.receivedAt(), now, calendar);
        String caller = DossierAccess.staffOwner(who);
        DossierView v = fileAt(cmd, receiving, now, receivedAt, DossierAccess.actorOf(who, receiving.unitId()), calendar,
                id -> caller.equals(files.attachable(id, caller, scope).owner()));
        if (cmd.channel() != Channel.ONLINE && receivedAt.isBefore(now)) {
            audit.record(AuditEntry.of(AUDIT_BACK_DATED, who.getUsername(), "dossier", v.code())
                    .detail("receivedAt " + receivedAt + ", recorded at " + now));
        }
        return v;
    }

    /**
     * Files a dossier on behalf of a citizen (online portal) or a system:
     * status 1 at the chosen centre. Every component's file must be the
     * applicant's: uploaded by them or a document of their warehouse
     * ({@link vn.motcua.shared.NotFound} otherwise, and nothing is written).
     */
    public DossierView online(FileDossier cmd, UnitId receivingUnit, String actorName) {
        UnitView receiving = org.findUnit(receivingUnit).filter(UnitView::active)
                .orElseThrow(() -> InvalidInput.of("receivingUnitId", "dossier.receivingUnit.invalid"));
        FileDossier online = new FileDossier(cmd.procedureCode(), cmd.caseId(), Channel.ONLINE, cmd.applicant(),
                cmd.components(), receivingUnit.value(), null, cmd.competentUnitId(), cmd.populationLookupId());
        Instant now = clock.instant();
        String owner = cmd.applicant() == null ? null : DossierAccess.ownerKey(cmd.applicant().normalized());
        return fileAt(online, receiving, now, now, Actor.system(actorName), calendars.calendar(),
                id -> (PersonalWarehouse.CITIZEN_OWNER_PREFIX + owner).equals(warehouse.readableByCitizen(id, owner).owner()));
    }

    /**
     * The receipt time of a desk filing: now when none is given. A given time
     * may lie a little ahead (clock skew; it is then taken as now) but not
     * further (rule {@code received-at-future}), and may be earlier only
     * within the current working day: not before the opening of today's
     * working hours in the working calendar (rule
     * {@code received-at-before-working-day}).
     */
    static Instant receiptTime(OffsetDateTime given, Instant now, WorkingCalendar calendar) {
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

    /**
     * Checks a file a filing references: answers whether it is the filer's own
     * upload (which then goes into the applicant's warehouse as a digitised
     * paper); throws {@link vn.motcua.shared.NotFound} for a file the filer
     * may not reference.
     */
    @FunctionalInterface
    private interface FileCheck {
        boolean ownUpload(UUID fileId);
    }

    /** Every row this filing writes carries {@code now}; the clock of a desk filing starts at {@code receivedAt}. */
    private DossierView fileAt(FileDossier cmd, UnitView receiving, Instant now, Instant receivedAt, Actor actor,
                               WorkingCalendar calendar, FileCheck fileCheck) {
        Applicant applicant = cmd.applicant() == null ? null : cmd.applicant().normalized();
        if (applicant == null) {
            throw InvalidInput.of("applicant", "validation.required");
        }
        // the id of a population look-up (FileDossier's @Size(max = 64)), checked here for the pages' paths too
        if (cmd.populationLookupId() != null && cmd.populationLookupId().length() > 64) {
            throw InvalidInput.of("populationLookupId", "validation.tooLong");
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
            if (c.fileId() != null && fileCheck.ownUpload(UUID.fromString(c.fileId()))) {
                ownUploads.add(c.fileId());
            }
        }
        LocalDate day = LocalDate.ofInstant(receivedAt, CalendarService.ZONE);
        // The code's number is taken last, just before commit: filings at one desk queue on the
        // desk's counter row only for that moment, not for the whole filing.
        Dossier d = Dossier.file(DossierCodes.provisional(), t, cmd.channel(), applicant, components, receiving.id(), now,
                receivedAt, actor, calendar, Texts.clean(cmd.populationLookupId()));
        store.insert(d);
        String code = store.assignCode(d, codes, receiving.id(), receiving.code(), day);
        // papers filed with a file go into the applicant's warehouse under the new code (few rows; most desk filings have none)
        String owner = DossierAccess.ownerKey(applicant);
        for (ComponentItem c : components) {
            // only a paper digitised for this filing: a file reused from another dossier stays where it is
            if (c.fileId() != null && ownUploads.contains(c.fileId()) && c.digitization() != null && c.digitization() == 1) {
                papers.addComponent(owner, c.name(), UUID.fromString(c.fileId()), code, now);
            }
        }
        d.takeEvents().forEach(events::publishEvent);
        return views.view(d, calendar);
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
                String fileId = Texts.isBlank(c.fileId()) ? null : c.fileId().trim();
                if (fileId != null) {
                    try {
                        fileId = UUID.fromString(fileId).toString();
                    } catch (IllegalArgumentException e) {
                        throw InvalidInput.of("components[" + i + "].fileId", "warehouse.file.unknown");
                    }
                }
                out.add(new ComponentItem(Texts.clean(c.name()), c.originals(), c.copies(), fileId, state));
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
}
