package vn.motcua.integration.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.motcua.dossier.DossierView;
import vn.motcua.integration.internal.payment.OnlinePayments;
import vn.motcua.integration.internal.payment.PaymentPlatform;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.CitizenRecords;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;
import vn.motcua.warehouse.FileDownloads;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/**
 * The citizen pays a dossier's fee online: the page of the dossier waiting
 * for payment, the start (the platform's payment address, followed by a
 * link: the pages' Content Security Policy keeps forms on this site), the
 * return page — whose result comes from a QUERY to the platform, never from
 * the browser's return parameters — and the receipt. Only the citizen's own
 * dossiers (as "my dossiers" shows them); anything else is 404.
 */
@PageController
public class PaymentPortalController {

    private final CitizenRecords records;
    private final OnlinePayments payments;
    private final FileService files;

    public PaymentPortalController(CitizenRecords records, OnlinePayments payments, FileService files) {
        this.records = records;
        this.payments = payments;
        this.files = files;
    }

    @GetMapping("/portal/payments/{code}")
    public String page(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        DossierView d = records.dossier(records.viewer(me), code);
        return page(d, model, null, null);
    }

    private String page(DossierView d, Model model, String error, String paymentUrl) {
        model.addAttribute("d", d);
        model.addAttribute("connected", payments.available());
        List<OnlinePayments.Payment> list = payments.ofDossier(d.code()); // one look at the dossier's payments
        long amount = payments.available() ? payments.amountDue(d, list) : 0;
        model.addAttribute("payable", amount > 0);
        model.addAttribute("amount", amount);
        model.addAttribute("payments", list);
        model.addAttribute("error", error);
        model.addAttribute("paymentUrl", paymentUrl);
        return "integration/payment";
    }

    @PostMapping("/portal/payments/{code}")
    public String start(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me, HttpServletRequest request,
                        Model model) {
        DossierView d = records.dossier(records.viewer(me), code);
        try {
            PaymentPlatform.Started s = payments.start(d, me.identityNumber(), me.fullName(), request.getRemoteAddr());
            return page(d, model, null, s.paymentUrl());
        } catch (PaymentPlatform.PlatformUnavailable e) {
            return page(d, model, "payment.platform.unavailable", null);
        } catch (DomainRuleViolation e) {
            return page(d, model, e.messageKey(), null);
        }
    }

    /** Where the platform sends the citizen back: the latest transaction's state, asked of the platform. */
    @GetMapping("/portal/payments/{code}/return")
    public String returned(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        DossierView d = records.dossier(records.viewer(me), code);
        Optional<OnlinePayments.Payment> latest = payments.ofDossier(d.code()).stream().findFirst();
        String result;
        if (latest.isEmpty()) {
            result = "payment.result.none";
        } else {
            try {
                result = switch (payments.refresh(latest.get().reference()).orElse(OnlinePayments.Outcome.UNKNOWN)) {
                    case APPLIED -> "payment.result.paid";
                    case PENDING -> "payment.result.pending";
                    case FAILED_PAYMENT -> "payment.result.failed";
                    default -> "payment.result.problem";
                };
            } catch (PaymentPlatform.PlatformUnavailable e) {
                result = "payment.platform.unavailable";
            }
        }
        model.addAttribute("result", result);
        return page(records.dossier(records.viewer(me), code), model, null, null);
    }

    @GetMapping("/portal/payments/{code}/receipt")
    public ResponseEntity<InputStreamResource> receipt(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me)
            throws IOException {
        DossierView d = records.dossier(records.viewer(me), code);
        return PaymentReceipts.download(payments, files, d.code());
    }

    /** Shared by the citizen's and the officers' receipt downloads. */
    static final class PaymentReceipts {
        private PaymentReceipts() {
        }

        static ResponseEntity<InputStreamResource> download(OnlinePayments payments, FileService files, String code)
                throws IOException {
            OnlinePayments.Payment paid = payments.ofDossier(code).stream().filter(OnlinePayments.Payment::paid).findFirst()
                    .orElseThrow(() -> new NotFound("receipt of " + code));
            StoredFile f;
            try {
                f = payments.receipt(paid).orElseThrow(() -> new NotFound("receipt of " + code));
            } catch (PaymentPlatform.PlatformUnavailable e) {
                throw new NotFound("receipt of " + code + " not available now");
            }
            return FileDownloads.inline(f, files);
        }
    }
}
