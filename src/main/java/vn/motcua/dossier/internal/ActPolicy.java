package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;

/**
 * What may be done to a dossier, and by whom, in one place: the statuses each
 * act starts from (the lifecycle of DOMAIN.md §3, which the aggregate
 * enforces), where the officer must sit (the unit holding the dossier, or
 * also the receiving desk for the desk's acts) and which role the act needs.
 * {@link #allowedActs} answers the acts that pass every server-side check
 * that does not depend on what the act carries; the dossier page shows
 * exactly those as buttons, and the service's guard and the aggregate refuse
 * the others with the same rules.
 */
public final class ActPolicy {

    /** The acts an officer does through {@code act}: the page's buttons and the API's action paths. */
    public static final Set<Action> OFFICER_ACTS = Collections.unmodifiableSet(EnumSet.of(Action.RECEIVE, Action.REFUSE,
            Action.FORWARD, Action.REQUEST_SUPPLEMENT, Action.SUPPLEMENT_RECEIVED, Action.REQUEST_PAYMENT,
            Action.PAYMENT_RECEIVED, Action.APOLOGIZE, Action.STOP, Action.WITHDRAW, Action.COMPLETE, Action.RETURN));

    /** Acts done at the desk that received the dossier (besides the unit holding it). */
    static final Set<Action> DESK_ACTS = Collections.unmodifiableSet(EnumSet.of(Action.RECEIVE, Action.REFUSE,
            Action.SUPPLEMENT_RECEIVED, Action.PAYMENT_RECEIVED, Action.RETURN, Action.WITHDRAW));

    /** Acts only a one-stop officer does. */
    private static final Set<Action> ONE_STOP_ONLY = Collections.unmodifiableSet(EnumSet.of(Action.RECEIVE, Action.REFUSE,
            Action.SUPPLEMENT_RECEIVED, Action.PAYMENT_RECEIVED, Action.RETURN));

    private static final String[] WORKERS = {"ONE_STOP_OFFICER", "SPECIALIST", "LEADER"};

    /** The statuses each act may start from (DOMAIN.md §3 transitions). */
    private static final Map<Action, Set<DossierStatus>> FROM = new EnumMap<>(Action.class);

    static {
        FROM.put(Action.RECEIVE, EnumSet.of(DossierStatus.NEW));
        FROM.put(Action.REFUSE, EnumSet.of(DossierStatus.NEW));
        FROM.put(Action.FORWARD, DossierStatus.CLOCK_RUNNING);
        FROM.put(Action.REQUEST_SUPPLEMENT, DossierStatus.CLOCK_RUNNING);
        FROM.put(Action.SUPPLEMENT_RECEIVED, EnumSet.of(DossierStatus.WAITING_SUPPLEMENT));
        FROM.put(Action.REQUEST_PAYMENT, DossierStatus.CLOCK_RUNNING);
        FROM.put(Action.PAYMENT_RECEIVED, EnumSet.of(DossierStatus.WAITING_PAYMENT));
        FROM.put(Action.APOLOGIZE, DossierStatus.OPEN);
        FROM.put(Action.STOP, EnumSet.of(DossierStatus.RECEIVED, DossierStatus.PROCESSING, DossierStatus.WAITING_SUPPLEMENT));
        FROM.put(Action.WITHDRAW, DossierStatus.OPEN);
        FROM.put(Action.COMPLETE, EnumSet.of(DossierStatus.PROCESSING));
        FROM.put(Action.RETURN, EnumSet.of(DossierStatus.DONE));
    }

    private ActPolicy() {
    }

    /** The statuses the act may start from; none for an act that is not an officer's act. */
    public static Set<DossierStatus> from(Action action) {
        Set<DossierStatus> s = FROM.get(action);
        return s == null ? Set.of() : Collections.unmodifiableSet(s);
    }

    /**
     * Whether the officer sits where the act is done: at the unit holding the
     * dossier, or, for the desk's acts, at the desk that received it. A
     * supervisor without an officer's role acts nowhere.
     */
    public static boolean placed(Dossier d, Action action, StaffPrincipal who, OfficerScope scope) {
        boolean atHandlingUnit = d.handlingUnit() != null && scope.includes(d.handlingUnit());
        boolean atDesk = scope.includes(d.receivingUnit());
        boolean placed = atHandlingUnit || (DESK_ACTS.contains(action) && atDesk);
        return placed && !(who.hasRole("SUPERVISOR") && !who.hasAnyRole(WORKERS));
    }

    /** Whether the officer's role may do the act: desk acts need a one-stop officer, the completion a leader. */
    public static boolean roleMay(Action action, StaffPrincipal who) {
        if (ONE_STOP_ONLY.contains(action)) {
            return who.hasRole("ONE_STOP_OFFICER");
        }
        if (action == Action.COMPLETE) {
            return who.hasRole("LEADER");
        }
        return who.hasAnyRole(WORKERS);
    }

    /**
     * The acts this officer may do on the dossier now: placed, with the role,
     * and accepted by the aggregate's rules that do not depend on the act's
     * body ({@link Dossier#refusal}). In the order of {@link Action}.
     */
    public static Set<Action> allowedActs(Dossier d, StaffPrincipal who, OfficerScope scope, Instant now) {
        Set<Action> out = EnumSet.noneOf(Action.class);
        for (Action a : OFFICER_ACTS) {
            if (placed(d, a, who, scope) && roleMay(a, who) && d.refusal(a, now) == null) {
                out.add(a);
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
