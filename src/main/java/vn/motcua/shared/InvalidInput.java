package vn.motcua.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that breaks a validation rule found by the domain (not by bean
 * validation): duplicate identifiers, a unit made its own ancestor, and so on.
 * Each entry maps a field name to a message key. Pages show the messages next
 * to the fields; the API answers 422 with the fields.
 */
public class InvalidInput extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInput(Map<String, String> fieldErrors) {
        super("Invalid input: " + fieldErrors);
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidInput of(String field, String messageKey) {
        return new InvalidInput(Map.of(field, messageKey));
    }

    /** Field name → message key. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
