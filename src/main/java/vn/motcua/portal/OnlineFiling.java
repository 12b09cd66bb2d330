package vn.motcua.portal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.CalendarNotDefinedException;
import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.portal.internal.FilingDraftStore;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.Reuse;
import vn.motcua.warehouse.StoredFile;

/**
 * Online filing by a signed-in citizen: a draft is started from a published
 * procedure that can be done online (FULL or PARTIAL), filled in over several
 * visits (case, where it is handled, contact details, each component uploaded
 * or taken from the personal data warehouse), reviewed, and submitted: the
 * dossier then waits at status 1 at the receiving desk until it is received or
 * refused. Every change is checked against the account that owns the draft;
 * another account's draft is 404.
 *
 * <p>Rules decided here: a FULL-online procedure needs a file for every
 * component (nothing is brought to the desk); a PARTIAL one may leave
 * components to be brought in person. A commune-level procedure is handled by
 * the commune the citizen picks and arrives at that commune's one-stop desk;
 * a province-level one arrives at the provincial service centre.
 */
@Service
public class OnlineFiling {

    private final FilingDraftStore drafts;
    private final CatalogService catalog;
    private final DossierService dossiers;
    private final OrganizationService org;
    private final FileService files;
    private final CalendarService calendars;
    private final CitizenRecords records;
    private final Clock clock;

