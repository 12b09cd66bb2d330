package vn.motcua.catalog;

import java.util.List;

/**
 * A case of a procedure (trường hợp), with its own duration, an optional
 * shorter duration when filed online, and the ordered workflow steps. The
 * {@code id} is stable across versions (a dossier records it).
 */
public record ProcedureCase(String id, String name, ProcessingTime duration, ProcessingTime onlineDuration,
                            @jakarta.validation.constraints.Size(max = 50, message = "{validation.list.tooMany}") List<Step> steps) {

    public ProcedureCase {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
