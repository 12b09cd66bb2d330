package vn.motcua.organization.web;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;
import vn.motcua.shared.PageResult;

/** Administration pages for staff accounts. */
@PageController
@RequestMapping("/admin/staff")
public class StaffAdminController {

    private static final int PAGE_SIZE = 25;

    private final OrganizationService org;
    private final MessageSource messages;

    public StaffAdminController(OrganizationService org, MessageSource messages) {
        this.org = org;
        this.messages = messages;
    }

    @ModelAttribute("allRoles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    public String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long unit,
                       @RequestParam(defaultValue = "0") int page,
                       @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        PageResult<StaffView> result = org.searchStaff(q, unit, OfficerScope.everything(null), Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("unit", unit);
        model.addAttribute("units", activeUnits());
        return htmx != null ? "organization/staff :: rows" : "organization/staff";
    }

    @GetMapping("/new")
    public String createForm(Model model) {
        model.addAttribute("form", new StaffForm());
        return formPage(model, null);
    }

    @PostMapping("/new")
    public String create(@Valid @ModelAttribute("form") StaffForm form, BindingResult binding, Model model,
                         RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return formPage(model, null);
        }
        try {
            StaffView s = org.createStaff(form.toCommand());
            redirect.addFlashAttribute("flash", msg("staff.created", s.fullName()));
            return "redirect:/admin/staff";
        } catch (InvalidInput e) {
            e.fieldErrors().forEach((field, key) -> binding.rejectValue(field, key));
            return formPage(model, null);
        }
    }

    @GetMapping("/{id}")
    public String editForm(@PathVariable long id, Model model) {
        StaffView s = org.staff(new StaffId(id), OfficerScope.everything(null));
        model.addAttribute("form", StaffForm.of(s));
        return formPage(model, s);
    }

    @PostMapping("/{id}")
    public String update(@PathVariable long id, @Valid @ModelAttribute("form") StaffForm form, BindingResult binding,
                         Model model, RedirectAttributes redirect) {
        StaffView s = org.staff(new StaffId(id), OfficerScope.everything(null));
        if (binding.hasErrors()) {
            return formPage(model, s);
        }
        try {
            StaffView saved = org.updateStaff(new StaffId(id), form.getVersion(), form.toCommand());
            redirect.addFlashAttribute("flash", msg("staff.saved", saved.fullName()));
            return "redirect:/admin/staff";
        } catch (InvalidInput e) {
            e.fieldErrors().forEach((field, key) -> binding.rejectValue(field, key));
            return formPage(model, s);
        }
    }

    @PostMapping("/{id}/active")
    public String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        org.setStaffActive(new StaffId(id), active);
        redirect.addFlashAttribute("flash", msg(active ? "staff.activated" : "staff.deactivated"));
        return "redirect:/admin/staff/" + id;
    }

    private String formPage(Model model, StaffView staff) {
        model.addAttribute("staff", staff);
        model.addAttribute("units", activeUnits());
        return "organization/staff-form";
    }

    private List<UnitView> activeUnits() {
        return org.allUnits().stream().filter(UnitView::active).toList();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
