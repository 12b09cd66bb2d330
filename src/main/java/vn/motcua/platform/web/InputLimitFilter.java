package vn.motcua.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request before anything reads it (it runs before security,
 * the idempotency filter and the controllers):
 * <ul>
 * <li>a body whose declared {@code Content-Length} is over the endpoint's
 *     limit ({@link InputLimits}) is refused at once, unread: 413;</li>
 * <li>a body without a length (chunked) or with a false one is counted as it
 *     is read, and reading past the limit fails with {@link BodyTooLarge}
 *     (413), so no layer ever buffers more than the limit;</li>
 * <li>a query-string parameter, or a field of a page's form, holding a NUL
 *     character (which PostgreSQL refuses in text) is refused: 400 naming
 *     the parameter.</li>
 * </ul>
 * Multipart bodies are parsed by the servlet container from its own stream;
 * for them the declared length is checked here and the container's multipart
 * limits ({@code spring.servlet.multipart.*}) bound the rest.
 */
public class InputLimitFilter extends OncePerRequestFilter {

    private final InputLimits limits;
    private final LimitResponses responses;

    public InputLimitFilter(InputLimits limits, LimitResponses responses) {
        this.limits = limits;
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = limits.bodyLimit(path);
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (!parametersDecode(request)) {
            responses.refuse(request, response, 400, null, "problem.badRequest", new Object[0], 0);
            return;
        }
        String badParameter = parameterWithNul(request);
        if (badParameter != null) {
            responses.refuse(request, response, 400, badParameter, "validation.text.nul", new Object[0], 0);
            return;
        }
        HttpServletRequest capped = new CappedRequest(request, limit);
        try {
            chain.doFilter(capped, response);
        } catch (IOException | ServletException | RuntimeException e) {
            BodyTooLarge tooLarge = BodyTooLarge.in(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            tooLarge(request, response, limit);
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // the client may still be sending: the container drains a little more of the body or closes the connection
        responses.refuse(request, response, 413, null, "limit.body", new Object[] {InputLimits.humanBytes(limit)}, 0);
    }

    /**
     * Whether the container can decode the request's parameters (the query
     * string, and a URL-encoded form body, which the container reads whoever
     * asks first: on the API too, where the language switch asks). Bytes that
     * are not UTF-8 made the first component to ask fail with a server error;
     * they are the client's mistake, found here before anything else runs.
     * Multipart bodies are left to the container's own limits.
     */
    static boolean parametersDecode(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return true;
        }
        try {
            request.getParameterMap();
            return true;
        } catch (IllegalStateException e) {
            // Tomcat's InvalidParameterException: "Character decoding failed"
            return false;
        }
    }

    /**
     * The name of a query-string parameter holding an encoded NUL ({@code %00}),
     * or of a form field (URL-encoded page forms only: multipart is left to the
     * container, and the API reads no forms) holding a NUL; else null.
     */
    static String parameterWithNul(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
            for (String pair : query.split("&")) {
                if (pair.contains("%00") || pair.indexOf('\0') >= 0) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    return safeName(name);
                }
            }
        }
        String type = request.getContentType();
        if (!LimitResponses.isApi(request) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                for (String v : e.getValue()) {
                    if (v != null && v.indexOf('\0') >= 0) {
                        return safeName(e.getKey());
                    }
                }
            }
        }
        return null;
    }

    /** The parameter's name as it may be echoed: decoded, without control characters, at most 100 characters. */
    private static String safeName(String raw) {
        String name;
        try {
            name = java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            name = raw;
        }
        name = name.replaceAll("\\p{Cntrl}", "");
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** The request with its body counted as it is read, failing past the limit. */
    static final class CappedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        CappedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset;
                try {
                    charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                } catch (IllegalArgumentException e) {
                    throw new java.io.UnsupportedEncodingException(encoding);
                }
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    /** Counts the bytes read and throws {@link BodyTooLarge} once they pass the limit. */
    static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLarge {
            count += n;
            if (count > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
