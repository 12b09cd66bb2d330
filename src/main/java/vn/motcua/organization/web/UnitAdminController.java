package vn.motcua.organization.web;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/** Administration pages for the unit tree: list, search, create, edit, deactivate, merge. */
@PageController
@RequestMapping("/admin/units")
public class UnitAdminController {

    private final OrganizationService org;
    private final MessageSource messages;

    public UnitAdminController(OrganizationService org, MessageSource messages) {
        this.org = org;
        this.messages = messages;
    }

    @ModelAttribute("kinds")
    UnitKind[] kinds() {
        return UnitKind.values();
    }

    @ModelAttribute("levels")
    UnitLevel[] levels() {
        return UnitLevel.values();
    }

    @GetMapping
    public String list(@RequestParam(defaultValue = "false") boolean dissolved, Model model) {
        OfficerScope all = OfficerScope.everything(null);
        model.addAttribute("tree", org.tree(all, dissolved));
        model.addAttribute("showDissolved", dissolved);
        model.addAttribute("unitCount", org.unitCount());
        return "organization/units";
    }

    /** htmx: the units whose name or code matches, ignoring diacritics. */
    @GetMapping("/search")
    public String search(@RequestParam(defaultValue = "") String q,
                         @RequestParam(defaultValue = "false") boolean dissolved, Model model) {
        if (q.isBlank()) {
            model.addAttribute("tree", org.tree(OfficerScope.everything(null), dissolved));
            return "organization/fragments/unit-tree :: tree";
        }
        model.addAttribute("results", org.searchUnits(q, dissolved, OfficerScope.everything(null)));
        model.addAttribute("q", q);
        return "organization/fragments/unit-tree :: results";
    }

    @GetMapping("/new")
    public String createForm(@RequestParam(required = false) Long parentId, Model model) {
        UnitForm form = new UnitForm();
        form.setParentId(parentId);
        if (parentId != null) {
            org.findUnit(new UnitId(parentId)).ifPresent(p -> form.setLevel(p.level()));
        }
        model.addAttribute("form", form);
        return formPage(model, null);
    }

    @PostMapping("/new")
    public String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult binding, Model model,
                         RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return formPage(model, null);
        }
        try {
            UnitView created = org.createUnit(form.toCommand());
            redirect.addFlashAttribute("flash", msg("unit.created", created.name()));
            return "redirect:/admin/units";
        } catch (InvalidInput e) {
            e.fieldErrors().forEach((field, key) -> binding.rejectValue(field, key));
            return formPage(model, null);
        }
    }

    @GetMapping("/{id}")
    public String editForm(@PathVariable long id, Model model) {
        UnitView unit = org.unit(new UnitId(id), OfficerScope.everything(null));
        model.addAttribute("form", UnitForm.of(unit));
        return formPage(model, unit);
    }

    @PostMapping("/{id}")
    public String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult binding,
                         Model model, RedirectAttributes redirect) {
        UnitView unit = org.unit(new UnitId(id), OfficerScope.everything(null));
        if (binding.hasErrors()) {
            return formPage(model, unit);
        }
        try {
            UnitView saved = org.updateUnit(new UnitId(id), form.getVersion(), form.toCommand());
            redirect.addFlashAttribute("flash", msg("unit.saved", saved.name()));
            return "redirect:/admin/units";
        } catch (InvalidInput e) {
            e.fieldErrors().forEach((field, key) -> binding.rejectValue(field, key));
            return formPage(model, unit);
        }
    }

    @PostMapping("/{id}/deactivate")
    public String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        org.deactivateUnit(new UnitId(id));
        redirect.addFlashAttribute("flash", msg("unit.deactivated"));
        return "redirect:/admin/units";
    }

    @PostMapping("/{id}/reactivate")
    public String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        org.reactivateUnit(new UnitId(id));
        redirect.addFlashAttribute("flash", msg("unit.reactivated"));
        return "redirect:/admin/units";
    }

    @GetMapping("/merge")
    public String mergeForm(Model model) {
        model.addAttribute("activeUnits", activeUnits());
        return "organization/merge";
    }

    @PostMapping("/merge")
    public String merge(@RequestParam(name = "sources", required = false) List<Long> sources,
                        @RequestParam(name = "successor", required = false) Long successor,
                        @RequestParam(name = "reason", defaultValue = "") String reason,
                        @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        try {
            if (successor == null) {
                throw InvalidInput.of("successor", "validation.required");
            }
            UnitView target = org.merge(sources == null ? List.of() : sources.stream().map(UnitId::new).toList(),
                    new UnitId(successor), reason, me.getUsername());
            redirect.addFlashAttribute("flash", msg("unit.merged", target.name()));
            return "redirect:/admin/units";
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("activeUnits", activeUnits());
            model.addAttribute("selectedSources", sources == null ? List.of() : sources);
            model.addAttribute("selectedSuccessor", successor);
            model.addAttribute("reason", reason);
            return "organization/merge";
        }
    }

    private String formPage(Model model, UnitView unit) {
        model.addAttribute("unit", unit);
        model.addAttribute("parents", activeUnits().stream()
                .filter(u -> unit == null || u.id() != unit.id()).toList());
        return "organization/unit-form";
    }

    private List<UnitView> activeUnits() {
        return org.allUnits().stream().filter(UnitView::active).toList();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
