package vn.motcua.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the API, a status sent with {@code sendError} (by Spring MVC's default
 * exception handling, Spring Security's firewall or the container) is written
 * at once as problem+json, instead of being forwarded to the error page, which
 * answers plain JSON or HTML. Answers written by controllers and their advice
 * never call {@code sendError} and pass untouched.
 */
public class ApiErrorFilter extends OncePerRequestFilter {

    private final LimitResponses responses;

    public ApiErrorFilter(LimitResponses responses) {
        this.responses = responses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LimitResponses.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int sc) throws IOException {
                sendError(sc, null);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                if (isCommitted() || sc < 400) {
                    super.sendError(sc, msg);
                    return;
                }
                resetBuffer();
                write(responses, request, (HttpServletResponse) getResponse(), sc);
                flushBuffer();
            }
        });
    }

    /** A problem+json answer for the status, with a short message in the caller's language. */
    static void write(LimitResponses responses, HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        String key = switch (status) {
            case 404 -> "problem.notFound";
            case 405, 406, 413, 415 -> "limit.http." + status;
            default -> status < 500 ? "problem.invalid" : "problem.unexpected";
        };
        responses.refuse(request, response, status, null, key, new Object[0], 0);
    }
}
