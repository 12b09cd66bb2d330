package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals written by filters, before any controller runs: problem+json on
 * the API ({@code /api/**}), a short readable page (Vietnamese by default)
 * everywhere else. Used for bodies that are too large (413), parameters that
 * are malformed (400) and rate limits (429, with the wait).
 */
@Component
public class LimitResponses {

    private final MessageSource messages;
    private final JsonMapper json;
    private final ITemplateEngine templates;

    public LimitResponses(MessageSource messages, JsonMapper json, ITemplateEngine templates) {
        this.messages = messages;
        this.json = json;
        this.templates = templates;
    }

    /** True for calls of the JSON API, which get problem+json. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /**
     * Writes the refusal: {@code status}, the message {@code messageKey} with
     * {@code args}; {@code field} (may be null) is named in the problem's
     * {@code errors}; {@code retryAfterSeconds} (0: none) goes into
     * {@code Retry-After} and the page's text.
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response, int status, String field,
                       String messageKey, Object[] args, long retryAfterSeconds) throws IOException {
        Locale locale = WebConfig.fromAcceptLanguage(request);
        String message = messages.getMessage(messageKey, args, messageKey, locale);
        String title = messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(), locale);
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
            problem.setTitle(title);
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            if (field != null) {
                problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            }
            if (retryAfterSeconds > 0) {
                problem.setProperty("retryAfterSeconds", retryAfterSeconds);
            }
            response.setContentType("application/problem+json");
            response.getWriter().write(json.writeValueAsString(problem));
            return;
        }
        Context context = new Context(locale);
        context.setVariable("status", status);
        context.setVariable("title", title);
        context.setVariable("message", message);
        context.setVariable("wait", retryAfterSeconds > 0 ? waitText(retryAfterSeconds, locale) : null);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(templates.process("platform/refused", context));
    }

    /** "3 phút", "45 giây", "2 giờ" (rounded up). */
    String waitText(long seconds, Locale locale) {
        if (seconds < 60) {
            return messages.getMessage("limit.wait.seconds", new Object[] {String.valueOf(seconds)}, locale);
        }
        if (seconds < 3600) {
            return messages.getMessage("limit.wait.minutes", new Object[] {String.valueOf((seconds + 59) / 60)}, locale);
        }
        return messages.getMessage("limit.wait.hours", new Object[] {String.valueOf((seconds + 3599) / 3600)}, locale);
    }
}
