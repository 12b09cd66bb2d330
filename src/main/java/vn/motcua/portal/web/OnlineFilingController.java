package vn.motcua.portal.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.dossier.DossierView;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.FilingDraft;
import vn.motcua.portal.OnlineFiling;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.WarehouseDocument;

/**
 * The online filing wizard: start from a procedure, then three steps —
 * details (case, commune, contact), components (upload or reuse from the
 * warehouse, one form per component so each works on a phone), review and
 * submit. Every step saves the draft, so the citizen can leave and come back.
 */
@PageController
public class OnlineFilingController {

    private final OnlineFiling filing;
    private final vn.motcua.portal.CitizenRecords records;
    private final FileService files;
    private final MessageSource messages;

    public OnlineFilingController(OnlineFiling filing, vn.motcua.portal.CitizenRecords records, FileService files,
                                  MessageSource messages) {
        this.filing = filing;
        this.records = records;
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/portal/file/{code}")
    public String start(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        ProcedureDetail p = filing.onlineProcedure(code);
        model.addAttribute("p", p);
        model.addAttribute("drafts", filing.drafts(me).stream().filter(d -> d.procedureCode().equals(p.code())).toList());
        return "portal/file-start";
    }

    @PostMapping("/portal/file/{code}")
    public String create(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me) {
        FilingDraft d = filing.start(me, code);
        return "redirect:/portal/drafts/" + d.id();
    }

    // --- step 1: details ---------------------------------------------------------------------------

    @GetMapping("/portal/drafts/{id}")
    public String details(@PathVariable UUID id, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        FilingDraft d = filing.draft(me, id);
        if (d.submitted()) {
            return "redirect:/portal/dossiers/" + d.dossierCode();
        }
        return detailsPage(d, me, model, Map.of());
    }

    @PostMapping("/portal/drafts/{id}")
    public String saveDetails(@PathVariable UUID id, @AuthenticationPrincipal CitizenPrincipal me,
                              @RequestParam(required = false) String caseId,
                              @RequestParam(required = false) Long competentUnitId,
                              @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                              @RequestParam(required = false) String address, Model model) {
        try {
            filing.saveDetails(me, id, caseId, competentUnitId, phone, email, address);
            return "redirect:/portal/drafts/" + id + "/components";
        } catch (InvalidInput e) {
            FilingDraft typed = filing.draft(me, id);
            typed = new FilingDraft(typed.id(), typed.accountId(), typed.identityNumber(), typed.procedureCode(), caseId,
                    competentUnitId, phone, email, address, typed.status(), typed.dossierCode(), typed.components(),
                    typed.updatedAt(), typed.version());
            return detailsPage(typed, me, model, e.fieldErrors());
        }
    }

    private String detailsPage(FilingDraft d, CitizenPrincipal me, Model model, Map<String, String> errors) {
        ProcedureDetail p = filing.onlineProcedure(d.procedureCode());
        model.addAttribute("d", d);
        model.addAttribute("p", p);
        model.addAttribute("step", 1);
        model.addAttribute("errors", errors);
        model.addAttribute("applicant", me.applicant());
        if (p.level() == vn.motcua.organization.UnitLevel.COMMUNE) {
            model.addAttribute("communes", filing.communes());
        }
        return "portal/draft-details";
    }

    // --- step 2: components -------------------------------------------------------------------------

    @GetMapping("/portal/drafts/{id}/components")
    public String components(@PathVariable UUID id, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        FilingDraft d = filing.draft(me, id);
        if (d.submitted()) {
            return "redirect:/portal/dossiers/" + d.dossierCode();
        }
        return componentsPage(d, me, model, null, null);
    }

    @PostMapping("/portal/drafts/{id}/components/{seq}/upload")
    public String upload(@PathVariable UUID id, @PathVariable int seq, @AuthenticationPrincipal CitizenPrincipal me,
                         @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "file.empty");
            }
            filing.upload(me, id, seq, file.getOriginalFilename(), file.getInputStream());
            return "redirect:/portal/drafts/" + id + "/components#c" + seq;
        } catch (InvalidInput e) {
            return componentsPage(filing.draft(me, id), me, model, seq, firstError(e));
        }
    }

    @PostMapping("/portal/drafts/{id}/components/{seq}/reuse")
    public String reuse(@PathVariable UUID id, @PathVariable int seq, @AuthenticationPrincipal CitizenPrincipal me,
                        @RequestParam(required = false) UUID documentId, Model model) {
        try {
            filing.reuse(me, id, seq, documentId);
            return "redirect:/portal/drafts/" + id + "/components#c" + seq;
        } catch (InvalidInput e) {
            return componentsPage(filing.draft(me, id), me, model, seq, firstError(e));
        }
    }

    @PostMapping("/portal/drafts/{id}/components/{seq}/clear")
    public String clear(@PathVariable UUID id, @PathVariable int seq, @AuthenticationPrincipal CitizenPrincipal me) {
        filing.clear(me, id, seq);
        return "redirect:/portal/drafts/" + id + "/components#c" + seq;
    }

    private String componentsPage(FilingDraft d, CitizenPrincipal me, Model model, Integer errorSeq, String errorKey) {
        ProcedureDetail p = filing.onlineProcedure(d.procedureCode());
        java.time.LocalDate today = java.time.LocalDate.now(vn.motcua.calendar.CalendarService.ZONE);
        List<WarehouseDocument> usable = records.documents(records.viewer(me)).stream()
                .filter(doc -> doc.validOn(today)).toList();
        model.addAttribute("d", d);
        model.addAttribute("p", p);
        model.addAttribute("step", 2);
        model.addAttribute("documents", usable);
        model.addAttribute("errorSeq", errorSeq);
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("maxMegabytes", files.maxBytes() / (1024 * 1024));
        return "portal/draft-components";
    }

    // --- step 3: review and submit -------------------------------------------------------------------

    @GetMapping("/portal/drafts/{id}/review")
    public String review(@PathVariable UUID id, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        FilingDraft d = filing.draft(me, id);
        if (d.submitted()) {
            return "redirect:/portal/dossiers/" + d.dossierCode();
        }
        return reviewPage(d, me, model, Map.of());
    }

    @PostMapping("/portal/drafts/{id}/submit")
    public String submit(@PathVariable UUID id, @AuthenticationPrincipal CitizenPrincipal me,
                         @org.springframework.web.bind.annotation.RequestParam(required = false) String populationLookupId,
                         Model model, RedirectAttributes redirect) {
        try {
            DossierView filed = filing.submit(me, id, populationLookupId);
            redirect.addFlashAttribute("flash", messages.getMessage("portal.filing.done", new Object[] {filed.code()},
                    LocaleContextHolder.getLocale()));
            return "redirect:/portal/dossiers/" + filed.code();
        } catch (InvalidInput e) {
            return reviewPage(filing.draft(me, id), me, model, e.fieldErrors());
        }
    }

    @PostMapping("/portal/drafts/{id}/discard")
    public String discard(@PathVariable UUID id, @AuthenticationPrincipal CitizenPrincipal me, RedirectAttributes redirect) {
        filing.discard(me, id);
        redirect.addFlashAttribute("flash", messages.getMessage("portal.filing.discarded", null, LocaleContextHolder.getLocale()));
        return "redirect:/portal";
    }

    private String reviewPage(FilingDraft d, CitizenPrincipal me, Model model, Map<String, String> errors) {
        ProcedureDetail p = filing.onlineProcedure(d.procedureCode());
        model.addAttribute("d", d);
        model.addAttribute("p", p);
        model.addAttribute("chosenCase", p.caseById(d.caseId()));
        model.addAttribute("step", 3);
        model.addAttribute("errors", errors);
        model.addAttribute("applicant", me.applicant());
        model.addAttribute("commune", d.competentUnitId() == null ? null
                : filing.communes().stream().filter(u -> u.id() == d.competentUnitId()).findFirst().orElse(null));
        model.addAttribute("appointment", filing.estimatedAppointment(d)
                .map(i -> i.atZone(vn.motcua.calendar.CalendarService.ZONE).toLocalDateTime()).orElse(null));
        return "portal/draft-review";
    }

    private static String firstError(InvalidInput e) {
        return e.fieldErrors().values().stream().findFirst().orElse("portal.filing.invalid");
    }
}
