package vn.motcua.reform;

/** A function or task of a unit, optionally naming the procedure of the catalogue it covers and its legal basis. */
public record UnitFunctionCommand(Long unitId, UnitFunctionKind kind, String title, String procedureCode, String legalBasis) {
}
