package vn.motcua.feedback.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/** Administrators name the units whose one-stop officers receive PAKN (the desk of the Office of the People's Committee). */
@PageController
public class FeedbackAdminController {

    private final FeedbackService feedback;

    public FeedbackAdminController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/admin/feedback/desks")
    public String desks(Model model) {
        model.addAttribute("desks", feedback.desks());
        model.addAttribute("units", feedback.units());
        return "feedback/desks";
    }

    @PostMapping("/admin/feedback/desks")
    public String add(@RequestParam(required = false) Long unitId, @AuthenticationPrincipal StaffPrincipal me,
                      RedirectAttributes redirect) {
        try {
            if (unitId == null) {
                throw InvalidInput.of("unitId", "validation.required");
            }
            feedback.addDesk(unitId, me);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("deskError", e.fieldErrors().values().iterator().next());
        }
        return "redirect:/admin/feedback/desks";
    }

    @PostMapping("/admin/feedback/desks/{unitId}/remove")
    public String remove(@PathVariable long unitId, @AuthenticationPrincipal StaffPrincipal me) {
        feedback.removeDesk(unitId, me);
        return "redirect:/admin/feedback/desks";
    }
}
