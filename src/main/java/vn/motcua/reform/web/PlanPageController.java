package vn.motcua.reform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.PlanCommand;
import vn.motcua.reform.PlanDetail;
import vn.motcua.reform.PlanService;
import vn.motcua.reform.PlanUnitProgress;
import vn.motcua.reform.TaskCommand;
import vn.motcua.reform.TaskDeadlineRule;
import vn.motcua.reform.TaskDetail;
import vn.motcua.reform.TaskState;
import vn.motcua.shared.PageController;
import vn.motcua.warehouse.StoredFile;

/**
 * The plan pages: the year's plans with the reminders, a plan with its tasks,
 * its progress by unit (ECharts) and its spreadsheet, a task with its progress
 * reports and evidence. The acts go through {@link PlanService}'s guards, as
 * the API's do.
 */
@PageController
@RequestMapping("/reform")
public class PlanPageController {

    private final PlanService plans;
    private final MessageSource messages;
    private final JsonMapper json;

    public PlanPageController(PlanService plans, MessageSource messages, JsonMapper json) {
        this.plans = plans;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/plans")
    public String list(@RequestParam(required = false) Integer year, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        int y = year == null ? plans.today().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("plans", plans.plans(y, me));
        model.addAttribute("planUnits", plans.planUnits(me));
        model.addAttribute("provincial", me.hasAnyRole("SUPERVISOR", "ADMIN"));
        model.addAttribute("notices", plans.notices(me));
        return "reform/plans";
    }

    @PostMapping("/plans")
    public String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId,
                         @RequestParam(required = false) String title, @AuthenticationPrincipal StaffPrincipal me,
                         RedirectAttributes redirect) {
        long[] made = {0};
        PlanPageMessages.run(messages, redirect, "reform.plan.created",
                () -> made[0] = plans.create(new PlanCommand(year, unitId, title), me).id());
        return made[0] > 0 ? "redirect:/reform/plans/" + made[0] : "redirect:/reform/plans" + (year == null ? "" : "?year=" + year);
    }

    @GetMapping("/plans/{id}")
    public String plan(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model, Locale locale) {
        PlanDetail d = plans.plan(id, me);
        model.addAttribute("d", d);
        boolean manage = plans.mayManage(d.plan(), me);
        model.addAttribute("manage", manage);
        model.addAttribute("owners", manage ? plans.ownerUnits(d.plan()) : List.of());
        model.addAttribute("rules", TaskDeadlineRule.values());
        model.addAttribute("chart", chart(d.byUnit(), locale));
        return "reform/plan";
    }

    @PostMapping("/plans/{id}/tasks")
    public String addTask(@PathVariable long id, @RequestParam(required = false) String title,
                          @RequestParam(required = false) Long ownerUnitId, @RequestParam(required = false) TaskDeadlineRule rule,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fixedDate,
                          @RequestParam(required = false) Integer workingDays,
                          @RequestParam(required = false) String expectedOutput, @RequestParam(required = false) Long budgetVnd,
                          @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        PlanPageMessages.run(messages, redirect, "reform.task.created", () -> plans.addTask(id,
                new TaskCommand(title, ownerUnitId, rule, fixedDate, workingDays, expectedOutput, budgetVnd), me));
        return "redirect:/reform/plans/" + id;
    }

    @PostMapping("/plans/{id}/approve")
    public String approve(@PathVariable long id, @RequestParam(required = false) String decision,
                          @RequestParam(required = false) Integer version, @AuthenticationPrincipal StaffPrincipal me,
                          RedirectAttributes redirect) {
        PlanPageMessages.run(messages, redirect, "reform.plan.approved", () -> plans.approve(id, decision, version, me));
        return "redirect:/reform/plans/" + id;
    }

    @GetMapping("/plans/{id}/xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Locale locale) {
        byte[] body = plans.exportXlsx(id, me, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("tien-do-ke-hoach-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/tasks/{id}")
    public String task(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        TaskDetail t = plans.task(id, me);
        model.addAttribute("t", t);
        model.addAttribute("mayReport", plans.mayReport(t.task(), t.plan(), me));
        model.addAttribute("zone", vn.motcua.calendar.CalendarService.ZONE);
        return "reform/task";
    }

    @PostMapping("/tasks/{id}/progress")
    public String report(@PathVariable long id, @RequestParam(required = false) Integer percent,
                         @RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile file,
                         @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        boolean hasFile = file != null && !file.isEmpty();
        PlanPageMessages.run(messages, redirect, "reform.progress.saved", PlanPageMessages.io(() -> {
            try (InputStream in = hasFile ? file.getInputStream() : null) {
                plans.report(id, percent, note, hasFile ? file.getOriginalFilename() : null, in, me);
            }
        }));
        return "redirect:/reform/tasks/" + id;
    }

    @GetMapping("/tasks/{id}/evidence/{fileId}")
    public ResponseEntity<InputStreamResource> evidence(@PathVariable long id, @PathVariable UUID fileId,
                                                        @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        StoredFile f = plans.evidence(id, fileId, me);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .contentLength(f.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(new InputStreamResource(plans.content(f)));
    }

    /** Bars per owner unit: the share of tasks done and the mean progress, in percent. */
    private String chart(List<PlanUnitProgress> units, Locale locale) {
        List<String> labels = units.stream().map(PlanUnitProgress::unitName).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 230, "right", 30, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "value", "max", 100));
        option.put("yAxis", Map.of("type", "category", "data", labels, "axisLabel", Map.of("width", 220, "overflow", "truncate")));
        option.put("series", List.of(
                Map.of("name", msg("reform.chart.done", locale), "type", "bar", "itemStyle", Map.of("color", "#198754"),
                        "data", units.stream().map(u -> u.tasks() == 0 ? 0 : Math.round(u.done() * 100.0 / u.tasks())).toList()),
                Map.of("name", msg("reform.chart.average", locale), "type", "bar", "itemStyle", Map.of("color", "#0d6efd"),
                        "data", units.stream().map(PlanUnitProgress::averageProgress).toList())));
        return json.writeValueAsString(option);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** For the templates: the Bootstrap colour of a task's state. */
    public static String badge(TaskState s) {
        switch (s) {
            case DONE:
                return "text-bg-success";
            case OVERDUE:
                return "text-bg-danger";
            case IN_PROGRESS:
                return "text-bg-primary";
            default:
                return "text-bg-secondary";
        }
    }
}
