package vn.motcua.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.shared.InvalidInput;

/** One broken rule: the field (a property path such as {@code cases[0].steps}), a message key and its arguments. */
public record Violation(String field, String messageKey, List<Object> args) {

    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The violations as one {@link InvalidInput} (the first per field wins). */
    public static InvalidInput asInvalidInput(List<Violation> violations) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, List<Object>> args = new LinkedHashMap<>();
        for (Violation v : violations) {
            if (!fields.containsKey(v.field())) {
                fields.put(v.field(), v.messageKey());
                if (!v.args().isEmpty()) {
                    args.put(v.field(), new ArrayList<>(v.args()));
                }
            }
        }
        return new InvalidInput(fields, args);
    }
}
