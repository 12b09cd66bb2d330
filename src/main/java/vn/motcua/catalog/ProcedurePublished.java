package vn.motcua.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** A version of a procedure became the public one, by a deciding act. The previous published version (if any) is superseded. */
public record ProcedurePublished(String code, int version, String name, String decision, LocalDate decidedOn,
                                 Instant publishedAt) {
}
