package vn.motcua.catalog.internal;

import java.time.LocalDate;
import java.util.function.Function;
import vn.motcua.catalog.ImportError;
import vn.motcua.catalog.ProcedureCommand;

/**
 * One procedure read from an import file: the command, whether the file asks
 * for it to be published (and by which act), and how to point at the row and
 * column a violation of a given field comes from.
 */
public record ImportItem(ProcedureCommand command, boolean publish, String decision, LocalDate decidedOn,
                         Function<Violation, ImportError> locator) {

    public ImportError locate(Violation v) {
        return locator.apply(v);
    }
}
