package vn.motcua.supervision.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.feedback.FeedbackAboutOfficerFiled;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitView;
import vn.motcua.portal.DossierRated;
import vn.motcua.portal.RatingService;

/**
 * The sources of rule {@code feedback-concentration}: a PAKN about an
 * identified officer (the feedback module) and a "not satisfied" rating of a
 * dossier (the portal), attributed to the officer who received the dossier at
 * its desk, as this module's read model has them. Synchronous, in the
 * filing's transaction, the rule itself in a savepoint ({@link SignalRules}).
 */
@Component
class ComplaintSources {

    private final SignalRules rules;
    private final JdbcClient jdbc;
    private final OrganizationService org;
    private final boolean listening;

    ComplaintSources(SignalRules rules, JdbcClient jdbc, OrganizationService org,
                     @org.springframework.beans.factory.annotation.Value("${motcua.supervision.listening:true}") boolean listening) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.org = org;
        this.listening = listening;
    }

    @EventListener
    void on(FeedbackAboutOfficerFiled e) {
        if (!listening || e.officer() == null || e.unit() == null) {
            return;
        }
        long unit = e.unit().value();
        rules.onComplaint("FEEDBACK", e.code(), e.officer().value(), unit, siblings(unit), e.dossierCode(), e.at(),
                org.findStaffName(e.officer().value()).orElse(null), unitName(unit));
    }

    @EventListener
    void on(DossierRated e) {
        if (!listening || e.rating() != RatingService.Rating.NOT_SATISFIED) {
            return;
        }
        Optional<Map<String, Object>> d = jdbc.sql("SELECT receiving_unit, received_by FROM sv_dossier WHERE code = ?")
                .param(e.code()).query().listOfRows().stream().findFirst();
        Long unit = d.map(r -> (Number) r.get("receiving_unit")).map(Number::longValue)
                .orElse(e.receivingUnit() == null ? null : e.receivingUnit().value());
        if (unit == null) {
            return;
        }
        Long officer = d.map(r -> (Number) r.get("received_by")).map(Number::longValue).orElse(null);
        rules.onComplaint("RATING", e.code(), officer, unit, siblings(unit), e.code(), e.at(),
                officer == null ? null : org.findStaffName(officer).orElse(null), unitName(unit));
    }

    private String unitName(long unit) {
        return org.findUnit(new vn.motcua.organization.UnitId(unit)).map(UnitView::name).orElse(null);
    }

    /** The units under the same parent as this one (itself included); empty for a unit without parent. */
    private List<Long> siblings(long unit) {
        List<UnitView> all = org.allUnits();
        Long parent = all.stream().filter(u -> u.id() == unit).map(UnitView::parentId).findFirst().orElse(null);
        if (parent == null) {
            return List.of();
        }
        return all.stream().filter(u -> parent.equals(u.parentId())).map(UnitView::id).toList();
    }
}
