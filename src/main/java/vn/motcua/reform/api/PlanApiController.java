package vn.motcua.reform.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.PlanCommand;
import vn.motcua.reform.PlanDetail;
import vn.motcua.reform.PlanService;
import vn.motcua.reform.PlanView;
import vn.motcua.reform.TaskCommand;
import vn.motcua.reform.TaskDetail;
import vn.motcua.reform.TaskNoticeView;
import vn.motcua.reform.TaskProgressView;
import vn.motcua.reform.TaskView;

/**
 * Reform plans and tasks (docs/reform.md §1). The guards are the service's,
 * the same as the pages': a plan or task outside one's scope is 404, an act
 * that is not one's is 403, bad input 422, an act the state forbids 409.
 */
@RestController
@RequestMapping("/api/v1/reform")
public class PlanApiController {

    /** The approval: the deciding act's number and, optionally, the version last read. */
    public record Approval(String decision, Integer version) {
    }

    private final PlanService plans;

    public PlanApiController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/plans")
    public List<PlanView> plans(@RequestParam(required = false) Integer year, @AuthenticationPrincipal StaffPrincipal me) {
        return plans.plans(year, me);
    }

    @PostMapping("/plans")
    public PlanView create(@RequestBody(required = false) PlanCommand body, @AuthenticationPrincipal StaffPrincipal me) {
        return plans.create(body == null ? new PlanCommand(null, null, null) : body, me);
    }

    @GetMapping("/plans/{id}")
    public PlanDetail plan(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return plans.plan(id, me);
    }

    @PostMapping("/plans/{id}/approve")
    public PlanView approve(@PathVariable long id, @RequestBody(required = false) Approval body,
                            @AuthenticationPrincipal StaffPrincipal me) {
        Approval a = body == null ? new Approval(null, null) : body;
        return plans.approve(id, a.decision(), a.version(), me);
    }

    @PostMapping("/plans/{id}/tasks")
    public TaskView addTask(@PathVariable long id, @RequestBody(required = false) TaskCommand body,
                            @AuthenticationPrincipal StaffPrincipal me) {
        return plans.addTask(id, body, me);
    }

    @GetMapping("/tasks/{id}")
    public TaskDetail task(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return plans.task(id, me);
    }

    /** A progress report as multipart: {@code percent}, {@code note} and the evidence {@code file} (PDF, JPEG or PNG). */
    @PostMapping(value = "/tasks/{id}/progress", consumes = "multipart/form-data")
    public TaskProgressView report(@PathVariable long id, @RequestParam(required = false) Integer percent,
                                   @RequestParam(required = false) String note,
                                   @RequestPart(required = false) MultipartFile file,
                                   @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        boolean hasFile = file != null && !file.isEmpty();
        try (InputStream in = hasFile ? file.getInputStream() : null) {
            return plans.report(id, percent, note, hasFile ? file.getOriginalFilename() : null, in, me);
        }
    }

    /** The reminder job's notices for the caller's units (all for the province level). */
    @GetMapping("/notices")
    public List<TaskNoticeView> notices(@AuthenticationPrincipal StaffPrincipal me) {
        return plans.notices(me);
    }
}
