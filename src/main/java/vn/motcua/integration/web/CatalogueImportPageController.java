package vn.motcua.integration.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.integration.CatalogueImportReport;
import vn.motcua.integration.CatalogueImportRow;
import vn.motcua.integration.CatalogueImports;
import vn.motcua.integration.Finding;
import vn.motcua.integration.internal.catalogue.NoteTexts;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;

/**
 * Administrators import procedures as the national database publishes them
 * into drafts: upload a file or fetch from the national database, then read
 * the report of every record (parsed, guessed, needs a person) with links to
 * the drafts. /admin/** is for administrators only (security configuration).
 */
@PageController
@RequestMapping("/admin/catalogue-imports")
public class CatalogueImportPageController {

    /** A row with its notes in the reader's language, one list per finding. */
    public record RowView(CatalogueImportRow row, List<String> parsed, List<String> guessed, List<String> needsPerson) {
    }

    private final CatalogueImports imports;
    private final NoteTexts texts;
    private final MessageSource messages;

    public CatalogueImportPageController(CatalogueImports imports, NoteTexts texts, MessageSource messages) {
        this.imports = imports;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping
    public String list(Model model) {
        model.addAttribute("imports", imports.recent(50));
        model.addAttribute("nationalConfigured", imports.nationalConfigured());
        return "integration/catalogue-imports";
    }

    @PostMapping
    public String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                         @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", msg("catimport.noFile"));
            return list(model);
        }
        try {
            CatalogueImportReport report = imports.importFile(file.getOriginalFilename(), file.getBytes(), me.getUsername());
            return done(report, redirect);
        } catch (InvalidInput e) {
            model.addAttribute("fileError", msg(e.fieldErrors().values().iterator().next()));
            return list(model);
        }
    }

    @PostMapping("/fetch")
    public String fetch(@RequestParam(name = "codes", required = false) String codes,
                        @AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
        List<String> wanted = codes == null ? List.of() : Arrays.stream(codes.split("[,;\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        try {
            return done(imports.importFromNational(wanted, me.getUsername()), redirect);
        } catch (InvalidInput e) {
            model.addAttribute("codesError", msg(e.fieldErrors().values().iterator().next()));
            return list(model);
        }
    }

    private String done(CatalogueImportReport report, RedirectAttributes redirect) {
        if (report.error() == null) {
            redirect.addFlashAttribute("flash", msg("catimport.done", report.total(), report.parsed(), report.guessed(),
                    report.needsPerson()));
        }
        return "redirect:/admin/catalogue-imports/" + report.id();
    }

    @GetMapping("/{id}")
    public String report(@PathVariable long id, Model model) {
        CatalogueImportReport report = imports.report(id);
        Locale locale = LocaleContextHolder.getLocale();
        List<RowView> rows = report.rows().stream().map(r -> new RowView(r,
                r.notes(Finding.PARSED).stream().map(n -> texts.text(n, locale)).toList(),
                r.notes(Finding.GUESSED).stream().map(n -> texts.text(n, locale)).toList(),
                r.notes(Finding.NEEDS_PERSON).stream().map(n -> texts.text(n, locale)).toList())).toList();
        model.addAttribute("report", report);
        model.addAttribute("rows", rows);
        return "integration/catalogue-import";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
