package vn.motcua.platform.web;

import java.util.List;
import org.springframework.util.AntPathMatcher;

/**
 * How large a request body may be, by endpoint (see docs/security/input-limits-rate-limits-fuzzing.md):
 * {@code motcua.limits.body-bytes} for everything (JSON calls, forms), and
 * for the upload endpoints ({@code motcua.limits.upload-paths}) the file
 * limit {@code motcua.files.max-bytes} plus {@code motcua.limits.upload-overhead-bytes}
 * for the multipart framing and the other fields of the form.
 */
public class InputLimits {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final long bodyBytes;
    private final long uploadBytes;
    private final List<String> uploadPaths;

    public InputLimits(long bodyBytes, long uploadBytes, List<String> uploadPaths) {
        this.bodyBytes = bodyBytes;
        this.uploadBytes = uploadBytes;
        this.uploadPaths = List.copyOf(uploadPaths);
    }

    /** The largest body the endpoint at this path (without the context path) accepts. */
    public long bodyLimit(String path) {
        for (String pattern : uploadPaths) {
            if (PATHS.match(pattern, path)) {
                return uploadBytes;
            }
        }
        return bodyBytes;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    public long uploadBytes() {
        return uploadBytes;
    }

    public List<String> uploadPaths() {
        return uploadPaths;
    }

    /** "1 MB", "21 MB", "512 KB", "900 B": binary units, rounded down, as people read them. */
    static String humanBytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 || bytes >= 10L * 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " B";
    }
}
