package vn.motcua.dossier.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.DossierService;
import vn.motcua.shared.PageController;

/**
 * The public tracking page (no login): the status and timeline of a dossier
 * by the code printed on the receipt (its QR code links here), without any
 * personal data.
 */
@PageController
public class PublicTrackingController {

    private final DossierService dossiers;

    public PublicTrackingController(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/public/tracking")
    public String form(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            return "redirect:/public/tracking/" + code.trim();
        }
        return "dossier/tracking";
    }

    @GetMapping("/public/tracking/{code}")
    public String track(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("t", dossiers.track(code).orElse(null));
        return "dossier/tracking";
    }
}
