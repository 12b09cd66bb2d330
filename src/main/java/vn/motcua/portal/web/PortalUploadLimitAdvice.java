package vn.motcua.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A file over the upload limit is refused while the request is read, before
 * any controller runs; on the citizen's pages the answer is the page the
 * upload came from with the reason, not an error page. Elsewhere the
 * exception goes on to the platform's handlers.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalUploadLimitAdvice {

    private final MessageSource messages;

    PortalUploadLimitAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, RedirectAttributes redirect)
            throws MaxUploadSizeExceededException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if (!uri.startsWith("/portal/")) {
            throw e;
        }
        redirect.addFlashAttribute("flashError", messages.getMessage("file.tooLarge", null, LocaleContextHolder.getLocale()));
        int components = uri.indexOf("/components/");
        if (components > 0) {
            return "redirect:" + uri.substring(0, components) + "/components";
        }
        return uri.startsWith("/portal/warehouse") ? "redirect:/portal/warehouse" : "redirect:/portal";
    }
}
