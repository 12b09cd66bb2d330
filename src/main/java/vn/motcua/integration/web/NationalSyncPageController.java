package vn.motcua.integration.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.integration.NationalSync;
import vn.motcua.integration.internal.NationalFormat;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.PageController;

/**
 * The pages of the status sync to the National Public Service Portal, for
 * the provincial office and administrators: the state and the failed
 * messages with "send again", the signed message log, the reconciliations
 * and their differences. {@link NationalSync} checks who may see and do what,
 * as it does for the API.
 */
@PageController
@RequestMapping("/integration/national-portal")
public class NationalSyncPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(NationalFormat.ZONE);

    private final NationalSync sync;
    private final MessageSource messages;

    public NationalSyncPageController(NationalSync sync, MessageSource messages) {
        this.sync = sync;
        this.messages = messages;
    }

    /** Formats an instant in Vietnam's time for the templates: {@code ${fmt.time(x)}}. */
    public static final class Fmt {
        public String time(Instant i) {
            return i == null ? "—" : TIME.format(i);
        }
    }

    @org.springframework.web.bind.annotation.ModelAttribute("fmt")
    Fmt fmt() {
        return new Fmt();
    }

    @GetMapping
    public String overview(@RequestParam(required = false) String code, @RequestParam(defaultValue = "0") int page,
                           @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("status", sync.status(me));
        model.addAttribute("result", sync.failures(code, page, 50, me));
        model.addAttribute("code", code);
        return "integration/national-sync";
    }

    @PostMapping("/messages/{id}/resend")
    public String resend(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request,
                         Locale locale, RedirectAttributes redirect) {
        try {
            NationalSync.Failure f = sync.resend(id, me, request.getRemoteAddr());
            redirect.addFlashAttribute("flash", messages.getMessage("integration.sync.resent",
                    new Object[] {f.dossierCode()}, locale));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), locale));
        }
        return "redirect:/integration/national-portal";
    }

    @GetMapping("/log")
    public String log(@RequestParam(required = false) String code, @RequestParam(required = false) String service,
                      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                      @RequestParam(defaultValue = "false") boolean failed, @RequestParam(defaultValue = "0") int page,
                      @AuthenticationPrincipal StaffPrincipal me, Model model) {
        Instant f = from == null ? null : from.atStartOfDay(NationalFormat.ZONE).toInstant();
        Instant t = to == null ? null : to.plusDays(1).atStartOfDay(NationalFormat.ZONE).toInstant();
        model.addAttribute("result", sync.log(code, service, f, t, failed, page, 50, me));
        model.addAttribute("code", code);
        model.addAttribute("service", service);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("failed", failed);
        model.addAttribute("services", List.of("auth", "TraCuuHoSo", "DongBoHoSoMC"));
        return "integration/national-sync-log";
    }

    @GetMapping("/log/{id}")
    public String logEntry(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("e", sync.logEntry(id, me));
        return "integration/national-sync-log-entry";
    }

    @GetMapping("/reconciliation")
    public String reconciliation(@RequestParam(required = false) Long run, @AuthenticationPrincipal StaffPrincipal me,
                                 Model model) {
        var runs = sync.reconciliations(0, 30, me);
        NationalSync.Run selected = run != null ? sync.reconciliation(run, me)
                : runs.items().isEmpty() ? null : runs.items().get(0);
        model.addAttribute("runs", runs.items());
        model.addAttribute("selected", selected);
        model.addAttribute("differences", selected == null ? List.of() : sync.differences(selected.id(), me));
        model.addAttribute("connected", sync.connected());
        return "integration/national-sync-reconciliation";
    }

    @PostMapping("/reconciliation")
    public String reconcileNow(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Locale locale,
                               RedirectAttributes redirect) {
        NationalSync.Run r = sync.reconcileNow(me, request.getRemoteAddr());
        redirect.addFlashAttribute(r.error() == null ? "flash" : "flashError", r.error() == null
                ? messages.getMessage("integration.sync.reconciled", new Object[] {r.differenceCount()}, locale)
                : messages.getMessage("integration.sync.reconcileFailed", new Object[] {r.error()}, locale));
        return "redirect:/integration/national-portal/reconciliation?run=" + r.id();
    }
}
