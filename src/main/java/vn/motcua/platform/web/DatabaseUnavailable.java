package vn.motcua.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (restarting, failing over, every
 * connection of the pool taken for longer than the pool's wait), a call is
 * answered at once with 503 and {@code Retry-After} (problem+json on the API,
 * a short page elsewhere) instead of hanging or answering 500. The pool waits
 * at most {@code MOTCUA_DB_CONNECT_TIMEOUT_MS} (5 s) for a connection. This
 * filter catches what the filters after it throw (sessions, authentication,
 * idempotency); the controllers' advice uses {@link #is} for the rest. When
 * the database is back, the next call simply works: the pool reconnects.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseUnavailable extends OncePerRequestFilter {

    /** What the answer suggests a client waits before trying again. */
    public static final long RETRY_AFTER_SECONDS = 5;
    public static final String MESSAGE_KEY = "problem.unavailable";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final LimitResponses responses;

    public DatabaseUnavailable(LimitResponses responses) {
        this.responses = responses;
    }

    /**
     * Whether the failure is the database being out of reach rather than a
     * fault of the request: no connection could be had or the connection
     * broke (SQLSTATE class 08, or the pool's "connection is closed"), a commit
     * or rollback could not reach the server, or the server is shutting down
     * or starting (57P01, 57P02, 57P03).
     */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof org.springframework.transaction.TransactionSystemException && t.getCause() instanceof SQLException) {
                return true; // commit or rollback could not reach the server
            }
            if (t instanceof SQLException sql) {
                String s = sql.getSQLState();
                if (s != null && (s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03"))) {
                    return true;
                }
                // the pool's own words for a connection the server closed (no SQLSTATE)
                if (s == null && sql.getMessage() != null && sql.getMessage().contains("onnection is closed")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!is(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database out of reach: {} answered 503 ({})", request.getRequestURI(), e.toString());
            response.reset();
            responses.refuse(request, response, 503, null, MESSAGE_KEY, new Object[0], RETRY_AFTER_SECONDS);
        }
    }
}
