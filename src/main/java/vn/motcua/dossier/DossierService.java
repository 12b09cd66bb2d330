package vn.motcua.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.internal.ActRefusals;
import vn.motcua.dossier.internal.DossierAccess;
import vn.motcua.dossier.internal.DossierActing;
import vn.motcua.dossier.internal.DossierFiling;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.DossierSlips;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.DossierViews;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.PageResult;

/**
 * The dossier module's API, and where its transactions begin: filing
 * ({@code DossierFiling}), acts ({@code DossierActing}), reading (views,
 * history, tracking, search, inboxes: {@code DossierViews}, {@code DossierQueries}),
 * slips and the log book ({@code DossierSlips}); who may see a dossier is
 * {@code DossierAccess}'s, what an officer may do to it {@code ActPolicy}'s.
 * A refused act leaves the dossier exactly as it was.
 */
@Service
@Transactional(readOnly = true)
public class DossierService {

    /** The audit kind of a desk filing whose receipt time was given earlier than the act. */
    public static final String AUDIT_BACK_DATED = DossierFiling.AUDIT_BACK_DATED;

    private final DossierFiling filing;
    private final DossierActing acting;
    private final ActRefusals refusals;
    private final DossierAccess access;
    private final DossierViews views;
    private final DossierQueries queries;
    private final DossierSlips slips;
    private final DossierStore store;
    private final OrganizationService org;
    private final CalendarService calendars;
    private final Clock clock;

    public DossierService(DossierFiling filing, DossierActing acting, ActRefusals refusals, DossierAccess access,
                          DossierViews views, DossierQueries queries, DossierSlips slips, DossierStore store,
                          OrganizationService org, CalendarService calendars, Clock clock) {
        this.filing = filing;
        this.acting = acting;
        this.refusals = refusals;
        this.access = access;
        this.views = views;
        this.queries = queries;
        this.slips = slips;
        this.store = store;
        this.org = org;
        this.calendars = calendars;
        this.clock = clock;
    }

    // --- filing -------------------------------------------------------------------------------

    /**
     * An officer files a dossier at a desk in their scope: received at once
     * (status 2) unless the channel is ONLINE (status 1, waiting in the queue).
     */
    @Transactional
    public DossierView file(FileDossier cmd, StaffPrincipal who) {
        return filing.atDesk(cmd, List.of(), who);
    }

    /** As {@link #file(FileDossier, StaffPrincipal)}, with the scans of the papers ({@code scans.get(i)} of component i). */
    @Transactional
    public DossierView file(FileDossier cmd, List<Upload> scans, StaffPrincipal who) {
        return filing.atDesk(cmd, scans, who);
    }

    /** Files on behalf of a citizen (online portal) or a system: status 1 at the chosen centre. */
    @Transactional
    public DossierView fileOnline(FileDossier cmd, long receivingUnitId, String actorName) {
        return filing.online(cmd, new UnitId(receivingUnitId), actorName);
    }

    // --- acts ---------------------------------------------------------------------------------

    /** An officer's act read from the API's body or a page's form ({@link DossierAct#of}). */
    @Transactional
    public DossierView act(String code, Action action, Act body, StaffPrincipal who) {
        return act(code, DossierAct.of(action, body), body == null ? null : body.version(), who);
    }

    /**
     * An officer's act: 404 outside the caller's scope, 403 for the wrong
     * place or role, 409 for a stale version or a rule of the dossier (the
     * rule is also told to the other modules as {@link DossierActRefused}).
     */
    @Transactional
    public DossierView act(String code, DossierAct act, Integer version, StaffPrincipal who) {
        try {
            return acting.act(code, act, version, who);
        } catch (DomainRuleViolation refused) {
            refusals.refused(code, act.action(), refused.rule(), who, null);
            throw refused;
        }
    }

    /** A paper component scanned at the desk or the handling unit (digitisation state 1). */
    @Transactional
    public DossierView scan(String code, int seq, Upload file, Integer version, StaffPrincipal who) {
        return acting.scan(code, seq, file, version, who);
    }

