package vn.motcua.supervision.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;
import vn.motcua.supervision.BacklogCleanup;
import vn.motcua.supervision.CleanupJobView;
import vn.motcua.supervision.SupervisionDashboard;

/** The backlog clean-up pages: find stale dossiers, start a bulk run, watch its progress (htmx polling). */
@PageController
@RequestMapping("/supervision/cleanup")
public class CleanupPageController {

    private final BacklogCleanup cleanup;
    private final SupervisionDashboard dashboard;

    public CleanupPageController(BacklogCleanup cleanup, SupervisionDashboard dashboard) {
        this.cleanup = cleanup;
        this.dashboard = dashboard;
    }

    @ModelAttribute("fmt")
    SupervisionPageController.Fmt fmt() {
        return new SupervisionPageController.Fmt();
    }

    @GetMapping
    public String find(@RequestParam(required = false) Integer overdueDays, @RequestParam(required = false) Integer idleDays,
                       @RequestParam(defaultValue = "false") boolean inactiveUnits,
                       @AuthenticationPrincipal StaffPrincipal me, Model model) {
        Integer overdue = overdueDays == null && idleDays == null && !inactiveUnits ? Integer.valueOf(5) : overdueDays;
        model.addAttribute("stale", cleanup.stale(overdue, idleDays, inactiveUnits, me));
        model.addAttribute("overdueDays", overdue);
        model.addAttribute("idleDays", idleDays);
        model.addAttribute("inactiveUnits", inactiveUnits);
        model.addAttribute("units", dashboard.units(me));
        model.addAttribute("canAct", me.hasRole("LEADER"));
        return "supervision/cleanup";
    }

    @PostMapping
    public String start(@RequestParam(required = false) BacklogCleanup.Kind kind,
                        @RequestParam(name = "code", required = false) List<String> codes,
                        @RequestParam(required = false) Long toUnit, @RequestParam(required = false) Long toOfficer,
                        @RequestParam(required = false) String reason, @RequestParam(required = false) String evidence,
                        @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model) {
        try {
            CleanupJobView job = cleanup.start(kind, codes, toUnit, toOfficer, reason, evidence, me, request.getRemoteAddr());
            return "redirect:/supervision/cleanup/jobs/" + job.id();
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("reason", reason);
            model.addAttribute("evidence", evidence);
            return find(5, null, false, me, model);
        }
    }

    @GetMapping("/jobs/{id}")
    public String job(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("job", cleanup.job(id, me));
        return "supervision/job";
    }

    @GetMapping("/jobs/{id}/progress")
    public String progress(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("job", cleanup.job(id, me));
        return "supervision/job :: progress";
    }
}
