package vn.motcua.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;

/**
 * Turns errors of JSON controllers into RFC 9457 problem details in the
 * caller's language: 400 for malformed input with the fields, 422 for input
 * the domain rejects, 404 for missing or out-of-scope records, 409 for a
 * lifecycle rule (with its {@code rule} name) or a stale version. No stack
 * trace ever leaves the server.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    public ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, msg("problem.notFound"));
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ProblemDetail rule(DomainRuleViolation e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale()));
        p.setType(URI.create("https://motcua.vn/problems/" + e.rule()));
        p.setProperty("rule", e.rule());
        return p;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, msg("problem.invalid"));
        List<Map<String, String>> errors = new ArrayList<>();
        e.fieldErrors().forEach((field, key) -> errors.add(Map.of("field", field,
                "message", messages.getMessage(key, e.args(field), key, locale()))));
        p.setProperty("errors", errors);
        return p;
    }

    /** A parameter out of bounds (paging, a search text): 400 naming the field. */
    @ExceptionHandler(vn.motcua.shared.InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalidParameter(vn.motcua.shared.InvalidParameter e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("problem.invalid"));
        p.setProperty("errors", List.of(Map.of("field", e.field(),
                "message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale()))));
        return problemEntity(p);
    }

    /**
     * Text or numbers the database cannot hold (a NUL character, a text longer
     * than its column, a number out of range, a malformed value): the caller's
     * input, so 400, never 500. Validation should name the field first; this
     * is the net under it.
     */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> dataError(org.springframework.dao.DataAccessException e) {
        if (DatabaseUnavailable.is(e)) {
            return unavailable();
        }
        String state = DataErrors.sqlState(e);
        String key = DataErrors.messageKey(state);
        if (key == null) {
            return problemEntity(unexpected(e));
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg(key));
        return problemEntity(p);
    }

    @ExceptionHandler(vn.motcua.calendar.CalendarNotDefinedException.class)
    ProblemDetail calendarMissing(vn.motcua.calendar.CalendarNotDefinedException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("calendar.notDefined", new Object[] {String.valueOf(e.year())}, locale()));
        p.setProperty("rule", "calendar-not-defined");
        return p;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, msg("problem.stale"));
        p.setProperty("rule", "stale-version");
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, e.getMessage());
        return p;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail forbidden(Exception e) {
        return problem(HttpStatus.FORBIDDEN, msg("auth.forbidden"));
    }

    /** A body over its limit, found while it was read (no or a false Content-Length): 413; else the usual 400. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(org.springframework.http.converter.HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLarge tooLarge = BodyTooLarge.in(ex);
        if (tooLarge != null) {
            ProblemDetail p = problem(HttpStatus.CONTENT_TOO_LARGE,
                    messages.getMessage("limit.body", new Object[] {tooLarge.limitText()}, locale()));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(p);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> problemEntity(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** The database is out of reach: 503 with Retry-After, so the client tries again (see DatabaseUnavailable). */
    private ResponseEntity<ProblemDetail> unavailable() {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, msg(DatabaseUnavailable.MESSAGE_KEY));
        p.setProperty("retryAfterSeconds", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(org.springframework.transaction.CannotCreateTransactionException.class)
    ResponseEntity<ProblemDetail> noTransaction(org.springframework.transaction.CannotCreateTransactionException e) {
        return DatabaseUnavailable.is(e) ? unavailable() : problemEntity(unexpected(e));
    }

    @ExceptionHandler({java.io.IOException.class, java.io.UncheckedIOException.class})
    ProblemDetail io(Exception e) {
        if (StorageFull.is(e)) {
            log.error("Files disk full: upload refused ({})", e.toString());
            return problem(HttpStatus.INSUFFICIENT_STORAGE, msg(StorageFull.MESSAGE_KEY));
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in API call", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, msg("problem.unexpected"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, msg("problem.invalid"));
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", fe.getField(), "message", messages.getMessage(fe, locale())));
        }
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /**
     * Spring MVC's own refusals (unreadable or missing body, wrong method, media type not
     * acceptable or not supported, missing parameter, no such resource) in the house shape:
     * title and detail in the caller's language, {@code application/problem+json}, and the
     * headers Spring set (such as {@code Allow} on a 405).
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail p = problem(status, springProblemDetail(ex, status));
        HttpHeaders h = new HttpHeaders();
        if (headers != null) {
            h.putAll(headers);
        }
        h.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(p, h, status);
    }

    private String springProblemDetail(Exception ex, HttpStatus status) {
        if (ex instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            return msg("problem.unreadable");
        }
        if (ex instanceof org.springframework.web.bind.MissingServletRequestParameterException m) {
            return messages.getMessage("problem.missingParameter", new Object[] {m.getParameterName()}, locale());
        }
        if (ex instanceof org.springframework.beans.TypeMismatchException m && m.getPropertyName() != null) {
            return messages.getMessage("problem.badParameter", new Object[] {m.getPropertyName()}, locale());
        }
        return statusDetail(messages, status.value(), locale());
    }

    /** The detail of a problem that has nothing more specific to say than its status. */
    public static String statusDetail(MessageSource messages, int status, Locale locale) {
        return messages.getMessage(vn.motcua.platform.security.ProblemResponses.statusKey(status), null,
                String.valueOf(status), locale);
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale()));
        return p;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
