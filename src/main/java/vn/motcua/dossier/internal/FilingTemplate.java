package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.util.List;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.organization.Role;

/**
 * What the dossier takes from the catalogue when it is filed: the procedure
 * version and case, the legal duration, and the workflow with each step's unit
 * already resolved for the receiving unit. Kept on the dossier so later
 * edits of the procedure do not change it.
 */
public record FilingTemplate(
        String procedureCode,
        int procedureVersion,
        String procedureName,
        String caseId,
        String caseName,
        BigDecimal amount,
        DurationUnit unit,
        long feeVnd,
        List<Step> steps,
        List<String> componentNames) {

    /** One workflow step: its acting role and unit, and its share of the duration. */
    public record Step(String name, Role role, Long unitId, BigDecimal share) {
    }
}
