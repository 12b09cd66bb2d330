package vn.motcua.reform.api;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.ParIndexService;
import vn.motcua.reform.ParIndexView;
import vn.motcua.shared.InvalidParameter;

/**
 * The PAR INDEX self-assessment: trees (administrators import), a unit's
 * sheet with the proposed scores, self-scores (leaders), appraisals
 * (supervisors) and the ranking.
 */
@RestController
@RequestMapping("/api/v1/reform/par")
public class ParIndexApiController {

    /** A self-score: the points, a note, the evidence (references, links). */
    public record SelfScore(BigDecimal score, String note, String evidence) {
    }

    /** An appraisal: the points and the note (required when they differ from the self-score). */
    public record Appraisal(BigDecimal score, String note) {
    }

    private final ParIndexService par;
    private final JsonMapper json;

    public ParIndexApiController(ParIndexService par, JsonMapper json) {
        this.par = par;
        this.json = json;
    }

    @GetMapping("/trees")
    public List<ParIndexView.TreeSummary> trees(@AuthenticationPrincipal StaffPrincipal me) {
        return par.trees(me);
    }

    @GetMapping("/trees/{year}")
    public ParIndexView.TreeDocument tree(@PathVariable int year, @AuthenticationPrincipal StaffPrincipal me) {
        return par.document(year, me);
    }

    /** The body is read after the guard, so that a caller who may not import is told 403 whatever they send. */
    @PostMapping("/trees")
    public ParIndexView.TreeSummary importTree(@RequestBody(required = false) String body, @AuthenticationPrincipal StaffPrincipal me,
                                               HttpServletRequest request) {
        par.requireAdmin(me);
        return par.importTree(parse(json, body), me, request.getRemoteAddr());
    }

    static ParIndexView.TreeDocument parse(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidParameter("body", "reform.par.tree.body");
        }
        try {
            return json.readValue(body, ParIndexView.TreeDocument.class);
        } catch (RuntimeException e) {
            throw new InvalidParameter("body", "reform.par.tree.body");
        }
    }

    @GetMapping("/{year}/units/{unitId}")
    public ParIndexView.Sheet sheet(@PathVariable int year, @PathVariable long unitId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @AuthenticationPrincipal StaffPrincipal me) {
        return par.sheet(year, unitId, asOf, me);
    }

    @PutMapping("/{year}/units/{unitId}/scores/{code}")
    public ParIndexView.Line selfScore(@PathVariable int year, @PathVariable long unitId, @PathVariable String code,
                                       @RequestBody(required = false) SelfScore body, @AuthenticationPrincipal StaffPrincipal me,
                                       HttpServletRequest request) {
        SelfScore b = body == null ? new SelfScore(null, null, null) : body;
        return par.selfScore(year, unitId, code, b.score(), b.note(), b.evidence(), me, request.getRemoteAddr());
    }

    @PutMapping("/{year}/units/{unitId}/appraisals/{code}")
    public ParIndexView.Line appraise(@PathVariable int year, @PathVariable long unitId, @PathVariable String code,
                                      @RequestBody(required = false) Appraisal body, @AuthenticationPrincipal StaffPrincipal me,
                                      HttpServletRequest request) {
        Appraisal b = body == null ? new Appraisal(null, null) : body;
        return par.appraise(year, unitId, code, b.score(), b.note(), me, request.getRemoteAddr());
    }

    @GetMapping("/{year}/ranking")
    public List<ParIndexView.RankingRow> ranking(@PathVariable int year, @AuthenticationPrincipal StaffPrincipal me) {
        return par.ranking(year, me);
    }
}
