package vn.motcua.reform.api;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
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
import vn.motcua.reform.ClassificationService;
import vn.motcua.reform.ClassificationView;
import vn.motcua.shared.InvalidParameter;

/** Civil servants' periodic assessments and the yearly classification of officers and agencies. */
@RestController
@RequestMapping("/api/v1/reform")
public class ClassificationApiController {

    /** Propose the scores of a unit's officers for a month ("MONTH", "2026-03") or quarter ("QUARTER", "2026-Q1"). */
    public record Propose(Long unit, String kind, String period) {
    }

    /** Confirm: the version read, and scores (omitted: as proposed) with a reason when they differ. */
    public record Confirm(Integer version, BigDecimal general, BigDecimal task, String reason) {
    }

    private final ClassificationService classification;

    public ClassificationApiController(ClassificationService classification) {
        this.classification = classification;
    }

    @PostMapping("/assessments/propose")
    public List<ClassificationView.OfficerAssessment> propose(@RequestBody(required = false) Propose body,
                                                              @AuthenticationPrincipal StaffPrincipal me) {
        classification.requireLeader(me);
        Propose b = body == null ? new Propose(null, null, null) : body;
        if (b.unit() == null) {
            throw new InvalidParameter("unit", "validation.required");
        }
        return classification.propose(b.unit(), b.kind(), b.period(), me);
    }

    @GetMapping("/assessments")
    public List<ClassificationView.OfficerAssessment> list(@RequestParam long unit, @RequestParam String kind,
                                                           @RequestParam String period, @AuthenticationPrincipal StaffPrincipal me) {
        return classification.list(unit, kind, period, me);
    }

    @GetMapping("/assessments/mine")
    public List<ClassificationView.OfficerAssessment> mine(@AuthenticationPrincipal StaffPrincipal me) {
        return classification.mine(me);
    }

    @GetMapping("/assessments/{id}")
    public ClassificationView.OfficerAssessment get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return classification.get(id, me);
    }

    @PostMapping("/assessments/{id}/confirm")
    public ClassificationView.OfficerAssessment confirm(@PathVariable long id, @RequestBody(required = false) Confirm body,
                                                        @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        classification.requireLeader(me);
        Confirm b = body == null ? new Confirm(null, null, null, null) : body;
        if (b.version() == null) {
            classification.get(id, me);
            throw new InvalidParameter("version", "validation.required");
        }
        return classification.confirm(id, b.version(), b.general(), b.task(), b.reason(), me, request.getRemoteAddr());
    }

    @GetMapping("/classification/officers")
    public List<ClassificationView.YearlyRow> officers(@RequestParam long unit, @RequestParam int year,
                                                       @AuthenticationPrincipal StaffPrincipal me) {
        return classification.yearly(unit, year, me);
    }

    @GetMapping("/classification/agencies")
    public List<ClassificationView.AgencyRow> agencies(@RequestParam int year, @AuthenticationPrincipal StaffPrincipal me) {
        return classification.agencies(year, me);
    }
}
