package vn.motcua.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;
import vn.motcua.platform.security.ProblemResponses;

/**
 * What reaches the container's error page ({@code /error}): an unknown path,
 * a method the path does not take, a media type it neither accepts nor
 * produces, anything a filter refused with {@code sendError}. For a path under
 * {@code /api/} the answer is the house's problem details
 * ({@code application/problem+json}, title and detail in the caller's
 * language, the original path as {@code instance}) whatever the request
 * accepts; for pages it stays Spring Boot's error handling (the error page).
 */
public class ApiAwareErrorController extends BasicErrorController {

    private final ProblemResponses problems;

    ApiAwareErrorController(ErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
                            ProblemResponses problems) {
        super(errorAttributes, web.getError(), resolvers.orderedStream().toList());
        this.problems = problems;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (writtenAsProblem(request, response)) {
            return null;
        }
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (writtenAsProblem(request, currentResponse())) {
            return null;
        }
        return super.error(request);
    }

    @Override
    public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
        if (writtenAsProblem(request, currentResponse())) {
            return null;
        }
        return super.mediaTypeNotAcceptable(request);
    }

    private boolean writtenAsProblem(HttpServletRequest request, HttpServletResponse response) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? null : uri.toString();
        if (path == null || response == null || !path.startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        try {
            problems.writeStatus(request, response, getStatus(request).value(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private static HttpServletResponse currentResponse() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a ? a.getResponse() : null;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Replaces Spring Boot's own (which steps back when an ErrorController bean exists). */
        @Bean
        ApiAwareErrorController apiAwareErrorController(ErrorAttributes errorAttributes, WebProperties web,
                                                        ObjectProvider<ErrorViewResolver> resolvers,
                                                        ProblemResponses problems) {
            return new ApiAwareErrorController(errorAttributes, web, resolvers, problems);
        }
    }
}
