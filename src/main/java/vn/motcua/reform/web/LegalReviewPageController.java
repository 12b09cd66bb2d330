package vn.motcua.reform.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.LegalReviewCommand;
import vn.motcua.reform.LegalReviewList;
import vn.motcua.reform.LegalReviewOutcome;
import vn.motcua.reform.LegalReviewProblem;
import vn.motcua.reform.LegalReviewProposal;
import vn.motcua.reform.LegalReviewService;
import vn.motcua.shared.PageController;

/** The legal-document review page: the year's records with their outcome forms, and the catalogue's simplification proposals. */
@PageController
@RequestMapping("/reform/legal")
public class LegalReviewPageController {

    private final LegalReviewService reviews;
    private final MessageSource messages;

    public LegalReviewPageController(LegalReviewService reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Integer year, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        LegalReviewList l = reviews.list(year == null ? reviews.thisYear() : year, me);
        model.addAttribute("l", l);
        boolean record = reviews.mayRecord(me);
        model.addAttribute("record", record);
        model.addAttribute("units", record ? reviews.units() : List.of());
        model.addAttribute("problems", LegalReviewProblem.values());
        model.addAttribute("proposals", LegalReviewProposal.values());
        model.addAttribute("decidable", l.reviews().stream().filter(r -> reviews.mayDecide(r, me))
                .map(r -> r.id()).collect(java.util.stream.Collectors.toSet()));
        return "reform/legal";
    }

    @PostMapping
    public String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) String documentRef,
                         @RequestParam(required = false) String documentTitle,
                         @RequestParam(required = false) LegalReviewProblem problem, @RequestParam(required = false) String finding,
                         @RequestParam(required = false) LegalReviewProposal proposal,
                         @RequestParam(required = false) Long responsibleUnitId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                         @RequestParam(required = false) String procedureCodes, @AuthenticationPrincipal StaffPrincipal me,
                         RedirectAttributes redirect) {
        List<String> codes = procedureCodes == null ? List.of() : Arrays.stream(procedureCodes.split("[,;\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        PlanPageMessages.run(messages, redirect, "reform.legal.recorded", () -> reviews.create(new LegalReviewCommand(year,
                documentRef, documentTitle, problem, finding, proposal, responsibleUnitId, dueOn, codes), me));
        return "redirect:/reform/legal" + (year == null ? "" : "?year=" + year);
    }

    @PostMapping("/{id}/outcome")
    public String outcome(@PathVariable long id, @RequestParam(required = false) LegalReviewOutcome outcome,
                          @RequestParam(required = false) String note, @AuthenticationPrincipal StaffPrincipal me,
                          RedirectAttributes redirect) {
        int[] year = {0};
        PlanPageMessages.run(messages, redirect, "reform.legal.decidedDone",
                () -> year[0] = reviews.decide(id, outcome, note, me).year());
        if (year[0] == 0) {
            year[0] = reviews.get(id, me).year();
        }
        return "redirect:/reform/legal?year=" + year[0];
    }
}
