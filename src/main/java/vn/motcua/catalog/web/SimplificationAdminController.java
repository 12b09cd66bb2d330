package vn.motcua.catalog.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.ComplianceCostView;
import vn.motcua.catalog.SimplificationKind;
import vn.motcua.catalog.SimplificationProposal;
import vn.motcua.catalog.SimplificationService;
import vn.motcua.catalog.SimplificationStatus;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * Review and simplification pages for administrators: the review list with
 * the annual costs, the saving and their totals (filters by status and kind;
 * XLSX export), the proposal form with its cost-item rows (plain form
 * re-render: adding or removing a row posts the form and shows it again with
 * the figures so far, nothing typed is lost, no script needed), the proposal
 * page with submit, accept and reject.
 */
@PageController
@RequestMapping("/admin/simplification")
public class SimplificationAdminController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SimplificationService simplification;
    private final MessageSource messages;
    private final java.time.Clock clock;

    public SimplificationAdminController(SimplificationService simplification, MessageSource messages, java.time.Clock clock) {
        this.simplification = simplification;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Numbers as people type them: hours and executions may use a decimal
     * comma (2,5); amounts of đồng and counts may carry thousands separators
     * (30.000, 30,000 or 30 000).
     */
    @InitBinder("form")
    void numbers(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String t = text == null ? "" : text.strip().replace(',', '.');
                setValue(t.isEmpty() ? null : new BigDecimal(t));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : ((BigDecimal) getValue()).toPlainString();
            }
        });
        binder.registerCustomEditor(Long.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String t = text == null ? "" : text.replaceAll("[\\s.,\\u00a0]", "");
                setValue(t.isEmpty() ? null : Long.valueOf(t));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
    }

    // --- review list ---------------------------------------------------------------------------------

    @GetMapping
    public String list(@RequestParam(required = false) SimplificationStatus status,
                       @RequestParam(required = false) SimplificationKind kind,
                       jakarta.servlet.http.HttpServletRequest request, Model model) {
        model.addAttribute("review", simplification.review(status, kind));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", SimplificationStatus.values());
        model.addAttribute("kinds", SimplificationKind.values());
        if (request.getHeader("HX-Request") != null) {
            return "catalog/simplification-list :: rows";
        }
        return "catalog/simplification-list";
    }

    @GetMapping("/export.xlsx")
    public ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) SimplificationStatus status,
                                             @RequestParam(required = false) SimplificationKind kind) {
        String filter = msg("simplification.xlsx.filter",
                status == null ? msg("simplification.allStatuses") : msg("simplification.status." + status),
                kind == null ? msg("simplification.allKinds") : msg("simplification.kind." + kind),
                DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(clock)));
        byte[] body = simplification.exportXlsx(status, kind, filter, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("ra-soat-don-gian-hoa.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    // --- create and edit -----------------------------------------------------------------------------

    @GetMapping("/new")
    public String createForm(@RequestParam(required = false) String procedure, Model model) {
        model.addAttribute("form", procedure == null ? SimplificationForm.blank() : SimplificationForm.forProcedure(procedure));
        return formPage(model, null);
    }

    @PostMapping("/new")
    public String create(@ModelAttribute("form") SimplificationForm form, BindingResult binding,
                         @RequestParam(name = "op", required = false) String op,
                         @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        if (op != null && !op.isBlank()) {
            form.apply(op);
            return formPage(model, null);
        }
        if (binding.hasErrors()) {
            return formPage(model, null);
        }
        form.compact();
        try {
            SimplificationProposal created = simplification.create(form.toCommand(), me.getUsername());
            redirect.addFlashAttribute("flash", msg("simplification.created", created.procedureCode()));
            return "redirect:/admin/simplification/" + created.id();
        } catch (InvalidInput e) {
            reject(binding, e);
            return formPage(model, null);
        }
    }

    @GetMapping("/{id}/edit")
    public String editForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        SimplificationProposal p = simplification.get(id);
        if (p.status() != SimplificationStatus.DRAFT) {
            redirect.addFlashAttribute("flashError", msg("simplification.edit.illegal", id));
            return "redirect:/admin/simplification/" + id;
        }
        model.addAttribute("form", SimplificationForm.of(p));
        return formPage(model, p);
    }

    @PostMapping("/{id}/edit")
    public String update(@PathVariable long id, @ModelAttribute("form") SimplificationForm form, BindingResult binding,
                         @RequestParam(name = "op", required = false) String op,
                         @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        SimplificationProposal existing = simplification.get(id);
        if (op != null && !op.isBlank()) {
            form.apply(op);
            return formPage(model, existing);
        }
        if (binding.hasErrors()) {
            return formPage(model, existing);
        }
        form.compact();
        try {
            simplification.update(id, form.toCommand(), me.getUsername());
            redirect.addFlashAttribute("flash", msg("simplification.saved", existing.procedureCode()));
        } catch (InvalidInput e) {
            reject(binding, e);
            return formPage(model, existing);
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", msg(e.messageKey(), e.args()));
        }
        return "redirect:/admin/simplification/" + id;
    }

    private static void reject(BindingResult binding, InvalidInput e) {
        e.fieldErrors().forEach((field, key) -> {
            try {
                binding.rejectValue(field, key, e.args(field), null);
            } catch (NotReadablePropertyException | IllegalArgumentException ex) {
                binding.reject(key, e.args(field), null);
            }
        });
    }

    private String formPage(Model model, SimplificationProposal existing) {
        SimplificationForm form = (SimplificationForm) model.getAttribute("form");
        model.addAttribute("proposal", existing);
        model.addAttribute("kinds", SimplificationKind.values());
        model.addAttribute("procedures", simplification.procedureNames());
        ComplianceCostView before = simplification.estimate(form.getBefore().toCost());
        ComplianceCostView after = form.isAbolish() ? null : simplification.estimate(form.getAfter().toCost());
        model.addAttribute("beforeFigures", before);
        model.addAttribute("afterFigures", after);
        model.addAttribute("savingPreview", simplification.estimateSaving(form.getKind(), before, after));
        // an empty side gets a row to type into (no error can point at it)
        for (SimplificationForm.SideForm side : new SimplificationForm.SideForm[] {form.getBefore(), form.getAfter()}) {
            if (side.getItems().isEmpty()) {
                side.getItems().add(new SimplificationForm.ItemForm());
            }
        }
        return "catalog/simplification-form";
    }

    // --- the proposal and its lifecycle ------------------------------------------------------------------

    @GetMapping("/{id}")
    public String detail(@PathVariable long id, Model model) {
        return detailPage(simplification.get(id), model, Map.of());
    }

    private String detailPage(SimplificationProposal p, Model model, Map<String, String> errors) {
        model.addAttribute("p", p);
        model.addAttribute("errors", errors);
        return "catalog/simplification";
    }

    @PostMapping("/{id}/submit")
    public String submit(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        try {
            simplification.submit(id, me.getUsername());
            redirect.addFlashAttribute("flash", msg("simplification.submittedFlash"));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", msg(e.messageKey(), e.args()));
        }
        return "redirect:/admin/simplification/" + id;
    }

    @PostMapping("/{id}/accept")
    public String accept(@PathVariable long id, @RequestParam(defaultValue = "") String note,
                         @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        try {
            simplification.accept(id, note, me.getUsername());
            redirect.addFlashAttribute("flash", msg("simplification.acceptedFlash"));
        } catch (InvalidInput e) {
            model.addAttribute("acceptNote", note);
            return detailPage(simplification.get(id), model, Map.of("acceptNote", messageOf(e, "note")));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", msg(e.messageKey(), e.args()));
        }
        return "redirect:/admin/simplification/" + id;
    }

    @PostMapping("/{id}/reject")
    public String rejectProposal(@PathVariable long id, @RequestParam(defaultValue = "") String note,
                                 @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        try {
            simplification.reject(id, note, me.getUsername());
            redirect.addFlashAttribute("flash", msg("simplification.rejectedFlash"));
        } catch (InvalidInput e) {
            model.addAttribute("rejectNote", note);
            return detailPage(simplification.get(id), model, Map.of("rejectNote", messageOf(e, "note")));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", msg(e.messageKey(), e.args()));
        }
        return "redirect:/admin/simplification/" + id;
    }

    private String messageOf(InvalidInput e, String field) {
        Map<String, String> out = new LinkedHashMap<>(e.fieldErrors());
        String key = out.getOrDefault(field, out.values().stream().findFirst().orElse("problem.invalid"));
        return messages.getMessage(key, e.args(field), key, LocaleContextHolder.getLocale());
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
