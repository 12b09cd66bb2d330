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

    /**
     * For an inter-agency procedure (the catalogue's {@code interAgency} flag
     * on the version a dossier was filed under), the units the procedure
     * names: its implementing agency and every specific unit a step of any of
     * its cases names. Empty when the procedure is not inter-agency (or the
     * version is unknown): then a dossier goes only where its workflow goes.
     */
    java.util.Optional<java.util.Set<Long>> interAgencyUnits(String procedureCode, int procedureVersion);
}
