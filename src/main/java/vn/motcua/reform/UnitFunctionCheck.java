package vn.motcua.reform;

import java.util.List;

/**
 * The result of the structure check (docs/reform.md §6): functions held by two or
 * more units, procedures held by two or more units (within one territory: the
 * province's agencies, or one commune's units), and procedures left with no
 * competent unit (their unit was dissolved by a merge and no active unit holds them).
 */
public record UnitFunctionCheck(List<Overlap> sameFunction, List<Overlap> sameProcedure, List<Orphan> orphanProcedures) {

    /** A unit holding the function or procedure. */
    public record Holder(long unitId, String unitName) {
    }

    /** One function (its title as first recorded) or procedure (its code) and the units holding it. */
    public record Overlap(String subject, List<Holder> units) {
    }

    /**
     * A procedure with no competent unit: {@code source} CATALOGUE when the catalogue names a dissolved
     * unit as its agency, FUNCTIONS when only dissolved units' recorded tasks cover it; the
     * dissolved unit and its successor (to take it over), if any.
     */
    public record Orphan(String procedureCode, String procedureName, String source, long formerUnitId, String formerUnitName,
                         Long successorId, String successorName) {
    }

    public int problems() {
        return sameFunction.size() + sameProcedure.size() + orphanProcedures.size();
    }
}
