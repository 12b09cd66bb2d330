package vn.motcua.reform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.ClassificationService;
import vn.motcua.reform.PositionService;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;

/** Job positions with holders and workload; an officer's training records. */
@PageController
public class PositionPageController {

    private final PositionService positions;
    private final ClassificationService classification;
    private final MessageSource messages;

    public PositionPageController(PositionService positions, ClassificationService classification, MessageSource messages) {
        this.positions = positions;
        this.classification = classification;
        this.messages = messages;
    }

    @GetMapping("/reform/positions")
    public String positions(@RequestParam(required = false) Long unit,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @AuthenticationPrincipal StaffPrincipal me, Model model) {
        positions.readerScope(me);
        List<UnitView> units = classification.units(me);
        long u = unit != null ? unit : units.isEmpty() ? 0 : units.get(units.size() > 1 && units.get(0).parentId() == null ? 1 : 0).id();
        LocalDate t = to == null ? classification.today() : to;
        LocalDate f = from == null ? t.withDayOfYear(1) : from;
        model.addAttribute("units", units);
        model.addAttribute("unit", u);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("positions", u == 0 ? List.of() : positions.positions(u, me));
        model.addAttribute("workload", u == 0 ? List.of() : positions.workload(u, f, t, me));
        model.addAttribute("canEdit", me.hasRole("LEADER"));
        return "reform/positions";
    }

    @PostMapping("/reform/positions")
    public String create(@RequestParam long unit, @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String competences, @RequestParam(required = false) Integer planned,
                         @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model, Locale locale,
                         RedirectAttributes redirect) {
        classification.requireLeader(me);
        try {
            positions.create(unit, code, name, competences, planned, me, request.getRemoteAddr());
        } catch (InvalidInput | DomainRuleViolation e) {
            ReformPageErrors.show(e, model, messages, locale);
            return positions(unit, null, null, me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("reform.pos.saved", null, locale));
        return "redirect:/reform/positions?unit=" + unit;
    }

    @PostMapping("/reform/positions/{id}/holders")
    public String assign(@PathVariable long id, @RequestParam long unit, @RequestParam(required = false) Long staffId,
                         @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model, Locale locale,
                         RedirectAttributes redirect) {
        classification.requireLeader(me);
        try {
            if (staffId == null) {
                throw InvalidInput.of("staffId", "validation.required");
            }
            positions.assign(id, staffId, me, request.getRemoteAddr());
        } catch (InvalidInput | DomainRuleViolation | NotFound e) {
            if (e instanceof NotFound) {
                ReformPageErrors.show(InvalidInput.of("staffId", "reform.position.staff.unit"), model, messages, locale);
            } else {
                ReformPageErrors.show(e, model, messages, locale);
            }
            return positions(unit, null, null, me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("reform.pos.saved", null, locale));
        return "redirect:/reform/positions?unit=" + unit;
    }

    @GetMapping("/reform/staff/{staffId}/trainings")
    public String trainings(@PathVariable long staffId, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("staffId", staffId);
        model.addAttribute("rows", positions.trainings(staffId, me));
        model.addAttribute("canEdit", me.hasRole("LEADER") && staffId != me.staffId());
        return "reform/trainings";
    }

    @PostMapping("/reform/staff/{staffId}/trainings")
    public String addTraining(@PathVariable long staffId, @RequestParam(defaultValue = "") String title,
                              @RequestParam(defaultValue = "") String provider,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
                              @RequestParam(required = false) Integer hours, @RequestParam(defaultValue = "") String certificate,
                              @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Model model, Locale locale,
                              RedirectAttributes redirect) {
        classification.requireLeader(me);
        try {
            positions.addTraining(staffId, title, provider, startedOn, endedOn, hours, certificate, me, request.getRemoteAddr());
        } catch (InvalidInput | DomainRuleViolation | InvalidParameter e) {
            ReformPageErrors.show(e, model, messages, locale);
            return trainings(staffId, me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("reform.training.saved", null, locale));
        return "redirect:/reform/staff/" + staffId + "/trainings";
    }
}
