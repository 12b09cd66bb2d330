package vn.motcua.audittrail.internal;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditChain;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.DossierActRefused;
import vn.motcua.dossier.DossierActed;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.UnitId;

/**
 * Every act on a dossier and every refused attempt, into the audit trail.
 * Heard as the act is published, in the act's own transaction, where the
 * entry is only staged ({@link AuditTrail#stage}: one insert, no lock): it
 * commits or rolls back with the act, so no act is ever missing from the trail
 * and none is there that did not happen, and the act never waits for the
 * chain's head; the chainer appends it right after the commit, in a batch
 * with the other acts of that moment (docs/audit.md, "Dossier acts"). Its key
 * {@code (code, version, index)} (the refused attempt's: code, action, rule,
 * officer and instant) is unique in the trail.
 *
 * <p>The entry: kind {@code dossier.<action>} ({@code dossier.receive},
 * {@code dossier.request-supplement}, …) or {@code dossier.act-refused};
 * actor the officer's username ({@code applicant} or {@code system} when no
 * officer acted); unit the unit acted for; subject {@code dossier-act} with
 * {@code <code>/<version>/<index>}; the dossier's code; the status, handling
 * unit and assignee old → new where they changed; the reason given; the
 * history row's details.
 */
@Component
class DossierActAuditor {

    static final String SUBJECT = "dossier-act";

    private final AuditTrail audit;
    private final StaffNames staff;

    DossierActAuditor(AuditTrail audit, StaffNames staff) {
        this.audit = audit;
        this.staff = staff;
    }

    @EventListener
    void on(DossierActed e) {
        String act = e.code() + "/" + e.version() + "/" + e.index();
        AuditEntry entry = AuditEntry.of("dossier." + e.action().path(), actor(e.actor(), e.action()), SUBJECT, act)
                .unit(id(e.unit()))
                .dossier(e.code())
                .reason(e.reason())
                .detail(detail(e))
                .change("status", e.from() == null ? null : e.from().code(), e.to() == null ? null : e.to().code());
        audit.stage(entry, e.at(), SUBJECT + ":" + act);
    }

    @EventListener
    void on(DossierActRefused e) {
        String actor = actor(e.actor(), e.action());
        AuditEntry entry = AuditEntry.of("dossier.act-refused", actor, SUBJECT, e.code() + "/refused")
                .unit(id(e.unit()))
                .dossier(e.code())
                .reason(e.rule())
                .detail("action: " + e.action().path() + "; rule: " + e.rule());
        audit.stage(entry, e.at(), SUBJECT + ":" + e.code() + "/refused/" + e.action().path() + "/" + e.rule() + "/"
                + actor + "/" + AuditChain.formatAt(e.at()));
    }

    private String actor(StaffId officer, Action action) {
        if (officer == null) {
            return action == Action.FILE || action == Action.SUPPLEMENT_SUBMITTED || action == Action.WITHDRAW
                    ? "applicant" : "system";
        }
        return staff.username(officer.value());
    }

    private static Long id(UnitId unit) {
        return unit == null ? null : unit.value();
    }

    private static String detail(DossierActed e) {
        StringBuilder b = new StringBuilder();
        b.append("procedure: ").append(e.procedureCode());
        if (e.handlingUnit() != null) {
            b.append("; handling unit: ").append(e.handlingUnit().value());
        }
        if (e.assignee() != null) {
            b.append("; assignee: ").append(e.assignee().value());
        }
        if (e.channel() != null) {
            b.append("; channel: ").append(e.channel().name());
        }
        if (e.details() != null && !e.details().isEmpty()) {
            Map<String, Object> sorted = new TreeMap<>(e.details());
            b.append("; ").append(sorted);
        }
        return b.toString();
    }
}
