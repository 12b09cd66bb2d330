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
    private final String detail;

    public InvalidInput(Map<String, String> fieldErrors) {
        this(fieldErrors, null);
    }

    /** With a detail (e.g. the rule a value broke) that messages may show as their {0}. */
    public InvalidInput(Map<String, String> fieldErrors, String detail) {
        super("Invalid input: " + fieldErrors + (detail == null ? "" : " (" + detail + ")"));
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        this.detail = detail;
    }

    /** Extra detail for the message, or null. */
    public String detail() {
        return detail;
    }

    public static InvalidInput of(String field, String messageKey) {
        return new InvalidInput(Map.of(field, messageKey));
    }

    /** Field name → message key. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
