package vn.motcua.dossier.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierAct;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Upload;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.Texts;
import vn.motcua.warehouse.FileDownloads;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/**
 * Acts on dossiers that exist: the officers' acts ({@link DossierAct}), scans
 * of paper components, the applicant's online supplement and the move of open
 * dossiers to a merged unit's successor. Each loads the aggregate, checks
 * access ({@link DossierAccess}, 404) and place and role ({@link ActPolicy},
 * 403), resolves what the act names outside the dossier (units, officers,
 * files), lets the aggregate apply it, saves with the version check and
 * publishes the events the aggregate registered, in the caller's transaction.
 */
@Component
public class DossierActing {

    private final DossierStore store;
    private final DossierAccess access;
    private final DossierViews views;
    private final DossierPapers papers;
    private final ProcedureTemplates templates;
    private final OrganizationService org;
    private final CalendarService calendars;
    private final ApplicationEventPublisher events;
    private final FileService files;
    private final Clock clock;

    public DossierActing(DossierStore store, DossierAccess access, DossierViews views, DossierPapers papers,
                         ProcedureTemplates templates, OrganizationService org, CalendarService calendars,
                         ApplicationEventPublisher events, FileService files, Clock clock) {
        this.store = store;
        this.access = access;
        this.views = views;
        this.papers = papers;
        this.templates = templates;
        this.org = org;
        this.calendars = calendars;
        this.events = events;
        this.files = files;
        this.clock = clock;
    }

    /** An officer's act; {@code version}, when given, must be the dossier's (409 otherwise). */
    public DossierView act(String code, DossierAct act, Integer version, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        Dossier d = access.visible(code, scope);
        checkVersion(d, version);
        Action action = act.action();
        if (!ActPolicy.placed(d, action, who, scope)) {
            throw new AccessDeniedException("dossier " + d.code() + " is not at the caller's unit");
        }
        if (!ActPolicy.roleMay(action, who)) {
            throw new AccessDeniedException("role may not " + action.path());
        }
        WorkingCalendar calendar = calendars.calendar();
        Instant now = clock.instant();
        Actor actor = DossierAccess.actorOf(who, d.handlingUnit());
        if (d.handlingUnit() != null) {
            // the unit in the request's log lines (cleared with the request's other log keys)
            MDC.put("unit", d.handlingUnit().toString());
        }
        // one branch per type of the sealed family (Java 17: no pattern switch yet)
        if (act instanceof DossierAct.ReceiveDossier) {
            d.receive(now, actor, calendar);
        } else if (act instanceof DossierAct.RefuseDossier a) {
            d.refuse(now, actor, a.reason());
        } else if (act instanceof DossierAct.ForwardDossier a) {
            forward(d, a, now, actor, calendar);
        } else if (act instanceof DossierAct.RequestSupplement a) {
            d.requestSupplement(now, actor, a.items(), a.reason());
        } else if (act instanceof DossierAct.ConfirmSupplement) {
            d.supplementReceived(now, actor, calendar);
        } else if (act instanceof DossierAct.RequestPayment a) {
            d.requestPayment(now, actor, a.amountVnd(), a.reason());
        } else if (act instanceof DossierAct.ConfirmPayment) {
            d.paymentReceived(now, actor, calendar);
        } else if (act instanceof DossierAct.Apologize a) {
            d.apologize(now, actor, a.reason(), a.newAppointment());
        } else if (act instanceof DossierAct.StopProcessing a) {
            d.stop(now, actor, a.reason());
        } else if (act instanceof DossierAct.WithdrawDossier a) {
            d.withdraw(now, actor, a.reason());
        } else if (act instanceof DossierAct.CompleteDossier a) {
            String resultFile = null;
            if (!Texts.isBlank(a.resultFileId())) {
                // the caller's own upload or a file of a dossier in their scope; anything else is 404
                resultFile = files.attachable(FileDownloads.id(a.resultFileId().trim()), DossierAccess.staffOwner(who),
                        scope).id().toString();
            }
            d.complete(now, actor, a.resultNumber(), resultFile, a.skipReason(), calendar);
        } else if (act instanceof DossierAct.ReturnResult a) {
            d.returnResult(now, actor, a.channel());
            papers.addResult(d, now);
        } else {
            throw new IllegalStateException("an act of the sealed family without its branch: " + act);
        }
        store.update(d);
        d.takeEvents().forEach(events::publishEvent);
        return views.view(d, calendar);
    }

