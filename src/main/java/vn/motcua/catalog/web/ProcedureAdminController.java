package vn.motcua.catalog.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.ImportRejected;
import vn.motcua.catalog.ImportReport;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedureStatus;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;
import vn.motcua.shared.PageResult;

/**
 * Administration of the catalogue: list and search, create and edit with a
 * step editor (plain form re-render: every add, remove or move of a row posts
 * the form and shows it again, so nothing typed is lost and no script is
 * needed), publish and withdraw, version history, import and export.
 */
@PageController
@RequestMapping("/admin/procedures")
public class ProcedureAdminController {

    /** Kinds of unit a commune-level step may name, offered in the unit select. */
    static final List<UnitKind> STEP_KINDS = List.of(UnitKind.ONE_STOP_DESK, UnitKind.DIVISION, UnitKind.COMMUNE);

    private final CatalogService catalog;
    private final OrganizationService organization;
    private final MessageSource messages;
    private final JsonMapper json;
    private final java.time.Clock clock;

    public ProcedureAdminController(CatalogService catalog, OrganizationService organization, MessageSource messages,
                                    JsonMapper json, java.time.Clock clock) {
        this.catalog = catalog;
        this.organization = organization;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** Decimal times may be typed with a comma, as Vietnamese writes them (0,5 ngày). */
    @org.springframework.web.bind.annotation.InitBinder("form")
    void decimals(org.springframework.web.bind.WebDataBinder binder) {
        binder.registerCustomEditor(java.math.BigDecimal.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String t = text == null ? "" : text.strip().replace(',', '.');
                setValue(t.isEmpty() ? null : new java.math.BigDecimal(t));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : ((java.math.BigDecimal) getValue()).toPlainString();
            }
        });
    }

    @GetMapping
    public String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) ProcedureStatus status,
                       @RequestParam(defaultValue = "0") int page,
                       jakarta.servlet.http.HttpServletRequest request, Model model) {
        PageResult<vn.motcua.catalog.ProcedureOverview> result = catalog.searchAll(q, status, page, 20);
        model.addAttribute("result", result);
        PublicProcedureController.pageWindow(model, result);
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProcedureStatus.values());
        if (request.getHeader("HX-Request") != null) {
            return "catalog/procedures :: rows";
        }
        model.addAttribute("counts", catalog.countByStatus());
        return "catalog/procedures";
    }

    // --- create and edit -----------------------------------------------------------------------------

    @GetMapping("/new")
    public String createForm(Model model) {
        model.addAttribute("form", ProcedureForm.blank());
        return formPage(model, null);
    }

    @PostMapping("/new")
    public String create(@ModelAttribute("form") ProcedureForm form, BindingResult binding,
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
            ProcedureDetail created = catalog.create(form.toCommand(), me.getUsername());
            redirect.addFlashAttribute("flash", msg("procedure.created", created.code()));
            return "redirect:/admin/procedures/" + created.code();
        } catch (InvalidInput e) {
            reject(binding, e);
            return formPage(model, null);
        }
    }

    @GetMapping("/{code}/edit")
    public String editForm(@PathVariable String code, Model model) {
        ProcedureDetail latest = catalog.latest(code);
        model.addAttribute("form", ProcedureForm.of(latest));
        return formPage(model, latest);
    }

    @PostMapping("/{code}/edit")
    public String update(@PathVariable String code, @ModelAttribute("form") ProcedureForm form, BindingResult binding,
                         @RequestParam(name = "op", required = false) String op,
                         @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        ProcedureDetail latest = catalog.latest(code);
        form.setCode(code);
        if (op != null && !op.isBlank()) {
            form.apply(op);
            return formPage(model, latest);
        }
        if (binding.hasErrors()) {
            return formPage(model, latest);
        }
        form.compact();
        try {
            ProcedureDetail saved = catalog.update(code, form.toCommand(), me.getUsername());
            redirect.addFlashAttribute("flash", saved.version() > latest.version()
                    ? msg("procedure.savedNewVersion", saved.code(), saved.version()) : msg("procedure.saved", saved.code()));
            return "redirect:/admin/procedures/" + code;
        } catch (InvalidInput e) {
            reject(binding, e);
            return formPage(model, latest);
        }
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

    private String formPage(Model model, ProcedureDetail existing) {
        model.addAttribute("procedure", existing);
        List<UnitView> active = organization.allUnits().stream().filter(UnitView::active)
                .sorted(Comparator.comparing(UnitView::code)).toList();
        model.addAttribute("agencies", active.stream().filter(u -> u.level() == UnitLevel.PROVINCE).toList());
        model.addAttribute("units", active);
        model.addAttribute("stepKinds", STEP_KINDS);
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("durationUnits", DurationUnit.values());
        model.addAttribute("onlineLevels", OnlineLevel.values());
        model.addAttribute("filingMethods", FilingMethod.values());
        model.addAttribute("fields", catalog.publishedFields());
        return "catalog/procedure-form";
    }

    // --- detail, history, publication --------------------------------------------------------------

    @GetMapping("/{code}")
    public String detail(@PathVariable String code, Model model) {
        return detailPage(catalog.latest(code), model, Map.of());
    }

    @GetMapping("/{code}/versions/{version}")
    public String version(@PathVariable String code, @PathVariable int version, Model model) {
        return detailPage(catalog.version(code, version), model, Map.of());
    }

    private String detailPage(ProcedureDetail p, Model model, Map<String, String> errors) {
        model.addAttribute("p", p);
        model.addAttribute("history", catalog.history(p.code()));
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("decidedOn")) {
            model.addAttribute("decidedOn", LocalDate.now(clock));
        }
        return "catalog/procedure";
    }

    @PostMapping("/{code}/publish")
    public String publish(@PathVariable String code, @RequestParam(defaultValue = "") String decision,
                          @RequestParam(required = false) LocalDate decidedOn,
                          @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        try {
            ProcedureDetail p = catalog.publish(code, decision, decidedOn, me.getUsername());
            redirect.addFlashAttribute("flash", msg("procedure.publishedFlash", p.code(), p.version()));
        } catch (InvalidInput e) {
            model.addAttribute("decision", decision);
            model.addAttribute("decidedOn", decidedOn);
            return detailPage(catalog.latest(code), model, messagesOf(e));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/procedures/" + code;
    }

    @PostMapping("/{code}/withdraw")
    public String withdraw(@PathVariable String code, @RequestParam(defaultValue = "") String withdrawDecision,
                           @RequestParam(required = false) LocalDate withdrawnOn,
                           @RequestParam(defaultValue = "") String reason,
                           @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        try {
            catalog.withdraw(code, withdrawDecision, withdrawnOn, reason, me.getUsername());
            redirect.addFlashAttribute("flash", msg("procedure.withdrawnFlash", code));
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            messagesOf(e).forEach((k, v) -> errors.put(switch (k) {
                case "decision" -> "withdrawDecision";
                case "decidedOn" -> "withdrawnOn";
                default -> k;
            }, v));
            model.addAttribute("withdrawDecision", withdrawDecision);
            model.addAttribute("reason", reason);
            return detailPage(catalog.latest(code), model, errors);
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/procedures/" + code;
    }

    private Map<String, String> messagesOf(InvalidInput e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.fieldErrors().forEach((f, k) -> out.put(f, messages.getMessage(k, e.args(f), k, LocaleContextHolder.getLocale())));
        return out;
    }

    // --- import and export ---------------------------------------------------------------------------

    @GetMapping("/export.json")
    public ResponseEntity<byte[]> exportJson() {
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(catalog.exportAll());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("json")).body(body);
    }

    @GetMapping("/export.xlsx")
    public ResponseEntity<byte[]> exportXlsx() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("xlsx")).body(catalog.exportXlsx());
    }

    private static String attachment(String extension) {
        return ContentDisposition.attachment().filename("thu-tuc-hanh-chinh." + extension, StandardCharsets.UTF_8)
                .build().toString();
    }

    @GetMapping("/import")
    public String importForm() {
        return "catalog/import";
    }

    @PostMapping("/import")
    public String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
                             @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", msg("procedure.import.noFile"));
            return "catalog/import";
        }
        byte[] bytes = file.getBytes();
        boolean xlsx = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        try {
            ImportReport report = xlsx ? catalog.importXlsx(new ByteArrayInputStream(bytes), me.getUsername())
                    : catalog.importJson(new ByteArrayInputStream(bytes), me.getUsername());
            redirect.addFlashAttribute("flash", msg("procedure.import.done", report.created().size(),
                    report.updated().size(), report.unchanged().size(), report.published().size()));
            return "redirect:/admin/procedures";
        } catch (ImportRejected e) {
            List<Map<String, Object>> rows = new ArrayList<>();
            e.errors().forEach(err -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sheet", err.sheet());
                row.put("row", err.row());
                row.put("code", err.code());
                row.put("field", err.field());
                row.put("message", messages.getMessage(err.messageKey(), err.args(), err.messageKey(),
                        LocaleContextHolder.getLocale()));
                rows.add(row);
            });
            model.addAttribute("importErrors", rows);
            model.addAttribute("fileName", file.getOriginalFilename());
            return "catalog/import";
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
