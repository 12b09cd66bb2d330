package vn.motcua.reform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.indicators.IndicatorService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.ParIndexService;
import vn.motcua.reform.internal.parindex.ParIndexWorkbook;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.PageController;

/** The PAR INDEX pages: the trees, a unit's sheet (self-score, appraisal), the ranking and its XLSX. */
@PageController
@RequestMapping("/reform/par")
public class ParIndexPageController {

    private final ParIndexService par;
    private final IndicatorService indicators;
    private final ParIndexWorkbook workbook;
    private final MessageSource messages;
    private final JsonMapper json;

    public ParIndexPageController(ParIndexService par, IndicatorService indicators, ParIndexWorkbook workbook, MessageSource messages,
                                  JsonMapper json) {
        this.par = par;
        this.indicators = indicators;
        this.workbook = workbook;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    public String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("trees", par.trees(me));
        model.addAttribute("units", indicators.scoredUnits(par.scope(me)));
        model.addAttribute("canImport", me.hasRole("ADMIN"));
        return "reform/par";
    }

    @PostMapping("/trees")
    public String importTree(@RequestParam(defaultValue = "") String document, @AuthenticationPrincipal StaffPrincipal me,
                             HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        par.requireAdmin(me);
        try {
            var s = par.importTree(parse(document), me, request.getRemoteAddr());
            redirect.addFlashAttribute("flash", messages.getMessage("reform.par.tree.imported", new Object[] {s.year()}, locale));
        } catch (InvalidInput | DomainRuleViolation | InvalidParameter e) {
            ReformPageErrors.show(e, model, messages, locale);
            model.addAttribute("document", document);
            return home(me, model);
        }
        return "redirect:/reform/par";
    }

    private vn.motcua.reform.ParIndexView.TreeDocument parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidParameter("document", "reform.par.tree.body");
        }
        try {
            return json.readValue(body, vn.motcua.reform.ParIndexView.TreeDocument.class);
        } catch (RuntimeException e) {
            throw new InvalidParameter("document", "reform.par.tree.body");
        }
    }

    /** The trees list's "open" form: the year and the unit picked. */
    @GetMapping("/go")
    public String go(@RequestParam int year, @RequestParam long unit, @AuthenticationPrincipal StaffPrincipal me) {
        par.scope(me);
        return "redirect:/reform/par/" + year + "/units/" + unit;
    }

    @GetMapping("/{year}/units/{unitId}")
    public String sheet(@PathVariable int year, @PathVariable long unitId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                        @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("sheet", par.sheet(year, unitId, asOf, me));
        model.addAttribute("canSelfScore", me.hasRole("LEADER"));
        model.addAttribute("canAppraise", me.hasRole("SUPERVISOR"));
        return "reform/par-sheet";
    }

    @PostMapping("/{year}/units/{unitId}/scores/{code}")
    public String selfScore(@PathVariable int year, @PathVariable long unitId, @PathVariable String code,
                            @RequestParam(required = false) BigDecimal score, @RequestParam(defaultValue = "") String note,
                            @RequestParam(defaultValue = "") String evidence, @AuthenticationPrincipal StaffPrincipal me,
                            HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            par.selfScore(year, unitId, code, score, note, evidence, me, request.getRemoteAddr());
        } catch (InvalidInput | DomainRuleViolation e) {
            ReformPageErrors.show(e, model, messages, locale);
            model.addAttribute("failedCode", code);
            return sheet(year, unitId, null, me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("reform.par.saved", new Object[] {code}, locale));
        return "redirect:/reform/par/" + year + "/units/" + unitId + "#c-" + code;
    }

    @PostMapping("/{year}/units/{unitId}/appraisals/{code}")
    public String appraise(@PathVariable int year, @PathVariable long unitId, @PathVariable String code,
                           @RequestParam(required = false) BigDecimal score, @RequestParam(defaultValue = "") String note,
                           @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model, Locale locale,
                           RedirectAttributes redirect) {
        try {
            par.appraise(year, unitId, code, score, note, me, request.getRemoteAddr());
        } catch (InvalidInput | DomainRuleViolation e) {
            ReformPageErrors.show(e, model, messages, locale);
            model.addAttribute("failedCode", code);
            return sheet(year, unitId, null, me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("reform.par.saved", new Object[] {code}, locale));
        return "redirect:/reform/par/" + year + "/units/" + unitId + "#c-" + code;
    }

    @GetMapping("/{year}/ranking")
    public String ranking(@PathVariable int year, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("tree", par.tree(year, me));
        model.addAttribute("rows", par.ranking(year, me));
        return "reform/par-ranking";
    }

    @GetMapping("/{year}/scores.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable int year, @AuthenticationPrincipal StaffPrincipal me, Locale locale) {
        byte[] bytes = workbook.xlsx(par.matrix(year, me), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("par-index-" + year + ".xlsx").build()
                        .toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).body(bytes);
    }
}
