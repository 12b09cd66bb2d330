package vn.motcua.portal.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.SlipKind;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.CitizenRecords;
import vn.motcua.portal.RatingService;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/**
 * The citizen's own pages: "my dossiers" with everything about each (status,
 * appointment, steps, history, papers, slips, the result), rating a returned
 * dossier, the personal data warehouse with uploads, and file downloads. What
 * the account may see is {@link CitizenRecords}' to say: everything filed
 * under its identity number once the number is proven, else only what it
 * filed and uploaded itself (the pages say how to prove it). Anything else is
 * 404, as if it did not exist.
 */
@PageController
public class MyDossiersController {

    private final CitizenRecords records;
    private final RatingService ratings;
    private final FileService files;
    private final vn.motcua.portal.OnlineFiling filing;
    private final vn.motcua.portal.CitizenDocuments documents;
    private final IdentityNotice notice;
    private final MessageSource messages;

    public MyDossiersController(CitizenRecords records, RatingService ratings, FileService files,
                                vn.motcua.portal.OnlineFiling filing, vn.motcua.portal.CitizenDocuments documents,
                                IdentityNotice notice, MessageSource messages) {
        this.records = records;
        this.documents = documents;
        this.ratings = ratings;
        this.files = files;
        this.filing = filing;
        this.notice = notice;
        this.messages = messages;
    }

    @GetMapping("/portal/dossiers")
    public String list(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
        CitizenRecords.Viewer v = records.viewer(me);
        model.addAttribute("result", records.dossiers(v, page, 20));
        model.addAttribute("drafts", filing.drafts(me));
        notice.addTo(model, v);
        return "portal/my-dossiers";
    }

    @GetMapping("/portal/dossiers/{code}")
    public String detail(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me, Model model) {
        CitizenRecords.Viewer v = records.viewer(me);
        return detailPage(records.dossier(v, code), v, model, null);
    }

    @PostMapping("/portal/dossiers/{code}/rating")
    public String rate(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me,
                       @RequestParam(required = false) RatingService.Rating rating,
                       @RequestParam(required = false) java.util.List<String> reasons,
                       @RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
        CitizenRecords.Viewer v = records.viewer(me);
        DossierView d = records.dossier(v, code);
        try {
            ratings.rate(d.code(), new RatingService.RateDossier(rating, reasons, comment), RatingService.Channel.PORTAL, null);
            redirect.addFlashAttribute("flash", messages.getMessage("rating.thanks", null, LocaleContextHolder.getLocale()));
            return "redirect:/portal/dossiers/" + d.code();
        } catch (DomainRuleViolation e) {
            return detailPage(d, v, model, e.messageKey());
        } catch (InvalidInput e) {
            return detailPage(d, v, model, RatingController.errorKey(e));
        }
    }

