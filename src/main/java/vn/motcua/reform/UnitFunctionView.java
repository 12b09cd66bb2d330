package vn.motcua.reform;

import java.time.Instant;

/** A recorded function or task of a unit ({@code unitActive} false once the unit is dissolved by a merge). */
public record UnitFunctionView(long id, long unitId, String unitName, boolean unitActive, UnitFunctionKind kind, String title,
                               String procedureCode, String legalBasis, Instant createdAt, String createdBy) {
}
