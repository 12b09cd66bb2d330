package vn.motcua.feedback.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.feedback.SurveyCommand;
import vn.motcua.feedback.SurveyDimension;
import vn.motcua.feedback.SurveyFactor;
import vn.motcua.feedback.SurveyService;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * Survey campaigns: the supervisors' pages (list, create, open, close,
 * results per unit) and the invitee's questionnaire behind the mailed link
 * ({@code /public/survey/{id}?t=…}; a wrong token is 404).
 */
@PageController
public class SurveyController {

    private final SurveyService surveys;
    private final FeedbackService feedback;
    private final ChartData charts;

    public SurveyController(SurveyService surveys, FeedbackService feedback, ChartData charts) {
        this.surveys = surveys;
        this.feedback = feedback;
        this.charts = charts;
    }

    @GetMapping("/satisfaction/surveys")
    public String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("surveys", surveys.list(me));
        model.addAttribute("units", feedback.units());
        return "feedback/surveys";
    }

    @PostMapping("/satisfaction/surveys")
    public String create(@RequestParam(required = false) String title, @RequestParam(required = false) Long unitId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedFrom,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnedTo,
                         @RequestParam(required = false) Integer sampleSize,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
                         @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            long id = surveys.create(new SurveyCommand(title, unitId, returnedFrom, returnedTo, sampleSize, closesOn), me).id();
            return "redirect:/satisfaction/surveys/" + id;
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("surveyErrors", e.fieldErrors());
            return "redirect:/satisfaction/surveys";
        }
    }

    @GetMapping("/satisfaction/surveys/{id}")
    public String detail(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        var results = surveys.results(id, me);
        model.addAttribute("r", results);
        model.addAttribute("chart", charts.survey(results));
        return "feedback/survey";
    }

    @PostMapping("/satisfaction/surveys/{id}/{act}")
    public String act(@PathVariable long id, @PathVariable String act, @AuthenticationPrincipal StaffPrincipal me,
                      RedirectAttributes redirect) {
        try {
            switch (act) {
                case "open" -> surveys.open(id, me);
                case "close" -> surveys.close(id, me);
                default -> throw new vn.motcua.shared.NotFound("survey act " + act);
            }
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("surveyRule", e.messageKey());
        }
        return "redirect:/satisfaction/surveys/" + id;
    }

    @GetMapping("/public/survey/{id}")
    public String questionnaire(@PathVariable long id, @RequestParam(name = "t", required = false) String token, Model model) {
        return page(id, token, model, null, false);
    }

    @PostMapping("/public/survey/{id}")
    public String answer(@PathVariable long id, @RequestParam(name = "t", required = false) String token,
                         @RequestParam Map<String, String> form, @RequestParam(required = false) String comment, Model model) {
        surveys.invitation(id, token);
        Map<SurveyFactor, Map<SurveyDimension, Integer>> scores = new EnumMap<>(SurveyFactor.class);
        for (SurveyFactor f : SurveyFactor.values()) {
            Map<SurveyDimension, Integer> d = new EnumMap<>(SurveyDimension.class);
            for (SurveyDimension dim : SurveyDimension.values()) {
                String v = form.get(f + "." + dim);
                if (v != null && v.matches("[1-5]")) {
                    d.put(dim, Integer.valueOf(v));
                }
            }
            scores.put(f, d);
        }
        try {
            surveys.answer(id, token, scores, comment);
            return page(id, token, model, null, true);
        } catch (InvalidInput e) {
            return page(id, token, model, "survey.score.missing", false);
        } catch (DomainRuleViolation e) {
            return page(id, token, model, e.messageKey(), false);
        }
    }

    private String page(long id, String token, Model model, String errorKey, boolean thanks) {
        model.addAttribute("inv", surveys.invitation(id, token));
        model.addAttribute("token", token);
        model.addAttribute("factors", SurveyFactor.values());
        model.addAttribute("dimensions", SurveyDimension.values());
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("thanks", thanks);
        return "feedback/questionnaire";
    }
}
