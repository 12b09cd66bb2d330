package vn.motcua.supervision;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;
import vn.motcua.shared.Texts;
import vn.motcua.supervision.internal.RuleStore;
import vn.motcua.supervision.internal.SignalRules;
import vn.motcua.supervision.internal.SignalStore;
import vn.motcua.supervision.internal.SupervisionAccess;

/**
 * The signal inbox and the rules' editor. Supervisors see and resolve every
 * signal and edit the rules; a leader sees the signals of the units in their
 * scope and cannot resolve them (the leader answers for those units: a
 * signal about them is closed by the supervisor, not by them).
 */
@Service
@Transactional(readOnly = true)
public class ConductSignals {

    public static final String AUDIT_RESOLVED = "supervision.signal.resolved";
    public static final String AUDIT_RULE_CHANGED = "supervision.rule.changed";

    private final SignalStore store;
    private final RuleStore rules;
    private final SignalRules engine;
    private final SupervisionAccess access;
    private final OrganizationService org;
    private final AuditTrail audit;
    private final Clock clock;

    public ConductSignals(SignalStore store, RuleStore rules, SignalRules engine, SupervisionAccess access,
                          OrganizationService org, AuditTrail audit, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.engine = engine;
        this.access = access;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    public PageResult<SignalView> inbox(String status, String rule, Long unit, int page, int size, StaffPrincipal who, Locale locale) {
        OfficerScope scope = access.scope(who);
        Paging paging = Paging.of(page, size, 100);
        String st = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (st != null && !st.equals("OPEN") && !st.equals("CLOSED")) {
            throw new vn.motcua.shared.InvalidParameter("status", "supervision.signal.status.invalid");
        }
        String r = rule == null || rule.isBlank() ? null : rule.trim();
        if (r != null && ConductRule.of(r).isEmpty()) {
            throw new vn.motcua.shared.InvalidParameter("rule", "supervision.rule.unknown");
        }
        Set<Long> units = access.units(unit, scope);
        PageResult<SignalStore.Row> rows = store.list(st, r, units, scope, paging);
        Map<String, RuleView> byCode = rulesByCode();
        return rows.map(row -> view(row, byCode, locale));
    }

    public SignalView signal(long id, StaffPrincipal who, Locale locale) {
        OfficerScope scope = access.scope(who);
        SignalStore.Row row = store.find(id).filter(r -> scope.allUnits() || r.unitId() != null && scope.includes(new UnitId(r.unitId())))
                .orElseThrow(() -> new NotFound("signal " + id));
        return view(row, rulesByCode(), locale);
    }

    public Map<String, Long> openCounts(StaffPrincipal who) {
        return store.openCounts(access.scope(who));
    }

    /** Closes the signal with a resolution and a note (required), audited in the same transaction. */
    @Transactional
    public SignalView resolve(long id, Resolution resolution, String note, StaffPrincipal who, String address, Locale locale) {
        access.requireSupervisor(who);
        SignalView s = signal(id, who, locale);
        String text = Texts.clean(note);
        if (resolution == null) {
            throw InvalidInput.of("resolution", "validation.required");
        }
        if (Texts.isBlank(text)) {
            throw InvalidInput.of("note", "validation.required");
        }
        if (text.length() > 2000) {
            throw InvalidInput.of("note", "validation.tooLong");
        }
        if (!store.resolve(id, resolution, text, who.username(), clock.instant())) {
            throw new vn.motcua.shared.DomainRuleViolation("signal-closed", "supervision.signal.closed");
        }
        audit.record(AuditEntry.of(AUDIT_RESOLVED, who.username(), "signal", String.valueOf(id))
                .detail(s.rule() + " " + s.subjectType() + ":" + s.subjectId() + " → " + resolution.name()
                        + (s.dossierCode() == null ? "" : " dossier " + s.dossierCode()))
                .reason(text).address(address));
        return signal(id, who, locale);
    }

    public List<RuleView> rules(StaffPrincipal who) {
        access.scope(who);
        return rules.all();
    }

    public RuleView rule(String code, StaffPrincipal who) {
        access.scope(who);
        return rules.find(code).orElseThrow(() -> new NotFound("rule " + code));
    }

    /** A supervisor switches a rule on or off and sets its thresholds; audited with old → new. */
    @Transactional
    public RuleView updateRule(String code, int version, boolean enabled, Map<String, String> values, StaffPrincipal who,
                               String address) {
        access.requireSupervisor(who);
        RuleView before = rules.find(code).orElseThrow(() -> new NotFound("rule " + code));
        RuleView after = rules.update(code, version, enabled, values);
        audit.record(AuditEntry.of(AUDIT_RULE_CHANGED, who.username(), "rule", code)
                .detail(describe(before) + " → " + describe(after)).address(address));
        return after;
    }

    /** Only supervisors edit the rules (403 otherwise), checked before a request's body is read. */
    public void requireEditor(StaffPrincipal who) {
        access.requireSupervisor(who);
    }

    /** The time-based rules over the read model (the scheduled sweep calls this; so may tests). */
    @Transactional
    public int sweep() {
        return engine.sweep();
    }

    private static String describe(RuleView r) {
        StringBuilder b = new StringBuilder(r.enabled() ? "on" : "off");
        r.params().forEach(p -> b.append(' ').append(p.name()).append('=').append(p.value()));
        return b.toString();
    }

    private Map<String, RuleView> rulesByCode() {
        Map<String, RuleView> m = new java.util.HashMap<>();
        rules.all().forEach(r -> m.put(r.code(), r));
        return m;
    }

    private SignalView view(SignalStore.Row r, Map<String, RuleView> rules, Locale locale) {
        RuleView rule = rules.get(r.rule());
        String unitName = r.unitId() == null ? null : org.findUnit(new UnitId(r.unitId())).map(UnitView::name).orElse(null);
        String label = switch (r.subjectType()) {
            case OFFICER -> org.findStaffName(Long.parseLong(r.subjectId())).orElse(r.subjectId());
            case UNIT -> org.findUnit(new UnitId(Long.parseLong(r.subjectId()))).map(UnitView::name).orElse(r.subjectId());
            case PROCEDURE -> r.subjectId() + (unitName == null ? "" : " — " + unitName);
            case DOSSIER -> r.subjectId();
        };
        return new SignalView(r.id(), r.rule(), rule == null ? r.rule() : rule.name(locale), r.subjectType(), r.subjectId(),
                label, r.unitId(), unitName, r.dossierCode(), r.summary(), r.evidence(), r.status(), r.openedAt(),
                r.resolution(), r.note(), r.resolvedBy(), r.resolvedAt());
    }
}
