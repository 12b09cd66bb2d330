package vn.motcua.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input that breaks a validation rule found by the domain (not by bean
 * validation): duplicate identifiers, a unit made its own ancestor, and so on.
 * Each entry maps a field name to a message key. Pages show the messages next
 * to the fields; the API answers 422 with the fields.
 */
public class InvalidInput extends RuntimeException {

    private final Map<String, String> fieldErrors;
    private final transient Map<String, List<Object>> fieldArgs;

    public InvalidInput(Map<String, String> fieldErrors) {
        this(fieldErrors, Map.of());
    }

    /**
     * Field errors whose messages take arguments (e.g. the name of the case
     * whose workflow does not add up): field name → the message's arguments.
     */
    public InvalidInput(Map<String, String> fieldErrors, Map<String, List<Object>> fieldArgs) {
        super("Invalid input: " + fieldErrors);
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.fieldArgs = Map.copyOf(fieldArgs);
    }

    public static InvalidInput of(String field, String messageKey) {
        return new InvalidInput(Map.of(field, messageKey));
    }

    /** Field name → message key, in the order the errors were found. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The arguments of the field's message; empty when it takes none. */
    public Object[] args(String field) {
        return fieldArgs.getOrDefault(field, List.of()).toArray();
    }
}
