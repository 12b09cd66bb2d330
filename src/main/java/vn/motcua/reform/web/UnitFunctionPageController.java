package vn.motcua.reform.web;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.UnitFunctionCommand;
import vn.motcua.reform.UnitFunctionKind;
import vn.motcua.reform.UnitFunctionService;
import vn.motcua.shared.PageController;

/** Units' functions and tasks, the form to record one, and (for the province level) the structure check. */
@PageController
@RequestMapping("/reform/functions")
public class UnitFunctionPageController {

    private final UnitFunctionService functions;
    private final MessageSource messages;

    public UnitFunctionPageController(UnitFunctionService functions, MessageSource messages) {
        this.functions = functions;
        this.messages = messages;
    }

    @GetMapping
    public String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("functions", functions.list(me));
        model.addAttribute("units", functions.units(me));
        model.addAttribute("kinds", UnitFunctionKind.values());
        model.addAttribute("check", functions.mayCheck(me) ? functions.check(me) : null);
        return "reform/functions";
    }

    @PostMapping
    public String create(@RequestParam(required = false) Long unitId, @RequestParam(required = false) UnitFunctionKind kind,
                         @RequestParam(required = false) String title, @RequestParam(required = false) String procedureCode,
                         @RequestParam(required = false) String legalBasis, @AuthenticationPrincipal StaffPrincipal me,
                         RedirectAttributes redirect) {
        PlanPageMessages.run(messages, redirect, "reform.function.recorded",
                () -> functions.create(new UnitFunctionCommand(unitId, kind, title, procedureCode, legalBasis), me));
        return "redirect:/reform/functions";
    }
}
