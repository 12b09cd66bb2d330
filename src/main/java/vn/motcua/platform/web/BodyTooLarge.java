package vn.motcua.platform.web;

import java.io.IOException;

/**
 * Thrown by a capped request body (see {@link InputLimitFilter}) as soon as
 * more bytes are read than the endpoint allows, whether or not the client
 * declared a length: the body is never buffered beyond the limit. Answered
 * 413 Content Too Large.
 */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The limit for people: "1 MB", "21 MB", "512 KB". */
    public String limitText() {
        return InputLimits.humanBytes(limit);
    }

    /** The BodyTooLarge in the cause chain, or null. */
    public static BodyTooLarge in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge b) {
                return b;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