    public OnlineFiling(FilingDraftStore drafts, CatalogService catalog, DossierService dossiers, OrganizationService org,
                        FileService files, CalendarService calendars, CitizenRecords records, Clock clock) {
        this.records = records;
        this.drafts = drafts;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.org = org;
        this.files = files;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** A published procedure that can be filed online; otherwise a rule violation the page explains. */
    public ProcedureDetail onlineProcedure(String code) {
        ProcedureDetail p = catalog.findPublished(code == null ? "" : code.trim())
                .orElseThrow(() -> new NotFound("procedure " + code));
        if (p.onlineLevel() == OnlineLevel.NONE) {
            throw new DomainRuleViolation("not-online", "portal.filing.notOnline");
        }
        return p;
    }

    @Transactional
    public FilingDraft start(CitizenPrincipal me, String procedureCode) {
        ProcedureDetail p = onlineProcedure(procedureCode);
        List<FilingDraft.Component> components = new ArrayList<>();
        int seq = 1;
        for (var c : p.components()) {
            components.add(new FilingDraft.Component(seq++, c.name(), c.originals() == null ? 0 : c.originals(),
                    c.copies() == null ? 0 : c.copies(), null, null, null, 0));
        }
        FilingDraft d = new FilingDraft(UUID.randomUUID(), me.accountId(), me.identityNumber(), p.code(), p.cases().get(0).id(),
                null, me.phone(), me.email(), me.address(), "DRAFT", null, components, null, 0);
        drafts.insert(d);
        return drafts.owned(d.id(), me.accountId());
    }

    public FilingDraft draft(CitizenPrincipal me, UUID id) {
        return drafts.owned(id, me.accountId());
    }

    public List<FilingDraft> drafts(CitizenPrincipal me) {
        return drafts.ofAccount(me.accountId());
    }

    /** Step 1: the case, the commune that handles it (commune-level procedures) and the contact details. */
    @Transactional
    public FilingDraft saveDetails(CitizenPrincipal me, UUID id, String caseId, Long competentUnitId, String phone,
                                   String email, String address) {
        FilingDraft d = open(me, id);
        ProcedureDetail p = onlineProcedure(d.procedureCode());
        Map<String, String> errors = new LinkedHashMap<>();
        if (p.cases().stream().noneMatch(c -> c.id().equals(caseId))) {
            errors.put("caseId", "validation.required");
        }
        if (p.level() == UnitLevel.COMMUNE && (competentUnitId == null || communes().stream().noneMatch(u -> u.id() == competentUnitId))) {
            errors.put("competentUnitId", "portal.filing.commune");
        }
        String cleanPhone = Texts.isBlank(phone) ? null : phone.replaceAll("\\s+", "");
        if (cleanPhone != null && !cleanPhone.matches("\\+?\\d{9,15}")) {
            errors.put("phone", "portal.filing.phone");
        }
        String cleanEmail = Texts.isBlank(email) ? null : email.trim();
        if (cleanEmail != null && !cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "validation.email");
        }
        String cleanAddress = Texts.clean(address);
        if (cleanAddress != null && cleanAddress.length() > 500) {
            errors.put("address", "validation.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        drafts.updateDetails(id, caseId, p.level() == UnitLevel.COMMUNE ? competentUnitId : null, cleanPhone, cleanEmail,
                cleanAddress);
        return drafts.owned(id, me.accountId());
    }

    /** Step 2: a component uploaded now (digitisation state 1). A refused file changes nothing. */
    @Transactional
    public FilingDraft upload(CitizenPrincipal me, UUID id, int seq, String fileName, InputStream content) throws IOException {
        FilingDraft d = open(me, id);
        component(d, seq);
        StoredFile f = files.upload(fileName, content, me.fileOwner());
        records.recordUpload(me, f.id());
        drafts.setComponent(id, seq, f.id(), null, 1);
        return drafts.owned(id, me.accountId());
    }

    /**
     * Step 2: a component taken from the citizen's warehouse (state 2 for a
     * component, 3 for a result), among the documents the account may see
     * ({@link CitizenRecords#documents}).
     */
    @Transactional
    public FilingDraft reuse(CitizenPrincipal me, UUID id, int seq, UUID documentId) {
        FilingDraft d = open(me, id);
        component(d, seq);
        if (documentId == null) {
            throw InvalidInput.of("documentId", "validation.required");
        }
        Reuse r = records.reuse(records.viewer(me), documentId);
        drafts.setComponent(id, seq, r.fileId(), documentId, r.digitization());
        return drafts.owned(id, me.accountId());
    }

    @Transactional
    public FilingDraft clear(CitizenPrincipal me, UUID id, int seq) {
        FilingDraft d = open(me, id);
        component(d, seq);
        drafts.setComponent(id, seq, null, null, 0);
        return drafts.owned(id, me.accountId());
    }

    @Transactional
    public void discard(CitizenPrincipal me, UUID id) {
        open(me, id);
        drafts.delete(id);
    }

    /** The appointment the calendar would give if the dossier were received now (online duration when the case has one). */
    public Optional<Instant> estimatedAppointment(FilingDraft d) {
        ProcedureDetail p = catalog.findPublished(d.procedureCode()).orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        ProcedureCase c = p.caseById(d.caseId());
        ProcessingTime t = c.onlineDuration() != null ? c.onlineDuration() : c.duration();
        try {
            return Optional.of(calendars.due(clock.instant(), t.amount(), t.unit()));
        } catch (CalendarNotDefinedException e) {
            return Optional.empty();
        }
    }

    /**
     * Step 3: submit. Checks everything again (the procedure may have been
     * withdrawn, a reused document may have expired since), files the dossier
     * at status 1 and marks the draft submitted, all in one transaction.
     */
    @Transactional
    public DossierView submit(CitizenPrincipal me, UUID id) {
        return submit(me, id, null);
    }

    /**
     * As {@link #submit(CitizenPrincipal, UUID)}, naming the population
     * database look-up (made with the citizen's consent) whose data the
     * citizen used: the filing carries it, so the dossier is marked as using
     * population data.
     */
    @Transactional
    public DossierView submit(CitizenPrincipal me, UUID id, String populationLookupId) {
        FilingDraft d = open(me, id);
        ProcedureDetail p = onlineProcedure(d.procedureCode());
        Map<String, String> errors = new LinkedHashMap<>();
        if (p.level() == UnitLevel.COMMUNE && d.competentUnitId() == null) {
            errors.put("competentUnitId", "portal.filing.commune");
        }
        List<ComponentItem> items = new ArrayList<>();
        CitizenRecords.Viewer viewer = records.viewer(me);
        for (FilingDraft.Component c : d.components()) {
            if (c.fileId() == null && p.onlineLevel() == OnlineLevel.FULL) {
                errors.put("components[" + c.seq() + "]", "portal.filing.fileNeeded");
                continue;
            }
            int state = c.digitization();
            if (c.documentId() != null) {
                try {
                    state = records.reuse(viewer, c.documentId()).digitization();
                } catch (InvalidInput | NotFound e) {
                    errors.put("components[" + c.seq() + "]", "warehouse.expired");
                    continue;
                }
            }
            items.add(new ComponentItem(c.name(), c.originals(), c.copies(), c.fileId() == null ? null : c.fileId().toString(),
                    c.fileId() == null ? 0 : state));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Applicant base = me.applicant();
        Applicant applicant = new Applicant(base.kind(), base.fullName(), base.idNumber(), base.taxCode(),
                d.phone(), d.email(), d.address());
        UnitView receiving = receivingUnit(p, p.caseById(d.caseId()), d.competentUnitId());
        DossierView filed = dossiers.fileOnline(new FileDossier(p.code(), d.caseId(), Channel.ONLINE, applicant, items,
                receiving.id(), null, d.competentUnitId(), vn.motcua.shared.Texts.clean(populationLookupId)), receiving.id(),
                me.fullName());
        drafts.submitted(id, filed.code());
        return filed;
    }

    /** The communes and wards a commune-level procedure can be filed to. */
    public List<UnitView> communes() {
        return org.allUnits().stream()
                .filter(u -> u.active() && (u.kind() == UnitKind.COMMUNE || u.kind() == UnitKind.WARD))
                .toList();
    }

    /**
     * Where the online dossier arrives: the desk the procedure's receiving step
     * names, if it names one; else the chosen commune's one-stop desk for a
     * commune-level procedure, or the provincial service centre.
     */
    private UnitView receivingUnit(ProcedureDetail p, ProcedureCase c, Long communeId) {
        List<UnitView> all = org.allUnits();
        if (!c.steps().isEmpty() && c.steps().get(0).role() == vn.motcua.organization.Role.ONE_STOP_OFFICER
                && c.steps().get(0).unit() != null && c.steps().get(0).unit().isSpecific()) {
            vn.motcua.catalog.UnitRef ref = c.steps().get(0).unit();
            Optional<UnitView> named = all.stream().filter(u -> u.active()
                    && (ref.id() != null ? u.id() == ref.id() : u.code().equals(ref.code()))).findFirst();
            if (named.isPresent()) {
                return named.get();
            }
        }
        if (p.level() == UnitLevel.COMMUNE) {
            return all.stream().filter(u -> u.active() && communeId.equals(u.parentId())
                            && (u.kind() == UnitKind.ONE_STOP_DESK || u.kind() == UnitKind.SERVICE_CENTRE))
                    .findFirst()
                    .or(() -> all.stream().filter(u -> u.id() == communeId).findFirst())
                    .orElseThrow(() -> InvalidInput.of("competentUnitId", "portal.filing.commune"));
        }
        return all.stream().filter(u -> u.active() && u.kind() == UnitKind.SERVICE_CENTRE && u.level() == UnitLevel.PROVINCE)
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation("no-centre", "portal.filing.noCentre"));
    }

    private FilingDraft open(CitizenPrincipal me, UUID id) {
        FilingDraft d = drafts.owned(id, me.accountId());
        if (d.submitted()) {
            throw new DomainRuleViolation("draft-submitted", "portal.filing.submitted", d.dossierCode());
        }
        return d;
    }

    private static FilingDraft.Component component(FilingDraft d, int seq) {
        return d.components().stream().filter(c -> c.seq() == seq).findFirst()
                .orElseThrow(() -> new NotFound("component " + seq));
    }
}
