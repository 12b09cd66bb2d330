package vn.motcua.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** A published procedure was withdrawn (abolished): no version of it is public any more. */
public record ProcedureWithdrawn(String code, int version, String decision, LocalDate decidedOn, String reason,
                                 Instant withdrawnAt) {
}