    /** The papers a supplement request asked for, sent online: one file per requested item, any number at once. */
    @PostMapping("/portal/dossiers/{code}/supplement")
    public String supplement(@PathVariable String code, @AuthenticationPrincipal CitizenPrincipal me,
                             org.springframework.web.multipart.MultipartHttpServletRequest request, Model model,
                             RedirectAttributes redirect) {
        CitizenRecords.Viewer v = records.viewer(me);
        DossierView d = records.dossier(v, code);
        java.util.Map<String, vn.motcua.dossier.Upload> papers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < d.supplementItems().size(); i++) {
            MultipartFile f = request.getFile("paper-" + i);
            papers.put(d.supplementItems().get(i), f == null || f.isEmpty() ? null
                    : new vn.motcua.dossier.Upload(f.getOriginalFilename(), f));
        }
        try {
            records.supplement(v, d.code(), papers);
            redirect.addFlashAttribute("flash", messages.getMessage("portal.dossier.supplementSent", null,
                    LocaleContextHolder.getLocale()));
            return "redirect:/portal/dossiers/" + d.code();
        } catch (InvalidInput e) {
            java.util.List<String> shown = new java.util.ArrayList<>();
            e.fieldErrors().forEach((field, key) -> {
                String text = messages.getMessage(key, null, LocaleContextHolder.getLocale());
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("papers\\[(\\d+)]").matcher(field);
                shown.add(m.matches() ? d.supplementItems().get(Integer.parseInt(m.group(1))) + ": " + text : text);
            });
            model.addAttribute("supplementErrors", shown);
            return detailPage(d, v, model, null);
        }
    }

    private String detailPage(DossierView d, CitizenRecords.Viewer v, Model model, String ratingError) {
        model.addAttribute("d", d);
        model.addAttribute("proven", v.proven());
        model.addAttribute("openable", records.openableFiles(v, d));
        model.addAttribute("history", records.history(v, d.code()));
        model.addAttribute("returned", d.statusCode() == DossierStatus.RETURNED.code());
        model.addAttribute("rated", ratings.rated(d.code()));
        model.addAttribute("ratingError", ratingError);
        model.addAttribute("answers", RatingService.Rating.values());
        model.addAttribute("ratingReasons", ratings.reasons());
        model.addAttribute("receipt", d.receivedAt() != null);
        if (!model.containsAttribute("supplementErrors")) {
            model.addAttribute("supplementErrors", java.util.List.of());
        }
        return "portal/my-dossier";
    }

    @GetMapping("/portal/dossiers/{code}/slips/{kind}")
    public ResponseEntity<byte[]> slip(@PathVariable String code, @PathVariable String kind,
                                       @AuthenticationPrincipal CitizenPrincipal me) {
        SlipKind k = SlipKind.fromPath(kind).orElseThrow(() -> new NotFound("slip " + kind));
        byte[] pdf = records.slip(records.viewer(me), code, k);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline().filename(code + "-" + k.path() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/portal/files/{id}")
    public ResponseEntity<InputStreamResource> file(@PathVariable String id, @AuthenticationPrincipal CitizenPrincipal me)
            throws IOException {
        UUID uuid = vn.motcua.warehouse.FileDownloads.id(id);
        StoredFile f = records.file(records.viewer(me), uuid);
        return vn.motcua.warehouse.FileDownloads.inline(f, files);
    }

    // --- the personal data warehouse -------------------------------------------------------------

    @GetMapping("/portal/warehouse")
    public String warehouse(@AuthenticationPrincipal CitizenPrincipal me, Model model) {
        return warehousePage(me, model, null, null, null);
    }

    /** The citizen adds a paper of their own (a certified e-copy or another document), with an optional validity. */
    @PostMapping("/portal/warehouse")
    public String addDocument(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(required = false) MultipartFile file,
                              @RequestParam(required = false) String title,
                              @RequestParam(required = false) DocumentKind kind,
                              @RequestParam(required = false) LocalDate validUntil, Model model,
                              RedirectAttributes redirect) throws IOException {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        String cleanTitle = vn.motcua.shared.Texts.clean(title);
        if (cleanTitle == null) {
            errors.put("title", "validation.required");
        } else if (cleanTitle.length() > 500) {
            errors.put("title", "validation.tooLong");
        }
        DocumentKind chosen = kind == DocumentKind.CERTIFIED_COPY ? DocumentKind.CERTIFIED_COPY : DocumentKind.OTHER;
        if (validUntil != null && validUntil.isBefore(LocalDate.now(vn.motcua.calendar.CalendarService.ZONE))) {
            errors.put("validUntil", "portal.warehouse.validUntil.past");
        }
        if (file == null || file.isEmpty()) {
            errors.put("file", "file.empty");
        }
        if (!errors.isEmpty()) {
            return warehousePage(me, model, errors, cleanTitle, validUntil);
        }
        try {
            documents.add(me, file.getOriginalFilename(), file.getInputStream(), chosen, cleanTitle, validUntil);
        } catch (InvalidInput e) {
            return warehousePage(me, model, e.fieldErrors(), cleanTitle, validUntil);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("portal.warehouse.added", new Object[] {cleanTitle},
                LocaleContextHolder.getLocale()));
        return "redirect:/portal/warehouse";
    }

    private String warehousePage(CitizenPrincipal me, Model model, java.util.Map<String, String> errors, String title,
                                 LocalDate validUntil) {
        CitizenRecords.Viewer v = records.viewer(me);
        model.addAttribute("documents", records.documents(v));
        notice.addTo(model, v);
        model.addAttribute("today", LocalDate.now(vn.motcua.calendar.CalendarService.ZONE));
        model.addAttribute("errors", errors == null ? java.util.Map.of() : errors);
        model.addAttribute("docTitle", title); // not "title": the layout names its title fragment so
        model.addAttribute("validUntil", validUntil);
        model.addAttribute("maxMegabytes", files.maxBytes() / (1024 * 1024));
        return "portal/warehouse";
    }
}
