package vn.motcua.reform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
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
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.ClassificationService;
import vn.motcua.reform.internal.classification.ClassificationWorkbook;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.InvalidParameter;
import vn.motcua.shared.PageController;

/** The classification pages: a unit's period assessments (propose, confirm), an officer's own, the year, the agencies. */
@PageController
@RequestMapping("/reform/classification")
public class ClassificationPageController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ClassificationService classification;
    private final ClassificationWorkbook workbook;
    private final MessageSource messages;

    public ClassificationPageController(ClassificationService classification, ClassificationWorkbook workbook, MessageSource messages) {
        this.classification = classification;
        this.workbook = workbook;
        this.messages = messages;
    }

    private long unitOrFirst(Long unit, StaffPrincipal me) {
        if (unit != null) {
            return unit;
        }
        List<UnitView> units = classification.units(me);
        return units.isEmpty() ? 0 : units.get(units.size() > 1 && units.get(0).parentId() == null ? 1 : 0).id();
    }

    @GetMapping
    public String list(@RequestParam(required = false) Long unit, @RequestParam(defaultValue = "MONTH") String kind,
                       @RequestParam(required = false) String period, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        classification.readerScope(me);
        long u = unitOrFirst(unit, me);
        String p = period == null || period.isBlank() ? YearMonth.from(classification.today()).minusMonths(1).toString() : period;
        if ("QUARTER".equalsIgnoreCase(kind) && (period == null || period.isBlank())) {
            LocalDate d = classification.today().minusMonths(3);
            p = d.getYear() + "-Q" + ((d.getMonthValue() + 2) / 3);
        }
        model.addAttribute("units", classification.units(me));
        model.addAttribute("unit", u);
        model.addAttribute("kind", kind.toUpperCase(Locale.ROOT));
        model.addAttribute("period", p);
        model.addAttribute("year", classification.today().getYear());
        model.addAttribute("rows", u == 0 ? List.of() : classification.list(u, kind, p, me));
        model.addAttribute("canConfirm", me.hasRole("LEADER"));
        return "reform/classification";
    }

    @PostMapping("/propose")
    public String propose(@RequestParam long unit, @RequestParam String kind, @RequestParam String period,
                          @AuthenticationPrincipal StaffPrincipal me, Model model, Locale locale, RedirectAttributes redirect) {
        classification.requireLeader(me);
        try {
            int n = classification.propose(unit, kind, period, me).size();
            redirect.addFlashAttribute("flash", messages.getMessage("reform.assessment.proposed", new Object[] {n}, locale));
        } catch (InvalidInput | DomainRuleViolation | InvalidParameter e) {
            ReformPageErrors.show(e, model, messages, locale);
            return list(unit, "MONTH", null, me, model);
        }
        return "redirect:/reform/classification?unit=" + unit + "&kind=" + kind + "&period=" + period;
    }

    @PostMapping("/assessments/{id}/confirm")
    public String confirm(@PathVariable long id, @RequestParam(required = false) Integer version,
                          @RequestParam(required = false) BigDecimal general, @RequestParam(required = false) BigDecimal task,
                          @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal StaffPrincipal me,
                          HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        classification.requireLeader(me);
        var a = classification.get(id, me);
        try {
            classification.confirm(id, version == null ? -1 : version, general, task, reason, me, request.getRemoteAddr());
        } catch (InvalidInput | DomainRuleViolation e) {
            ReformPageErrors.show(e, model, messages, locale);
            model.addAttribute("failedId", id);
            return list(a.unitId(), a.periodKind(), a.period(), me, model);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("reform.assessment.confirmedFlash", new Object[] {a.officerName()}, locale));
        return "redirect:/reform/classification?unit=" + a.unitId() + "&kind=" + a.periodKind() + "&period=" + a.period();
    }

    /** The navigation's entry: readers to the PAR INDEX, every other officer to their own assessments. */
    @GetMapping("/start")
    public String start(@AuthenticationPrincipal StaffPrincipal me) {
        return me.hasAnyRole("SUPERVISOR", "ADMIN", "LEADER") ? "redirect:/reform/par" : "redirect:/reform/classification/mine";
    }

    @GetMapping("/assessments/{id}")
    public String assessment(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("a", classification.get(id, me));
        return "reform/assessment";
    }

    @GetMapping("/mine")
    public String mine(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("rows", classification.mine(me));
        return "reform/mine";
    }

    @GetMapping("/year")
    public String year(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                       @AuthenticationPrincipal StaffPrincipal me, Model model) {
        classification.readerScope(me);
        long u = unitOrFirst(unit, me);
        int y = year == null ? classification.today().getYear() : year;
        model.addAttribute("units", classification.units(me));
        model.addAttribute("unit", u);
        model.addAttribute("year", y);
        model.addAttribute("rows", u == 0 ? List.of() : classification.yearly(u, y, me));
        return "reform/year";
    }

    @GetMapping("/agencies")
    public String agencies(@RequestParam(required = false) Integer year, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        int y = year == null ? classification.today().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("rows", classification.agencies(y, me));
        return "reform/agencies";
    }

    @GetMapping("/officers.xlsx")
    public ResponseEntity<byte[]> officersXlsx(@RequestParam long unit, @RequestParam int year, @AuthenticationPrincipal StaffPrincipal me,
                                               Locale locale) {
        UnitView u = classification.unitOf(unit, me);
        byte[] bytes = workbook.officers(u.name(), year, classification.yearly(unit, year, me), classification.confirmedIn(unit, year, me),
                locale);
        return xlsx(bytes, "xep-loai-cong-chuc-" + year + ".xlsx");
    }

    @GetMapping("/agencies.xlsx")
    public ResponseEntity<byte[]> agenciesXlsx(@RequestParam int year, @AuthenticationPrincipal StaffPrincipal me, Locale locale) {
        return xlsx(workbook.agencies(year, classification.agencies(year, me), locale), "xep-loai-co-quan-" + year + ".xlsx");
    }

    private static ResponseEntity<byte[]> xlsx(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(XLSX).body(bytes);
    }
}
