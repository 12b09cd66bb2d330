package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;

/**
 * Errors of page controllers become a readable page in the person's language;
 * forms handle their own field errors before this is reached.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "problem.notFound");
        return "error";
    }

    @ExceptionHandler(DomainRuleViolation.class)
    String rule(DomainRuleViolation e, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArgs", e.args());
        return "error";
    }

    /** A parameter out of bounds (paging, a search text): 400 with the message. */
    @ExceptionHandler(vn.motcua.shared.InvalidParameter.class)
    String invalidParameter(vn.motcua.shared.InvalidParameter e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArgs", e.args());
        return "error";
    }

    /** The files' disk is full: the upload is refused with 507 and a readable page; other I/O failures are server errors. */
    @ExceptionHandler({java.io.IOException.class, java.io.UncheckedIOException.class})
    String io(Exception e, HttpServletResponse response, Model model) {
        boolean full = StorageFull.is(e);
        if (full) {
            log.error("Files disk full: upload refused ({})", e.toString());
        } else {
            log.error("I/O failure on a page", e);
        }
        int status = full ? StorageFull.STATUS : 500;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", full ? StorageFull.MESSAGE_KEY : "problem.unexpected");
        return "error";
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String stale(HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("messageKey", "problem.stale");
        return "error";
    }
}
