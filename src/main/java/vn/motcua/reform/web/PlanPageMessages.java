package vn.motcua.reform.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;

/** Turns a refused act of a reform form into the readable message shown above the page it returns to. */
final class PlanPageMessages {

    private PlanPageMessages() {
    }

    /** Runs the act; on success flashes {@code doneKey}, on refusal the reasons (field: message). */
    static void run(MessageSource messages, RedirectAttributes redirect, String doneKey, Runnable act) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            act.run();
            redirect.addFlashAttribute("flash", messages.getMessage(doneKey, null, doneKey, locale));
        } catch (InvalidInput e) {
            StringBuilder sb = new StringBuilder();
            e.fieldErrors().forEach((field, key) -> sb.append(sb.isEmpty() ? "" : " ")
                    .append(messages.getMessage("reform.field." + field, null, field, locale)).append(": ")
                    .append(messages.getMessage(key, e.args(field), key, locale)));
            redirect.addFlashAttribute("flashError", sb.toString());
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
    }

    /** Wraps a checked I/O failure so that {@link #run} can take the act. */
    interface IoAct {
        void run() throws java.io.IOException;
    }

    static Runnable io(IoAct act) {
        return () -> {
            try {
                act.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
