package vn.motcua.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.shared.InvalidInput;

/** An import with at least one bad row: nothing was changed. Lists every bad row and field with the reason. */
public class ImportRejected extends InvalidInput {

    private final transient List<ImportError> errors;

    public ImportRejected(List<ImportError> errors) {
        super(asFields(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }

    private static Map<String, String> asFields(List<ImportError> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ImportError e : errors) {
            fields.putIfAbsent(e.location(), e.messageKey());
        }
        return fields;
    }
}