    /** The applicant sends, from the portal, the papers a supplement request asked for. */
    @Transactional
    public DossierView supplementByApplicant(String code, String identityNumber, String actorName, String fileOwner,
                                             Map<String, Upload> papers) {
        return acting.supplementByApplicant(code, identityNumber, actorName, fileOwner, papers);
    }

    /** Moves the open dossiers of dissolved units to their successor. */
    @Transactional
    public int transferToSuccessor(Collection<UnitId> dissolved, UnitId successor) {
        return acting.transferToSuccessor(dissolved, successor);
    }

    /** The acts this officer may do on the dossier now: the page's buttons, and exactly what {@link #act} accepts. */
    public Set<Action> allowedActs(String code, StaffPrincipal who) {
        return acting.allowedActs(code, who);
    }

    /** For the page: the components (by seq) this officer can scan now. */
    public Set<Integer> scannable(String code, StaffPrincipal who) {
        return acting.scannable(code, who);
    }

    /** For the page: the units this dossier may be forwarded to now (the next step's first). */
    public List<UnitView> forwardUnits(String code, StaffPrincipal who) {
        return acting.forwardUnits(code, who);
    }

    /** For the page: the workflow steps a completion now would skip (a reason is then required). */
    public List<String> stepsSkippedByCompletion(String code, OfficerScope scope) {
        return acting.stepsSkippedByCompletion(code, scope);
    }

    // --- reading ------------------------------------------------------------------------------

    /** One statement (the aggregate is read in one), so no transaction of its own: two round trips fewer. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public DossierView get(String code, OfficerScope scope) {
        return views.view(access.visible(code, scope), calendars.calendar());
    }

    public List<HistoryView> history(String code, OfficerScope scope) {
        return views.history(access.visible(code, scope));
    }

    /** The public tracking view: no personal data; unknown codes are empty. */
    public Optional<TrackingView> track(String code) {
        return store.findByCode(code).map(views::tracking);
    }

    public PageResult<DossierSummary> search(DossierQuery q, OfficerScope scope) {
        return queries.search(q, scope, calendars.calendar(), clock.instant());
    }

    public Map<DossierQuery.Inbox, Long> inboxCounts(OfficerScope scope, Long unit) {
        return queries.inboxCounts(scope, unit, calendars.calendar(), clock.instant());
    }

    // --- the applicant's own view (citizen portal) ----------------------------------------------

    /** The dossiers filed for an applicant, newest first: a person by the citizen ID, an organisation by its tax code. */
    public PageResult<DossierSummary> ofApplicant(String identityNumber, int page, int size) {
        return queries.ofApplicant(identityNumber, page, size, clock.instant());
    }

    /** One dossier of the applicant with everything; someone else's dossier is 404, as if it did not exist. */
    public DossierView getForApplicant(String code, String identityNumber) {
        return views.view(access.ownedBy(code, identityNumber), calendars.calendar());
    }

    public List<HistoryView> historyForApplicant(String code, String identityNumber) {
        return views.history(access.ownedBy(code, identityNumber));
    }

    // --- slips and log book ---------------------------------------------------------------------

    /** A form of the dossier as PDF; a form that does not apply to the dossier is 404. */
    public byte[] slip(String code, SlipKind kind, OfficerScope scope) {
        return slips.slip(access.visible(code, scope), kind);
    }

    public byte[] slipForApplicant(String code, SlipKind kind, String identityNumber) {
        return slips.slip(access.ownedBy(code, identityNumber), kind);
    }

    /** The log book (form 07) of a unit: dossiers received there in the period, oldest first. */
    public List<DossierSummary> logBook(long unitId, LocalDate from, LocalDate to, OfficerScope scope) {
        return slips.logBook(new UnitId(unitId), from, to, scope);
    }

    public byte[] logBookXlsx(long unitId, LocalDate from, LocalDate to, OfficerScope scope) {
        return slips.logBookXlsx(new UnitId(unitId), from, to, scope);
    }
}
