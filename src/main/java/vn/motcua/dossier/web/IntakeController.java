package vn.motcua.dossier.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.CalendarNotDefinedException;
import vn.motcua.calendar.CalendarService;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.dossier.Upload;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * The one-stop officer's intake page: find the procedure by typing (without
 * diacritics), pick the case, enter the applicant, tick the components, see the
 * appointment the calendar gives, confirm, print the receipt.
 */
@PageController
@RequestMapping("/dossiers/new")
public class IntakeController {

    private final CatalogService catalog;
    private final DossierService dossiers;
    private final CalendarService calendars;
    private final MessageSource messages;

    private final vn.motcua.organization.OrganizationService org;

    public IntakeController(CatalogService catalog, DossierService dossiers, CalendarService calendars, MessageSource messages,
                            vn.motcua.organization.OrganizationService org) {
        this.org = org;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.calendars = calendars;
        this.messages = messages;
    }

    /** The intake form as the page binds it. */
    public static class IntakeForm {
        private String procedureCode;
        private String caseId;
        private Long competentUnitId;
        /** The population database look-up that filled the applicant's fields, if any. */
        private String populationLookupId;
        private ApplicantKind kind = ApplicantKind.PERSON;
        private String fullName;
        private String idNumber;
        private String taxCode;
        private String phone;
        private String email;
        private String address;
        private List<Row> components = new ArrayList<>();

        /** One component line: ticked, with its numbers of originals and copies. */
        public static class Row {
            private String name;
            private boolean checked;
            private int originals;
            private int copies;
            private org.springframework.web.multipart.MultipartFile file;

            public org.springframework.web.multipart.MultipartFile getFile() { return file; }
            public void setFile(org.springframework.web.multipart.MultipartFile file) { this.file = file; }
            /** Whether a scanned file came with this line. */
            public boolean hasFile() { return file != null && !file.isEmpty(); }
            public String getName() { return name; }
            public void setName(String name) { this.name = name; }
            public boolean isChecked() { return checked; }
            public void setChecked(boolean checked) { this.checked = checked; }
            public int getOriginals() { return originals; }
            public void setOriginals(int originals) { this.originals = originals; }
            public int getCopies() { return copies; }
            public void setCopies(int copies) { this.copies = copies; }
        }

        public String getProcedureCode() { return procedureCode; }
        public void setProcedureCode(String procedureCode) { this.procedureCode = procedureCode; }
        public Long getCompetentUnitId() { return competentUnitId; }
        public String getPopulationLookupId() { return populationLookupId; }
        public void setPopulationLookupId(String populationLookupId) { this.populationLookupId = populationLookupId; }
        public void setCompetentUnitId(Long competentUnitId) { this.competentUnitId = competentUnitId; }
        public String getCaseId() { return caseId; }
        public void setCaseId(String caseId) { this.caseId = caseId; }
        public ApplicantKind getKind() { return kind; }
        public void setKind(ApplicantKind kind) { this.kind = kind; }
        public String getFullName() { return fullName; }
        public void setFullName(String fullName) { this.fullName = fullName; }
        public String getIdNumber() { return idNumber; }
        public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
        public String getTaxCode() { return taxCode; }
        public void setTaxCode(String taxCode) { this.taxCode = taxCode; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public List<Row> getComponents() { return components; }
        public void setComponents(List<Row> components) { this.components = components; }
    }

    @GetMapping
    public String form(@RequestParam(required = false) String procedure, Model model) {
        IntakeForm form = new IntakeForm();
        if (procedure != null) {
            form.setProcedureCode(procedure);
        }
        return page(form, model, Map.of());
    }

    /** htmx: procedures whose name or code matches what the officer types. */
    @GetMapping("/procedures")
    public String procedures(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("found", q.isBlank() ? List.of() : catalog.searchPublished(ProcedureQuery.text(q)).items());
        model.addAttribute("q", q);
        return "dossier/intake :: procedureResults";
    }

    /** htmx: the chosen procedure's cases, components and appointment. */
    @GetMapping("/procedure")
    public String procedure(@RequestParam String code, @RequestParam(required = false) String caseId, Model model) {
        IntakeForm form = new IntakeForm();
        form.setProcedureCode(code);
        form.setCaseId(caseId);
        fillProcedure(form, model);
        return "dossier/intake :: procedurePart";
    }

