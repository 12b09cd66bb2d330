package vn.motcua.reform.api;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.InspectionCommand;
import vn.motcua.reform.InspectionFindingCommand;
import vn.motcua.reform.InspectionFindingView;
import vn.motcua.reform.InspectionFixCommand;
import vn.motcua.reform.InspectionFixView;
import vn.motcua.reform.InspectionService;
import vn.motcua.reform.InspectionView;

/** Inspections, findings and fixes (docs/reform.md §2), with the service's guards. */
@RestController
@RequestMapping("/api/v1/reform")
public class InspectionApiController {

    /** A note: what the unit did (report) or why the fix is closed (close). */
    public record Note(String note) {
    }

    private final InspectionService inspections;

    public InspectionApiController(InspectionService inspections) {
        this.inspections = inspections;
    }

    @GetMapping("/inspections")
    public List<InspectionView> list(@RequestParam(required = false) Integer year, @AuthenticationPrincipal StaffPrincipal me) {
        return inspections.list(year, me);
    }

    @PostMapping("/inspections")
    public InspectionView schedule(@RequestBody(required = false) InspectionCommand body, @AuthenticationPrincipal StaffPrincipal me) {
        return inspections.schedule(body, me);
    }

    @GetMapping("/inspections/{id}")
    public InspectionView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return inspections.get(id, me);
    }

    @PostMapping("/inspections/{id}/findings")
    public InspectionFindingView finding(@PathVariable long id, @RequestBody(required = false) InspectionFindingCommand body,
                                         @AuthenticationPrincipal StaffPrincipal me) {
        return inspections.addFinding(id, body, me);
    }

    @PostMapping("/findings/{id}/fixes")
    public InspectionFixView fix(@PathVariable long id, @RequestBody(required = false) InspectionFixCommand body,
                                 @AuthenticationPrincipal StaffPrincipal me) {
        return inspections.requireFix(id, body, me);
    }

    @PostMapping("/fixes/{id}/report")
    public InspectionFixView report(@PathVariable long id, @RequestBody(required = false) Note body,
                                    @AuthenticationPrincipal StaffPrincipal me) {
        return inspections.reportFix(id, body == null ? null : body.note(), me);
    }

    @PostMapping("/fixes/{id}/close")
    public InspectionFixView close(@PathVariable long id, @RequestBody(required = false) Note body,
                                   @AuthenticationPrincipal StaffPrincipal me) {
        return inspections.closeFix(id, body == null ? null : body.note(), me);
    }
}
