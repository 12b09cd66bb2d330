package vn.motcua.shared;

import java.util.Arrays;

/**
 * A request parameter (paging, a search text, a query-string value) that is
 * malformed or out of bounds: the API answers 400 problem+json naming the
 * field, pages answer 400 with the message. Unlike {@link InvalidInput} (input
 * the domain refuses, 422), this is input that never reaches the domain.
 */
public class InvalidParameter extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public InvalidParameter(String field, String messageKey, Object... args) {
        super("Invalid parameter " + field + ": " + messageKey + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
