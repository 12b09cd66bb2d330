package vn.motcua.audittrail.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.audit.AuditQuery;
import vn.motcua.audittrail.AuditRow;
import vn.motcua.audittrail.AuditSearch;
import vn.motcua.audittrail.api.AuditApiController;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageController;
import vn.motcua.shared.PageResult;

/**
 * The audit trail's pages: the search form with its results and export
 * links (supervisors), and the chain's verification with its answer
 * (supervisors and administrators).
 */
@PageController
@RequestMapping("/audit")
public class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditSearch search;
    private final OrganizationService organization;

    public AuditPageController(AuditSearch search, OrganizationService organization) {
        this.search = search;
        this.organization = organization;
    }

    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    public String page(@RequestParam(required = false) String actor, @RequestParam(required = false) Long unit,
                       @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
                       @RequestParam(required = false) String dossier, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        AuditQuery q = AuditSearch.query(actor, unit, subjectType, subjectId, dossier, kind, from, to);
        PageResult<AuditRow> result = search.search(q, page, PAGE_SIZE, me.getUsername());
        model.addAttribute("result", result);
        model.addAttribute("actor", q.actor());
        model.addAttribute("unit", q.unitId());
        model.addAttribute("subjectType", q.subjectType());
        model.addAttribute("subjectId", q.subjectId());
        model.addAttribute("dossier", q.dossierCode());
        model.addAttribute("kind", q.kind());
        model.addAttribute("from", from == null || from.isBlank() ? null : from.trim());
        model.addAttribute("to", to == null || to.isBlank() ? null : to.trim());
        model.addAttribute("units", organization.allUnits());
        model.addAttribute("kinds", search.kinds());
        int first = Math.max(0, result.page() - 9);
        model.addAttribute("pageFrom", first);
        model.addAttribute("pageTo", Math.max(first, Math.min(result.totalPages() - 1, first + 19)));
        return "audit/search";
    }

    @GetMapping("/export")
    @PreAuthorize("hasRole('SUPERVISOR')")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String actor, @RequestParam(required = false) Long unit,
                                         @RequestParam(required = false) String subjectType,
                                         @RequestParam(required = false) String subjectId,
                                         @RequestParam(required = false) String dossier,
                                         @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(defaultValue = "xlsx") String format,
                                         @AuthenticationPrincipal StaffPrincipal me) {
        AuditQuery q = AuditSearch.query(actor, unit, subjectType, subjectId, dossier, kind, from, to);
        return AuditApiController.file(search.export(q, format, me.getUsername()), format);
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public String verifyPage() {
        return "audit/verify";
    }

    @PostMapping("/verify")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public String verify(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("verification", search.verify(me.getUsername()));
        return "audit/verify";
    }
}
