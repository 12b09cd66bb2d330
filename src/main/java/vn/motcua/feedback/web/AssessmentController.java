package vn.motcua.feedback.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.dossier.DossierView;
import vn.motcua.feedback.AssessmentCriterion;
import vn.motcua.feedback.AssessmentService;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * The nine-criteria assessment of the agency that handled a returned dossier:
 * through the rating link the applicant received ({@code /public/assessment/{code}?t=…},
 * a wrong token is 404) or on the portal for one of the citizen's own dossiers.
 */
@PageController
public class AssessmentController {

    private final AssessmentService assessments;

    public AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/public/assessment/{code}")
    public String form(@PathVariable String code, @RequestParam(name = "t", required = false) String token, Model model) {
        return page(assessments.dossierByLink(code, token), token, "/public/assessment/" + code, model, null, null);
    }

    @PostMapping("/public/assessment/{code}")
    public String submit(@PathVariable String code, @RequestParam(name = "t", required = false) String token,
                         @RequestParam java.util.Map<String, String> form, @RequestParam(required = false) String comment,
                         Model model) {
        DossierView d = assessments.dossierByLink(code, token);
        List<Integer> points = points(form);
        try {
            assessments.submitByLink(code, token, points, comment);
            return page(d, token, "/public/assessment/" + code, model, null, null);
        } catch (InvalidInput e) {
            return page(d, token, "/public/assessment/" + code, model, e.fieldErrors().values().iterator().next(), points);
        } catch (DomainRuleViolation e) {
            return page(d, token, "/public/assessment/" + code, model, e.messageKey(), points);
        }
    }

    @GetMapping("/portal/assessments/{code}")
    public String portalForm(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        return page(assessments.dossierOf(code, me), null, "/portal/assessments/" + code, model, null, null);
    }

    @PostMapping("/portal/assessments/{code}")
    public String portalSubmit(@PathVariable String code, @RequestParam java.util.Map<String, String> form,
                               @RequestParam(required = false) String comment, @AuthenticationPrincipal CitizenPrincipal me,
                               Model model) {
        DossierView d = assessments.dossierOf(code, me);
        List<Integer> points = points(form);
        try {
            assessments.submitByCitizen(code, me, points, comment);
            return page(d, null, "/portal/assessments/" + code, model, null, null);
        } catch (InvalidInput e) {
            return page(d, null, "/portal/assessments/" + code, model, e.fieldErrors().values().iterator().next(), points);
        } catch (DomainRuleViolation e) {
            return page(d, null, "/portal/assessments/" + code, model, e.messageKey(), points);
        }
    }

    /** The points of criteria c1 … c9 as posted (null where none was chosen or the value is not a number). */
    static List<Integer> points(java.util.Map<String, String> form) {
        List<Integer> out = new ArrayList<>();
        for (AssessmentCriterion c : AssessmentCriterion.values()) {
            String v = form.get("c" + c.number());
            Integer p = null;
            if (v != null && v.matches("[0-9]")) {
                p = Integer.valueOf(v);
            }
            out.add(p);
        }
        return out;
    }

    private String page(DossierView d, String token, String action, Model model, String errorKey, List<Integer> chosen) {
        model.addAttribute("d", d);
        model.addAttribute("token", token);
        model.addAttribute("action", action);
        model.addAttribute("criteria", AssessmentCriterion.values());
        model.addAttribute("done", assessments.of(d.code()).orElse(null));
        model.addAttribute("bands", assessments.bands().bands());
        model.addAttribute("errorKey", errorKey);
        List<Integer> c = new ArrayList<>();
        for (int i = 0; i < AssessmentCriterion.values().length; i++) {
            c.add(chosen != null && i < chosen.size() ? chosen.get(i) : null);
        }
        model.addAttribute("chosen", c);
        return "feedback/assessment";
    }
}
