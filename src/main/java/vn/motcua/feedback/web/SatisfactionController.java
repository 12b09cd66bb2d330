package vn.motcua.feedback.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.feedback.AssessmentCriterion;
import vn.motcua.feedback.ConsultationService;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.SatisfactionStatistics;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageController;

/**
 * The satisfaction statistics: ratings per unit, procedure, officer and
 * month (ECharts), the reasons for "not satisfied", the PAKN handled per unit,
 * the nine-criteria assessments with their bands, and the comments, searchable
 * without diacritics. Supervisors and administrators see every unit, leaders
 * their own (the service's rule).
 */
@PageController
public class SatisfactionController {

    private final SatisfactionStatistics statistics;
    private final FeedbackService feedback;
    private final ChartData charts;
    private final ConsultationService consultations;

    public SatisfactionController(SatisfactionStatistics statistics, FeedbackService feedback, ChartData charts,
                                  ConsultationService consultations) {
        this.statistics = statistics;
        this.feedback = feedback;
        this.charts = charts;
        this.consultations = consultations;
    }

    @GetMapping("/satisfaction")
    public String overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) Long unit, @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        SatisfactionStatistics.Period d = statistics.defaultPeriod();
        SatisfactionStatistics.Period p = new SatisfactionStatistics.Period(from == null ? d.from() : from, to == null ? d.to() : to);
        SatisfactionStatistics.Overview o = statistics.overview(p, unit, me);
        model.addAttribute("o", o);
        model.addAttribute("unit", unit);
        model.addAttribute("q", q);
        model.addAttribute("units", feedback.units());
        model.addAttribute("criteria", AssessmentCriterion.values());
        model.addAttribute("comments", statistics.comments(q, p, unit, page, 20, me));
        model.addAttribute("chartUnits", charts.ratings(o.byUnit().stream().limit(15).toList(), true));
        model.addAttribute("chartProcedures", charts.ratings(o.byProcedure().stream().limit(15).toList(), true));
        model.addAttribute("chartOfficers", charts.ratings(o.byOfficer().stream().limit(15).toList(), true));
        model.addAttribute("consultations", consultations.perUnit(p.start(), p.end()));
        model.addAttribute("chartMonths", charts.ratings(o.byMonth(), false));
        return "feedback/satisfaction";
    }
}
