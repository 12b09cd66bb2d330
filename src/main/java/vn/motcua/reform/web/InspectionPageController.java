package vn.motcua.reform.web;

import java.time.LocalDate;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.InspectionCommand;
import vn.motcua.reform.InspectionFindingCommand;
import vn.motcua.reform.InspectionFixCommand;
import vn.motcua.reform.InspectionService;
import vn.motcua.reform.InspectionTargetKind;
import vn.motcua.reform.InspectionView;
import vn.motcua.shared.PageController;

/** The inspection pages: the schedule, an inspection with its findings and fixes, and their acts. */
@PageController
@RequestMapping("/reform")
public class InspectionPageController {

    private final InspectionService inspections;
    private final MessageSource messages;

    public InspectionPageController(InspectionService inspections, MessageSource messages) {
        this.inspections = inspections;
        this.messages = messages;
    }

    @GetMapping("/inspections")
    public String list(@RequestParam(required = false) Integer year, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("inspections", inspections.list(year, me));
        boolean inspect = inspections.mayInspect(me);
        model.addAttribute("inspect", inspect);
        model.addAttribute("units", inspect ? inspections.units() : java.util.List.of());
        return "reform/inspections";
    }

    @PostMapping("/inspections")
    public String schedule(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String title,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
                           @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        long[] made = {0};
        PlanPageMessages.run(messages, redirect, "reform.inspection.scheduled",
                () -> made[0] = inspections.schedule(new InspectionCommand(unitId, title, plannedOn), me).id());
        return made[0] > 0 ? "redirect:/reform/inspections/" + made[0] : "redirect:/reform/inspections";
    }

    @GetMapping("/inspections/{id}")
    public String inspection(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        InspectionView i = inspections.get(id, me);
        model.addAttribute("i", i);
        model.addAttribute("inspect", inspections.mayInspect(me));
        model.addAttribute("reportFix", inspections.mayReportFix(i, me));
        model.addAttribute("targets", InspectionTargetKind.values());
        return "reform/inspection";
    }

    @PostMapping("/inspections/{id}/findings")
    public String finding(@PathVariable long id, @RequestParam(required = false) String description,
                          @RequestParam(required = false) InspectionTargetKind targetKind,
                          @RequestParam(required = false) String targetRef, @AuthenticationPrincipal StaffPrincipal me,
                          RedirectAttributes redirect) {
        PlanPageMessages.run(messages, redirect, "reform.finding.recorded",
                () -> inspections.addFinding(id, new InspectionFindingCommand(description, targetKind, targetRef), me));
        return "redirect:/reform/inspections/" + id;
    }

    @PostMapping("/findings/{id}/fixes")
    public String fix(@PathVariable long id, @RequestParam(required = false) String requiredAction,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                      @RequestParam(required = false) Long inspection, @AuthenticationPrincipal StaffPrincipal me,
                      RedirectAttributes redirect) {
        PlanPageMessages.run(messages, redirect, "reform.fix.required",
                () -> inspections.requireFix(id, new InspectionFixCommand(requiredAction, dueOn), me));
        return back(inspection);
    }

    @PostMapping("/fixes/{id}/report")
    public String report(@PathVariable long id, @RequestParam(required = false) String note,
                         @RequestParam(required = false) Long inspection, @AuthenticationPrincipal StaffPrincipal me,
                         RedirectAttributes redirect) {
        PlanPageMessages.run(messages, redirect, "reform.fix.reported", () -> inspections.reportFix(id, note, me));
        return back(inspection);
    }

    @PostMapping("/fixes/{id}/close")
    public String close(@PathVariable long id, @RequestParam(required = false) String note,
                        @RequestParam(required = false) Long inspection, @AuthenticationPrincipal StaffPrincipal me,
                        RedirectAttributes redirect) {
        PlanPageMessages.run(messages, redirect, "reform.fix.closed", () -> inspections.closeFix(id, note, me));
        return back(inspection);
    }

    private static String back(Long inspection) {
        return inspection == null ? "redirect:/reform/inspections" : "redirect:/reform/inspections/" + inspection;
    }
}