    @PostMapping
    public String file(@ModelAttribute("form") IntakeForm form, @AuthenticationPrincipal StaffPrincipal me, Model model,
                       RedirectAttributes redirect) {
        Applicant applicant = new Applicant(form.getKind(), form.getFullName(), form.getIdNumber(), form.getTaxCode(),
                form.getPhone(), form.getEmail(), form.getAddress());
        List<IntakeForm.Row> ticked = form.getComponents().stream().filter(IntakeForm.Row::isChecked).toList();
        List<ComponentItem> items = ticked.stream()
                .map(r -> new ComponentItem(r.getName(), r.getOriginals(), r.getCopies(), null, 0)).toList();
        // a scanned paper goes with its component and is recorded as digitised (state 1) at filing
        List<Upload> scans = ticked.stream()
                .map(r -> r.hasFile() ? new Upload(r.getFile().getOriginalFilename(), r.getFile()) : null).toList();
        try {
            DossierView d = dossiers.file(new FileDossier(form.getProcedureCode(), form.getCaseId(), Channel.IN_PERSON,
                    applicant, items, null, null, form.getCompetentUnitId(), form.getPopulationLookupId()), scans, me);
            redirect.addFlashAttribute("flash", messages.getMessage("intake.done", new Object[] {d.code()},
                    LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("justReceived", true);
            return "redirect:/dossiers/" + d.code();
        } catch (InvalidInput e) {
            // errors name the ticked components' positions; the page lists every component
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((k, v) -> {
                java.util.regex.Matcher m = COMPONENT_FIELD.matcher(k);
                if (m.matches() && Integer.parseInt(m.group(1)) < ticked.size()) {
                    int row = form.getComponents().indexOf(ticked.get(Integer.parseInt(m.group(1))));
                    errors.put("components[" + row + "]" + m.group(2), v);
                } else {
                    errors.put(k, v);
                }
            });
            return page(form, model, errors);
        } catch (DomainRuleViolation | CalendarNotDefinedException e) {
            model.addAttribute("flashError", e instanceof DomainRuleViolation r
                    ? messages.getMessage(r.messageKey(), r.args(), LocaleContextHolder.getLocale())
                    : messages.getMessage("calendar.notDefined", new Object[] {((CalendarNotDefinedException) e).year()},
                            LocaleContextHolder.getLocale()));
            return page(form, model, Map.of());
        }
    }

    private static final java.util.regex.Pattern COMPONENT_FIELD = java.util.regex.Pattern.compile("components\\[(\\d+)](.*)");

    private String page(IntakeForm form, Model model, Map<String, String> errors) {
        model.addAttribute("form", form);
        Map<String, String> shown = new LinkedHashMap<>();
        Map<Integer, String> scanErrors = new java.util.HashMap<>();
        errors.forEach((k, v) -> {
            java.util.regex.Matcher m = COMPONENT_FIELD.matcher(k);
            if (m.matches()) {
                scanErrors.put(Integer.parseInt(m.group(1)), v);
            } else {
                shown.put(k.replace("applicant.", ""), v);
            }
        });
        // shown again after a refused filing: a browser never refills a file input, so say which lines need their scan
        for (int i = 0; i < form.getComponents().size(); i++) {
            if (form.getComponents().get(i).hasFile()) {
                scanErrors.putIfAbsent(i, "intake.scan.again");
            }
        }
        model.addAttribute("errors", shown);
        model.addAttribute("scanErrors", scanErrors);
        model.addAttribute("kinds", ApplicantKind.values());
        if (form.getProcedureCode() != null && !form.getProcedureCode().isBlank()) {
            fillProcedure(form, model);
        }
        return "dossier/intake";
    }

    private void fillProcedure(IntakeForm form, Model model) {
        ProcedureDetail p = catalog.findPublished(form.getProcedureCode()).orElse(null);
        if (p == null) {
            return;
        }
        model.addAttribute("procedure", p);
        ProcedureCase c = p.cases().stream().filter(x -> x.id().equals(form.getCaseId())).findFirst().orElse(p.cases().get(0));
        form.setCaseId(c.id());
        model.addAttribute("chosenCase", c);
        if (p.level() == vn.motcua.organization.UnitLevel.COMMUNE) {
            // any centre may receive a commune-level dossier and route it to the competent commune
            model.addAttribute("communes", org.allUnits().stream().filter(u -> u.active()
                    && (u.kind() == vn.motcua.organization.UnitKind.COMMUNE || u.kind() == vn.motcua.organization.UnitKind.WARD)).toList());
        }
        if (form.getComponents().isEmpty()) {
            List<IntakeForm.Row> rows = new ArrayList<>();
            p.components().forEach(pc -> {
                IntakeForm.Row r = new IntakeForm.Row();
                r.setName(pc.name());
                r.setChecked(true);
                r.setOriginals(pc.originals() == null ? 0 : pc.originals());
                r.setCopies(pc.copies() == null ? 0 : pc.copies());
                rows.add(r);
            });
            form.setComponents(rows);
        }
        model.addAttribute("form", form);
        try {
            Instant due = calendars.due(Instant.now(), c.duration().amount(), c.duration().unit());
            model.addAttribute("appointment", due.atZone(CalendarService.ZONE).toLocalDateTime());
        } catch (CalendarNotDefinedException e) {
            model.addAttribute("appointmentMissingYear", e.year());
        }
        model.addAttribute("durationAmount", c.duration().amount().stripTrailingZeros().toPlainString());
        model.addAttribute("durationUnit", c.duration().unit());
    }

}
