package vn.motcua.integration.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.motcua.integration.internal.population.PopulationLookups;
import vn.motcua.integration.internal.population.PopulationRegistry;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.FilingDraft;
import vn.motcua.portal.OnlineFiling;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * Look-ups in the population database to prefill a filing. At the desk
 * ({@code POST /integration/population/lookup}, one-stop officers, from the
 * intake form's script): the officer ticks that the applicant consents; the
 * answer (JSON) fills the name and address and names the look-up, which the
 * filing then carries. Online ({@code /portal/population/drafts/{id}}): the
 * citizen consents explicitly to a look-up of their own citizen ID; the
 * address found goes into the draft, the look-up into the review page's
 * submission. Found, not found, registry down: each answered in words, and
 * a look-up that fails changes nothing.
 */
@PageController
public class PopulationController {

    private final PopulationLookups lookups;
    private final OnlineFiling filing;
    private final MessageSource messages;

    public PopulationController(PopulationLookups lookups, OnlineFiling filing, MessageSource messages) {
        this.lookups = lookups;
        this.filing = filing;
        this.messages = messages;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    @PostMapping("/integration/population/lookup")
    @ResponseBody
    public ResponseEntity<Map<String, Object>> deskLookup(@RequestParam(required = false) String idNumber,
                                                          @RequestParam(defaultValue = "false") boolean consent,
                                                          @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        if (!me.hasRole("ONE_STOP_OFFICER")) {
            throw new AccessDeniedException("desk look-ups are the one-stop officers'");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (!lookups.available()) {
            out.put("found", false);
            out.put("message", text("population.notConnected"));
            return ResponseEntity.status(503).body(out);
        }
        try {
            PopulationLookups.Result r = lookups.lookUp(idNumber, consent, "officer:" + me.getUsername(),
                    "intake", me.getUsername(), "DESK", request.getRemoteAddr());
            out.put("found", r.found());
            out.put("lookupId", r.lookupId().toString());
            if (r.found()) {
                out.put("fullName", r.person().fullName());
                out.put("dateOfBirth", r.person().dateOfBirth());
                out.put("address", r.person().address());
                out.put("message", messages.getMessage("population.found", new Object[] {r.person().fullName(),
                        r.person().dateOfBirth() == null ? "—" : r.person().dateOfBirth()}, LocaleContextHolder.getLocale()));
            } else {
                out.put("message", text("population.notFound"));
            }
            return ResponseEntity.ok(out);
        } catch (InvalidInput e) {
            out.put("found", false);
            out.put("message", text(e.fieldErrors().values().iterator().next()));
            out.put("errors", e.fieldErrors());
            return ResponseEntity.badRequest().body(out);
        } catch (PopulationRegistry.RegistryUnavailable e) {
            out.put("found", false);
            out.put("message", text("population.unavailable"));
            return ResponseEntity.status(503).body(out);
        }
    }

    @GetMapping("/portal/population/drafts/{id}")
    public String consentPage(@PathVariable UUID id, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        FilingDraft d = filing.draft(me, id);
        return page(d, me, model, null);
    }

    private String page(FilingDraft d, CitizenPrincipal me, Model model, String error) {
        model.addAttribute("d", d);
        model.addAttribute("identityNumber", me.identityNumber());
        model.addAttribute("connected", lookups.available());
        model.addAttribute("error", error);
        return "integration/population-consent";
    }

    @PostMapping("/portal/population/drafts/{id}")
    public String lookUpForDraft(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean consent,
                                 @AuthenticationPrincipal CitizenPrincipal me, HttpServletRequest request, Model model) {
        FilingDraft d = filing.draft(me, id);
        if (d.submitted()) {
            return "redirect:/portal/dossiers/" + d.dossierCode();
        }
        if (!lookups.available()) {
            return page(d, me, model, "population.notConnected");
        }
        if (me.kind() != vn.motcua.dossier.ApplicantKind.PERSON) {
            return page(d, me, model, "population.personsOnly");
        }
        PopulationLookups.Result r;
        try {
            r = lookups.lookUp(me.identityNumber(), consent, "citizen:" + me.identityNumber(), "online filing",
                    CitizenPrincipal.ACTOR_PREFIX + me.identityNumber(), "ONLINE", request.getRemoteAddr());
        } catch (InvalidInput e) {
            return page(d, me, model, e.fieldErrors().values().iterator().next());
        } catch (PopulationRegistry.RegistryUnavailable e) {
            return page(d, me, model, "population.unavailable");
        }
        if (!r.found()) {
            return page(d, me, model, "population.notFound");
        }
        if (r.person().address() != null) {
            try {
                filing.saveDetails(me, id, d.caseId(), d.competentUnitId(), d.phone(), d.email(), r.person().address());
            } catch (InvalidInput e) {
                // the draft's first step is not complete yet: the citizen fills the address there
            }
        }
        return "redirect:/portal/drafts/" + id + "/review?population=" + r.lookupId();
    }
}
