package vn.motcua.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.motcua.platform.security.ProblemResponses;

/**
 * {@code Idempotency-Key} for state-changing API calls (POST, PUT, PATCH,
 * DELETE under /api). The call runs inside one transaction together with the
 * record of its answer, so a change and its remembered answer commit or roll
 * back together: a retried call (same caller, same key) gets the first answer
 * back and changes nothing more, even when the first answer never reached the
 * client. The same key with a different request body is refused (422); a
 * retry while the first call is still running gets 409. Multipart uploads
 * are hashed part by part (the container parses them once and keeps them for
 * the controller), so a retried upload of the same file replays the answer.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";

    private record Stored(String requestHash, int status, String contentType, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final ProblemResponses problems;

    public IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactions, ProblemResponses problems) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String m = request.getMethod();
        boolean changing = "POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m) || "DELETE".equals(m);
        return !changing || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 200) {
            problems.write(request, response, 400, "idempotency.badKey");
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // anonymous callers (the public filing of feedback) each get their own keys, by client address: one
        // anonymous client's retry must never replay another's answer
        String principal = auth == null || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken
                ? "anonymous@" + ClientAddress.of(request) : auth.getName();
        String head = request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n";
        String hash;
        HttpServletRequest cachedRequest;
        if (isMultipart(request)) {
            // A multipart body is parsed by the container, which keeps the parts for the
            // controller; reading the raw stream here would leave it nothing to parse.
            // The hash covers every part's name, file name and content instead.
            try {
                hash = partsHash(head, request);
            } catch (IllegalStateException | ServletException | IOException e) {
                // a malformed multipart body (e.g. cut off before its closing boundary) is the client's error
                problems.write(request, response, 400, "problem.invalid");
                return;
            } catch (RuntimeException e) {
                // the container's multipart parser refusing the body (e.g. a file name with a NUL in it)
                if (!e.getClass().getName().startsWith("org.apache.tomcat.util.http.fileupload.")) {
                    throw e;
                }
                problems.write(request, response, 400, "problem.invalid");
                return;
            }
            cachedRequest = request;
        } else {
            // read the body once so its hash can be compared on a retry; InputLimitFilter has refused a declared
            // length over the endpoint's limit and caps the stream, so this never holds more than that limit
            byte[] body = request.getInputStream().readAllBytes();
            hash = sha256(head, body);
            cachedRequest = new CachedBodyRequest(request, body);
        }

        Optional<Stored> previous = find(principal, key);
        if (previous.isPresent()) {
            replay(previous.get(), hash, request, response);
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        DefaultTransactionDefinition def = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
        TransactionStatus tx = transactions.getTransaction(def);
        boolean claimed;
        try {
            claimed = jdbc.sql("""
                    INSERT INTO idempotent_request (principal, idem_key, request_hash, status) VALUES (?, ?, ?, 0)
                    ON CONFLICT DO NOTHING""").params(principal, key, hash).update() == 1;
        } catch (RuntimeException e) {
            transactions.rollback(tx);
            throw e;
        }
        if (!claimed) {
            // another call with this key committed or is running right now
            transactions.rollback(tx);
            Optional<Stored> other = find(principal, key);
            if (other.isPresent()) {
                replay(other.get(), hash, request, response);
            } else {
                problems.write(request, response, 409, "idempotency.inProgress");
            }
            return;
        }
        try {
            chain.doFilter(cachedRequest, wrapped);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
            throw e;
        }
        int status = wrapped.getStatus();
        byte[] answer = wrapped.getContentAsByteArray();
        if (status >= 400 || tx.isRollbackOnly()) {
            // the act failed: undo whatever it did, then remember the refusal on its own
            transactions.rollback(tx);
            if (status < 500) {
                remember(principal, key, hash, status, wrapped.getContentType(), answer);
            }
        } else {
            jdbc.sql("UPDATE idempotent_request SET status = ?, content_type = ?, body = ? WHERE principal = ? AND idem_key = ?")
                    .params(status, wrapped.getContentType(), answer, principal, key).update();
            transactions.commit(tx);
        }
        wrapped.copyBodyToResponse();
    }

    private void remember(String principal, String key, String hash, int status, String contentType, byte[] body) {
        TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
        jdbc.sql("""
                INSERT INTO idempotent_request (principal, idem_key, request_hash, status, content_type, body)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(principal, key, hash, status, contentType, body).update();
        transactions.commit(tx);
    }

    private Optional<Stored> find(String principal, String key) {
        return jdbc.sql("SELECT request_hash, status, content_type, body FROM idempotent_request WHERE principal = ? AND idem_key = ?")
                .params(principal, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    private void replay(Stored stored, String hash, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, 422, "idempotency.mismatch");
            return;
        }
        if (stored.status() == 0) {
            problems.write(request, response, 409, "idempotency.inProgress");
            return;
        }
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static String partsHash(String head, HttpServletRequest request) throws IOException, ServletException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(head.getBytes(StandardCharsets.UTF_8));
            java.util.List<jakarta.servlet.http.Part> parts = new java.util.ArrayList<>(request.getParts());
            parts.sort(java.util.Comparator.comparing(jakarta.servlet.http.Part::getName));
            for (jakarta.servlet.http.Part part : parts) {
                digest(md, part.getName(), part.getSubmittedFileName(), part.getSize(), part.getInputStream());
            }
            // files a multipart resolver already took out of the body (a MultipartFilter, or tests' mock requests)
            org.springframework.web.multipart.MultipartHttpServletRequest resolved = org.springframework.web.util.WebUtils
                    .getNativeRequest(request, org.springframework.web.multipart.MultipartHttpServletRequest.class);
            if (resolved != null) {
                for (var entry : new java.util.TreeMap<>(resolved.getMultiFileMap()).entrySet()) {
                    for (org.springframework.web.multipart.MultipartFile f : entry.getValue()) {
                        digest(md, entry.getKey(), f.getOriginalFilename(), f.getSize(), f.getInputStream());
                    }
                }
            }
            for (var entry : new java.util.TreeMap<>(request.getParameterMap()).entrySet()) {
                md.update(("\n&" + entry.getKey() + "=" + String.join(",", entry.getValue())).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest md, String name, String fileName, long size, java.io.InputStream content)
            throws IOException {
        md.update(("\n--" + name + "\n" + fileName + "\n").getBytes(StandardCharsets.UTF_8));
        md.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(size).array());
        byte[] buf = new byte[64 * 1024];
        try (java.io.InputStream in = content) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(head.getBytes(StandardCharsets.UTF_8));
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request whose body was already read, served again from memory. */
    static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
