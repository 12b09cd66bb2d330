package vn.motcua.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from filters, where no controller advice runs. */
@Component
public class ProblemResponses {

    private final MessageSource messages;
    private final JsonMapper json;

    public ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey)
            throws IOException {
        write(request, response, status, messageKey, request.getRequestURI(),
                vn.motcua.platform.web.WebConfig.fromAcceptLanguage(request));
    }

    /**
     * Writes the house problem for a status that has nothing more specific to say, for
     * the given path (the original one when an error was forwarded to {@code /error}).
     */
    public void writeStatus(HttpServletRequest request, HttpServletResponse response, int status, String path)
            throws IOException {
        write(request, response, status, statusKey(status), path, apiLocale(request));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
                       String path, java.util.Locale locale) throws IOException {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error " + status : known.getReasonPhrase();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(messages.getMessage(messageKey, null, messageKey, locale));
        problem.setTitle(messages.getMessage("problem.title." + status, null, reason, locale));
        if (path != null) {
            problem.setInstance(java.net.URI.create(path));
        }
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"MotCua\", Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** The message of a problem that has nothing more specific to say than its status. */
    public static String statusKey(int status) {
        return switch (status) {
            case 400 -> "problem.badRequest";
            case 401 -> "auth.required";
            case 403 -> "auth.forbidden";
            case 404 -> "problem.notFound";
            case 405 -> "problem.methodNotAllowed";
            case 406 -> "problem.notAcceptable";
            case 415 -> "problem.unsupportedMediaType";
            default -> status >= 500 ? "problem.unexpected" : "problem.status";
        };
    }

    /** The API's language rule (English only when asked first), whatever the request's path. */
    private static java.util.Locale apiLocale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header != null && header.trim().toLowerCase(java.util.Locale.ROOT).startsWith("en")
                ? java.util.Locale.ENGLISH : vn.motcua.platform.web.WebConfig.VIETNAMESE;
    }
}
