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
        var locale = vn.motcua.platform.web.WebConfig.fromAcceptLanguage(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
                messages.getMessage(messageKey, null, messageKey, locale));
        problem.setTitle(messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(), locale));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"MotCua\", Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