    /**
     * A forward's receiving unit must be active and the next step's or one the
     * procedure allows ({@link #forwardTargets}); a named officer must be
     * active and sit at or under the receiving unit.
     */
    private void forward(Dossier d, DossierAct.ForwardDossier a, Instant now, Actor actor, WorkingCalendar calendar) {
        UnitId toUnit = a.toUnit();
        if (toUnit != null) {
            org.findUnit(toUnit).filter(UnitView::active).orElseThrow(() -> InvalidInput.of("toUnit", "dossier.forward.unit"));
        }
        Set<Long> allowed = toUnit == null ? Set.of() : forwardTargets(d);
        Long to = toUnit == null ? null : toUnit.value();
        d.checkForward(to, allowed);
        String receiverName = null;
        if (a.toOfficer() != null) {
            StaffView officer = org.staff(a.toOfficer(), OfficerScope.everything(null));
            Long target = to != null ? to : nextStepUnit(d);
            Set<Long> below = target == null ? Set.of() : org.selfAndDescendants(List.of(target));
            if (!officer.active() || officer.units().stream().noneMatch(u -> below.contains(u.id()))) {
                throw InvalidInput.of("toOfficer", "dossier.forward.officer");
            }
            receiverName = officer.fullName();
        }
        d.forward(now, actor, to, allowed, a.toOfficer() == null ? null : a.toOfficer().value(), receiverName, a.note(),
                calendar);
    }

    private static void checkVersion(Dossier d, Integer version) {
        if (version != null && version != d.version()) {
            throw new OptimisticLockingFailureException("dossier " + d.code() + " is at version " + d.version());
        }
    }

    /**
     * A paper component of the dossier scanned at the desk or the handling
     * unit: the file is stored, the component gets it with digitisation state
     * 1, one history row is appended, the version moves on, and the scan goes
     * into the applicant's warehouse. The one-stop officers of the receiving
     * unit and the officers of the handling unit may scan; outside the
     * dossier's units the answer is 404, a stale version 409.
     */
    public DossierView scan(String code, int seq, Upload file, Integer version, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        Dossier d = access.visible(code, scope);
        checkVersion(d, version);
        if (!mayScan(d, who, scope)) {
            throw new AccessDeniedException("dossier " + code + " may not be scanned by the caller");
        }
        // the rules first (finished dossier, component with a file), so a refused scan stores nothing
        d.checkScan(seq);
        if (file == null || file.content() == null) {
            throw InvalidInput.of("file", "validation.required");
        }
        StoredFile stored = papers.upload(file, "file", DossierAccess.staffOwner(who));
        Instant now = clock.instant();
        d.scan(now, DossierAccess.actorOf(who, d.handlingUnit()), seq, stored.id().toString(), stored.name());
        store.update(d);
        papers.addComponent(DossierAccess.ownerKey(d.applicant()), d.components().get(seq - 1).name(), stored.id(), d.code(), now);
        d.takeEvents().forEach(events::publishEvent);
        return views.view(d, calendars.calendar());
    }

    /** Whether this officer may scan the dossier's papers: desk officers of the receiving unit, officers of the handling unit. */
    private static boolean mayScan(Dossier d, StaffPrincipal who, OfficerScope scope) {
        boolean atDesk = scope.includes(d.receivingUnit()) && who.hasRole("ONE_STOP_OFFICER");
        boolean atHandling = d.handlingUnit() != null && scope.includes(d.handlingUnit())
                && who.hasAnyRole("ONE_STOP_OFFICER", "SPECIALIST", "LEADER");
        return atDesk || atHandling;
    }

