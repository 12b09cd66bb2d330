package vn.motcua.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.shared.PageController;
import vn.motcua.shared.PageResult;
import vn.motcua.organization.UnitLevel;

/**
 * The public catalogue, without login: search as one types (htmx swaps the
 * results only), filters by field, level, agency and online level, paging, and
 * a printable page per procedure. Only published versions are shown.
 */
@PageController
@RequestMapping("/public/procedures")
public class PublicProcedureController {

    static final int PAGE_SIZE = 20;

    private final CatalogService catalog;

    public PublicProcedureController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public String search(@RequestParam(defaultValue = "") String q,
                         @RequestParam(required = false) UnitLevel level,
                         @RequestParam(defaultValue = "") String field,
                         @RequestParam(required = false) Long agency,
                         @RequestParam(required = false) OnlineLevel onlineLevel,
                         @RequestParam(defaultValue = "0") int page,
                         HttpServletRequest request, Model model) {
        ProcedureQuery query = new ProcedureQuery(q, level, field.isBlank() ? null : field, agency, onlineLevel, page, PAGE_SIZE);
        PageResult<ProcedureSummary> result = catalog.searchPublished(query);
        model.addAttribute("result", result);
        pageWindow(model, result);
        model.addAttribute("q", q);
        model.addAttribute("level", level);
        model.addAttribute("field", field);
        model.addAttribute("agency", agency);
        model.addAttribute("onlineLevel", onlineLevel);
        if (request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null) {
            return "catalog/public-procedures :: results";
        }
        model.addAttribute("fields", catalog.publishedFields());
        model.addAttribute("agencies", catalog.publishedAgencies());
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("onlineLevels", OnlineLevel.values());
        return "catalog/public-procedures";
    }

    /** The page links shown: up to five on each side of the current page. */
    static void pageWindow(Model model, PageResult<?> result) {
        int last = Math.max(result.totalPages() - 1, 0);
        model.addAttribute("pageFrom", Math.max(0, Math.min(result.page(), last) - 5));
        model.addAttribute("pageTo", Math.min(last, result.page() + 5));
    }

    @GetMapping("/{code}")
    public String detail(@PathVariable String code, Model model) {
        model.addAttribute("p", catalog.published(code));
        return "catalog/public-procedure";
    }
}
