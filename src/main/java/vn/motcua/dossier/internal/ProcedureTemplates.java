package vn.motcua.dossier.internal;

import vn.motcua.organization.UnitView;

/** Where a filing finds its procedure, case, duration and workflow. */
public interface ProcedureTemplates {

    /**
     * The published procedure's template for a filing at the receiving unit;
     * throws InvalidInput naming {@code procedureCode} or {@code caseId} when
     * they do not name a published procedure or one of its cases. The
     * competent unit (nullable) places commune-level work in another commune
     * than the receiving unit's.
     */
    FilingTemplate template(String procedureCode, String caseId, UnitView receivingUnit, UnitView competentUnit,
                            boolean online);
}