    /** For the page: the components (by seq) this officer can scan now. */
    public Set<Integer> scannable(String code, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        Dossier d = access.visible(code, scope);
        Set<Integer> out = new TreeSet<>();
        if (mayScan(d, who, scope)) {
            for (int i = 1; i <= d.components().size(); i++) {
                if (d.mayScan(i)) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /**
     * The applicant sends, from the portal, the papers a supplement request
     * asked for: each file is stored (owner {@code fileOwner}), joins the
     * dossier as a component in digitisation state 1 and goes into the
     * applicant's warehouse; one history row; the version moves on. A refused
     * file leaves the dossier and the warehouse as they were. The desk then
     * checks the papers and records supplement-received, which restarts the clock.
     */
    public DossierView supplementByApplicant(String code, String identityNumber, String actorName, String fileOwner,
                                             Map<String, Upload> sent) {
        Dossier d = access.ownedBy(code, identityNumber);
        d.checkSupplementSubmission();
        List<ComponentItem> items = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Upload> e : sent.entrySet()) {
            Upload u = e.getValue();
            if (u != null && u.content() != null) {
                StoredFile f = papers.upload(u, "papers[" + i + "]", fileOwner);
                items.add(new ComponentItem(Texts.clean(e.getKey()), 0, 1, f.id().toString(), 1));
            }
            i++;
        }
        if (items.isEmpty()) {
            throw InvalidInput.of("papers", "dossier.supplement.noPapers");
        }
        Instant now = clock.instant();
        d.supplementSubmitted(now, Actor.system(actorName), items);
        store.update(d);
        String owner = DossierAccess.ownerKey(d.applicant());
        for (ComponentItem c : items) {
            papers.addComponent(owner, c.name(), UUID.fromString(c.fileId()), d.code(), now);
        }
        d.takeEvents().forEach(events::publishEvent);
        return views.view(d, calendars.calendar());
    }

    /**
     * Moves the open dossiers of dissolved units to their successor: code,
     * history and deadlines stay; one history row records the move.
     */
    public int transferToSuccessor(Collection<UnitId> dissolved, UnitId successor) {
        Set<Long> ids = new HashSet<>();
        dissolved.forEach(u -> ids.add(u.value()));
        Instant now = clock.instant();
        int moved = 0;
        for (Long id : store.openAt(ids)) {
            Dossier d = store.findById(id).orElseThrow();
            d.transferToSuccessor(now, Actor.system("Hệ thống (sáp nhập đơn vị)"), ids, successor.value());
            store.update(d);
            d.takeEvents().forEach(events::publishEvent);
            moved++;
        }
        return moved;
    }

    /**
     * The acts this officer may do on the dossier now ({@link ActPolicy#allowedActs}):
     * exactly those {@link #act} does not refuse for the caller's place, role,
     * the dossier's status or a once-only rule; it may still refuse one for
     * what the act carries. Outside the caller's scope: 404.
     */
    public Set<Action> allowedActs(String code, StaffPrincipal who) {
        OfficerScope scope = org.scopeOf(who.id());
        return ActPolicy.allowedActs(access.visible(code, scope), who, scope, clock.instant());
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
                if (s.unit() != null) {
                    roots.add(s.unit().value());
                }
            });
        });
        return roots.isEmpty() ? Set.of() : org.selfAndDescendants(roots);
    }

    /** For the page: the units this dossier may be forwarded to now (the next step's first), active ones only. */
    public List<UnitView> forwardUnits(String code, StaffPrincipal who) {
        Dossier d = access.visible(code, org.scopeOf(who.id()));
        Long next = nextStepUnit(d);
        if (next == null) {
            return List.of();
        }
        Set<Long> targets = forwardTargets(d);
        List<UnitView> out = new ArrayList<>();
        org.findUnit(new UnitId(next)).filter(UnitView::active).ifPresent(out::add);
        org.units(targets).stream().filter(u -> u.active() && u.id() != next)
                .sorted(Comparator.comparing(UnitView::name)).forEach(out::add);
        return out;
    }

    /** For the page: the names of the workflow steps a completion now would skip (a reason is then required). */
    public List<String> stepsSkippedByCompletion(String code, OfficerScope scope) {
        return access.visible(code, scope).unfinishedStepsAtCompletion().stream().map(Dossier.Step::name).toList();
    }

    private static Long nextStepUnit(Dossier d) {
        Dossier.Step cur = d.currentStepOrNull();
        if (cur == null || cur.seq() >= d.steps().size()) {
            return null;
        }
        UnitId u = d.steps().get(cur.seq()).unit();
        return u != null ? u.value() : d.handlingUnit() == null ? null : d.handlingUnit().value();
    }
}
