package vn.motcua.integration.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.integration.internal.payment.OnlinePayments;
import vn.motcua.integration.internal.payment.PaymentReconciliation;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageController;
import vn.motcua.warehouse.FileService;

/**
 * The officers' side of online payment: the reconciliation page (the
 * provincial office and administrators: runs, the differences both ways,
 * the latest payments; "reconcile a day" again), and a dossier's receipt for
 * any officer who sees the dossier.
 */
@PageController
public class PaymentDeskController {

    private final OnlinePayments payments;
    private final PaymentReconciliation reconciliation;
    private final DossierService dossiers;
    private final OrganizationService org;
    private final FileService files;
    private final MessageSource messages;
    private final java.time.Clock clock;

    public PaymentDeskController(OnlinePayments payments, PaymentReconciliation reconciliation, DossierService dossiers,
                                 OrganizationService org, FileService files, MessageSource messages, java.time.Clock clock) {
        this.payments = payments;
        this.reconciliation = reconciliation;
        this.dossiers = dossiers;
        this.org = org;
        this.files = files;
        this.messages = messages;
        this.clock = clock;
    }

    private static void provincial(StaffPrincipal me) {
        if (!me.hasAnyRole("ADMIN", "SUPERVISOR")) {
            throw new AccessDeniedException("payment reconciliation is the provincial office's");
        }
    }

    @GetMapping("/integration/payments")
    public String page(@RequestParam(required = false) Long run, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        provincial(me);
        List<PaymentReconciliation.Run> runs = reconciliation.runs(30);
        PaymentReconciliation.Run shown = run == null ? runs.stream().findFirst().orElse(null)
                : runs.stream().filter(r -> r.id() == run).findFirst().orElse(null);
        model.addAttribute("connected", payments.available());
        model.addAttribute("runs", runs);
        model.addAttribute("shown", shown);
        model.addAttribute("differences", shown == null ? List.of() : reconciliation.differences(shown.id()));
        model.addAttribute("payments", payments.recent(50));
        model.addAttribute("yesterday", LocalDate.ofInstant(clock.instant(), CalendarService.ZONE).minusDays(1));
        return "integration/payments";
    }

    @PostMapping("/integration/payments/reconciliations")
    public String reconcile(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                            @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        provincial(me);
        LocalDate today = LocalDate.ofInstant(clock.instant(), CalendarService.ZONE);
        if (day == null || day.isAfter(today)) {
            redirect.addFlashAttribute("flashError", messages.getMessage("payment.reconcile.day", null,
                    LocaleContextHolder.getLocale()));
            return "redirect:/integration/payments";
        }
        if (!payments.available()) {
            redirect.addFlashAttribute("flashError", messages.getMessage("payment.notConnected", null,
                    LocaleContextHolder.getLocale()));
            return "redirect:/integration/payments";
        }
        PaymentReconciliation.Run r = reconciliation.reconcile(day);
        if ("FAILED".equals(r.outcome())) {
            redirect.addFlashAttribute("flashError", messages.getMessage("payment.platform.unavailable", null,
                    LocaleContextHolder.getLocale()));
        } else {
            redirect.addFlashAttribute("flash", messages.getMessage("payment.reconcile.done", new Object[] {day.toString()},
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/integration/payments?run=" + r.id();
    }

    /** The receipt of a dossier paid online, for an officer who sees the dossier (404 otherwise). */
    @GetMapping("/integration/payments/{code}/receipt")
    public ResponseEntity<InputStreamResource> receipt(@PathVariable String code, @AuthenticationPrincipal StaffPrincipal me)
            throws IOException {
        DossierView d = dossiers.get(code, org.scopeOf(me.id()));
        return PaymentPortalController.PaymentReceipts.download(payments, files, d.code());
    }
}
