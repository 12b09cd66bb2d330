package vn.motcua.reform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;

/** A failed act on a reform page, as readable messages above the form (nothing was changed). */
final class ReformPageErrors {

    private ReformPageErrors() {
    }

    static void show(RuntimeException e, Model model, MessageSource messages, Locale locale) {
        List<String> out = new ArrayList<>();
        if (e instanceof InvalidInput ii) {
            ii.fieldErrors().forEach((field, key) -> out.add(messages.getMessage(key, ii.args(field), key, locale)));
            model.addAttribute("errors", ii.fieldErrors());
        } else if (e instanceof DomainRuleViolation d) {
            out.add(messages.getMessage(d.messageKey(), d.args(), d.messageKey(), locale));
        } else if (e instanceof InvalidParameter p) {
            out.add(messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
        } else {
            throw e;
        }
        model.addAttribute("problems", out);
    }
}
