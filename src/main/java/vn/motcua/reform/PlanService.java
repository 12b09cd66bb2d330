package vn.motcua.reform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarNotDefinedException;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitView;
import vn.motcua.reform.internal.plans.PlanAccess;
import vn.motcua.reform.internal.plans.PlanStore;
import vn.motcua.reform.internal.plans.PlanStore.PlanRow;
import vn.motcua.reform.internal.plans.PlanStore.TaskRow;
import vn.motcua.reform.internal.plans.PlanWorkbook;
import vn.motcua.reform.internal.plans.TaskDeadlines;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/**
 * Yearly reform plans and their tasks (docs/reform.md §1): the province's plan
 * (made by the Department of Home Affairs) and each unit's (made by its
 * leader), tasks with an owner unit, a deadline computed on the working
 * calendar, an expected output and a budget; progress reports with evidence
 * files; the share completed by plan and by unit; overdue tasks flagged; the
 * daily reminders. Every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

    static final int MAX_TEXT = 2000;

    private final PlanStore store;
    private final PlanAccess access;
    private final OrganizationService org;
    private final CalendarService calendar;
    private final FileService files;
    private final AuditTrail audit;
    private final PlanWorkbook workbook;
    private final Clock clock;
    private final int remindDays;

    public PlanService(PlanStore store, PlanAccess access, OrganizationService org, CalendarService calendar,
                       FileService files, AuditTrail audit, PlanWorkbook workbook, Clock clock,
                       @Value("${motcua.reform.remind-working-days:3}") int remindDays) {
        this.store = store;
        this.access = access;
        this.org = org;
        this.calendar = calendar;
        this.files = files;
        this.audit = audit;
        this.workbook = workbook;
        this.clock = clock;
        this.remindDays = remindDays;
    }

    /** Today in Vietnam. */
    public LocalDate today() {
        return CalendarService.today(clock);
    }

    public int remindDays() {
        return remindDays;
    }

    // --- reading -------------------------------------------------------------------------------

    /** The plans the caller sees: the province's and those of the units in their scope; {@code year} null: all. */
    public List<PlanView> plans(Integer year, StaffPrincipal me) {
        List<PlanRow> rows = store.plans(year, access.unitsOrAll(me));
        Map<Long, List<TaskRow>> tasks = rows.isEmpty() ? Map.of()
                : store.tasks(rows.stream().map(PlanRow::id).toList()).stream().collect(Collectors.groupingBy(TaskRow::planId));
        Map<Long, String> names = names(rows.stream().map(PlanRow::unitId).toList());
        LocalDate today = today();
        return rows.stream().map(p -> view(p, tasks.getOrDefault(p.id(), List.of()), names, today)).toList();
    }

    public PlanDetail plan(long id, StaffPrincipal me) {
        PlanRow p = visiblePlan(id, me);
        List<TaskRow> rows = store.tasks(id);
        List<Long> ids = new ArrayList<>(rows.stream().map(TaskRow::ownerUnitId).toList());
        ids.add(p.unitId());
        Map<Long, String> names = names(ids);
        LocalDate today = today();
        List<TaskView> tasks = rows.stream().map(t -> view(t, names, today)).toList();
        Map<Long, List<TaskView>> byUnit = tasks.stream().collect(Collectors.groupingBy(TaskView::ownerUnitId,
                LinkedHashMap::new, Collectors.toList()));
        List<PlanUnitProgress> units = byUnit.entrySet().stream().map(e -> {
            List<TaskView> ts = e.getValue();
            return new PlanUnitProgress(e.getKey(), names.getOrDefault(e.getKey(), "#" + e.getKey()), ts.size(),
                    (int) ts.stream().filter(t -> t.state() == TaskState.DONE).count(),
                    (int) ts.stream().filter(TaskView::overdue).count(),
                    (int) Math.round(ts.stream().mapToInt(TaskView::percent).average().orElse(0)));
        }).sorted(Comparator.comparing(PlanUnitProgress::unitName)).toList();
        return new PlanDetail(view(p, rows, names, today), tasks, units);
    }

    public TaskDetail task(long id, StaffPrincipal me) {
        TaskRow t = store.task(id).orElseThrow(() -> new NotFound("task " + id));
        PlanRow p = store.plan(t.planId()).orElseThrow();
        if (!visible(p, t, me)) {
            throw new NotFound("task " + id);
        }
        Map<Long, String> names = names(List.of(t.ownerUnitId()));
        List<TaskProgressView> reports = store.reports(id).stream().map(r -> new TaskProgressView(r.id(), r.taskId(),
                r.percent(), r.note(), r.fileId(), r.fileName(), r.reportedAt(), r.reportedBy())).toList();
        Map<Long, String> planNames = names(java.util.Collections.singletonList(p.unitId()));
        return new TaskDetail(view(t, names, today()), view(p, store.tasks(p.id()), planNames, today()), reports);
    }

    /** Whether the caller may report progress on the task (a leader or specialist of its owner unit, once approved). */
    public boolean mayReport(TaskView t, PlanView p, StaffPrincipal me) {
        return p.status() == PlanStatus.APPROVED && t.completedOn() == null && access.reports(me, t.ownerUnitId());
    }

    /** Whether the caller may add tasks to and approve the plan. */
    public boolean mayManage(PlanView p, StaffPrincipal me) {
        return p.province() ? access.provincial(me) : access.manages(me, p.unitId());
    }

    /** The units for which the caller may make a plan: none for the province's; theirs (and below) for a leader. */
    public List<UnitView> planUnits(StaffPrincipal me) {
        if (access.provincial(me)) {
            return org.allUnits().stream().filter(UnitView::active).sorted(Comparator.comparing(UnitView::name)).toList();
        }
        if (!me.hasRole("LEADER")) {
            return List.of();
        }
        Long[] units = access.unitsOrAll(me);
        return org.units(List.of(units)).stream().filter(UnitView::active).sorted(Comparator.comparing(UnitView::name)).toList();
    }

    /** The units a task of the plan may be given to: any active unit for the province's plan; the plan's unit and below otherwise. */
    public List<UnitView> ownerUnits(PlanView p) {
        if (p.province()) {
            return org.allUnits().stream().filter(UnitView::active).sorted(Comparator.comparing(UnitView::name)).toList();
        }
        Set<Long> below = org.selfAndDescendants(List.of(p.unitId()));
        return org.units(below).stream().filter(UnitView::active).sorted(Comparator.comparing(UnitView::name)).toList();
    }

    /** The evidence file of a progress report of the task, for those whose scope includes the task's owner unit. */
    public StoredFile evidence(long taskId, UUID fileId, StaffPrincipal me) {
        TaskDetail t = task(taskId, me);
        // evidence is the owner unit's: those above it and the province level read it, not every reader of the plan
        if (!access.sees(me, t.task().ownerUnitId()) || t.reports().stream().noneMatch(r -> fileId.equals(r.fileId()))) {
            throw new NotFound("file " + fileId);
        }
        StoredFile f = files.find(fileId).orElseThrow(() -> new NotFound("file " + fileId));
        files.recordDownload(f);
        return f;
    }

    public InputStream content(StoredFile f) throws IOException {
        return files.content(f);
    }

    /** The newest reminder and overdue notices for the caller's units (all for the province level). */
    public List<TaskNoticeView> notices(StaffPrincipal me) {
        List<PlanStore.NoticeRow> rows = store.notices(access.unitsOrAll(me), 50);
        Map<Long, String> names = names(rows.stream().map(PlanStore.NoticeRow::unitId).toList());
        return rows.stream().map(n -> new TaskNoticeView(n.id(), n.taskId(), n.taskTitle(), n.unitId(),
                names.getOrDefault(n.unitId(), "#" + n.unitId()), n.kind(), n.dueOn(), n.createdOn())).toList();
    }

    /** The plan's progress as a spreadsheet (tasks, then one row per owner unit). */
    public byte[] exportXlsx(long id, StaffPrincipal me, Locale locale) {
        PlanDetail d = plan(id, me);
        byte[] xlsx = workbook.xlsx(d, today(), locale);
        audit.recordAlone(AuditEntry.of("reform.plan.exported", me.username(), "reform-plan", String.valueOf(id))
                .detail("xlsx: " + d.plan().title()));
        return xlsx;
    }

    // --- changing ------------------------------------------------------------------------------

    @Transactional
    public PlanView create(PlanCommand c, StaffPrincipal me) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = Texts.clean(c == null ? null : c.title());
        if (Texts.isBlank(title)) {
            errors.put("title", "validation.required");
        } else if (title.length() > 300) {
            errors.put("title", "validation.tooLong");
        }
        Integer year = c == null ? null : c.year();
        if (year == null) {
            errors.put("year", "validation.required");
        } else if (year < 2000 || year > 2100) {
            errors.put("year", "reform.plan.year.range");
        }
        Long unitId = c == null ? null : c.unitId();
        if (unitId == null) {
            access.requireProvincial(me);
        } else {
            UnitView u = org.findUnit(new vn.motcua.organization.UnitId(unitId)).orElse(null);
            if (u == null || !access.sees(me, unitId)) {
                errors.put("unitId", "reform.unit.unknown");
            } else if (!access.manages(me, unitId)) {
                throw PlanAccess.denied("plan of unit " + unitId);
            } else if (!u.active()) {
                errors.put("unitId", "reform.unit.dissolved");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = store.insertPlan(year, unitId, title, clock.instant(), me.username());
        audit.record(AuditEntry.of("reform.plan.created", me.username(), "reform-plan", String.valueOf(id))
                .unit(unitId).detail(year + ": " + title));
        return plan(id, me).plan();
    }

    @Transactional
    public TaskView addTask(long planId, TaskCommand c, StaffPrincipal me) {
        PlanRow p = visiblePlan(planId, me);
        store.lockPlan(planId);
        requireManager(p, me);
        TaskCommand cmd = c == null ? new TaskCommand(null, null, null, null, null, null, null) : c;
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(cmd.title(), "title", 500, errors);
        String output = text(cmd.expectedOutput(), "expectedOutput", 1000, errors);
        long budget = cmd.budgetVnd() == null ? 0 : cmd.budgetVnd();
        if (budget < 0) {
            errors.put("budgetVnd", "reform.task.budget.negative");
        }
        Long owner = cmd.ownerUnitId();
        if (owner == null) {
            errors.put("ownerUnitId", "validation.required");
        } else {
            PlanView pv = view(p, List.of(), names(List.of()), today());
            if (ownerUnits(pv).stream().noneMatch(u -> u.id() == owner)) {
                errors.put("ownerUnitId", "reform.task.owner.outside");
            }
        }
        LocalDate due = null;
        if (cmd.rule() == null) {
            errors.put("rule", "validation.required");
        } else if (cmd.rule() == TaskDeadlineRule.FIXED_DATE && cmd.fixedDate() == null) {
            errors.put("fixedDate", "validation.required");
        } else if (cmd.rule() == TaskDeadlineRule.AFTER_APPROVAL
                && (cmd.workingDays() == null || cmd.workingDays() < 1 || cmd.workingDays() > 500)) {
            errors.put("workingDays", "reform.task.workingDays.range");
        } else {
            try {
                due = deadlines().due(cmd.rule(), cmd.fixedDate(), cmd.workingDays(), p.approvedOn());
            } catch (CalendarNotDefinedException | IllegalStateException e) {
                errors.put(cmd.rule() == TaskDeadlineRule.FIXED_DATE ? "fixedDate" : "workingDays", "reform.task.calendar.undefined");
            }
            if (due != null && cmd.rule() == TaskDeadlineRule.FIXED_DATE && cmd.fixedDate().getYear() != p.year()
                    && cmd.fixedDate().getYear() != p.year() + 1) {
                errors.put("fixedDate", "reform.task.fixedDate.year");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = store.insertTask(planId, title, owner, cmd.rule(), cmd.rule() == TaskDeadlineRule.FIXED_DATE ? cmd.fixedDate() : null,
                cmd.rule() == TaskDeadlineRule.AFTER_APPROVAL ? cmd.workingDays() : null, due, output, budget,
                clock.instant(), me.username());
        audit.record(AuditEntry.of("reform.task.created", me.username(), "reform-task", String.valueOf(id)).unit(owner)
                .detail("plan " + planId + ": " + title + "; due " + (due == null ? cmd.workingDays() + " working days after approval" : due)));
        return view(store.task(id).orElseThrow(), names(List.of(owner)), today());
    }

    /** Approves a draft plan by its deciding act (dated today); deadlines counted from approval are computed now. */
    @Transactional
    public PlanView approve(long planId, String decision, Integer version, StaffPrincipal me) {
        PlanRow p = visiblePlan(planId, me);
        p = store.lockPlan(planId).orElseThrow();
        requireManager(p, me);
        if (p.status() != PlanStatus.DRAFT) {
            throw new DomainRuleViolation("illegal-transition", "reform.plan.approve.notDraft", planId);
        }
        String act = Texts.clean(decision);
        if (Texts.isBlank(act)) {
            throw InvalidInput.of("decision", "validation.required");
        }
        if (act.length() > 200) {
            throw InvalidInput.of("decision", "validation.tooLong");
        }
        if (version != null && version != p.version()) {
            throw new OptimisticLockingFailureException("plan " + planId + " changed since version " + version);
        }
        LocalDate today = today();
        TaskDeadlines d = deadlines();
        List<TaskRow> tasks = store.tasks(planId);
        Map<Long, LocalDate> dues = new HashMap<>();
        for (TaskRow t : tasks) {
            if (t.rule() == TaskDeadlineRule.AFTER_APPROVAL) {
                try {
                    dues.put(t.id(), d.workingDaysAfter(today, t.workingDays()));
                } catch (CalendarNotDefinedException | IllegalStateException e) {
                    throw new DomainRuleViolation("calendar-undefined", "reform.task.calendar.undefined");
                }
            }
        }
        store.approve(planId, today, act);
        dues.forEach(store::setDue);
        audit.record(AuditEntry.of("reform.plan.approved", me.username(), "reform-plan", String.valueOf(planId))
                .unit(p.unitId()).detail("decision " + act + "; " + dues.size() + " deadlines counted from " + today)
                .change("status", p.status(), PlanStatus.APPROVED));
        return plan(planId, me).plan();
    }

    /**
     * A progress report on a task of an approved plan, by a leader or specialist of
     * its owner unit: the percentage reached (never lower than the last; 100 needs an
     * evidence file and completes the task), a note, and optionally the evidence.
     */
    @Transactional
    public TaskProgressView report(long taskId, Integer percent, String note, String fileName, InputStream file,
                                   StaffPrincipal me) throws IOException {
        TaskRow t = store.task(taskId).orElseThrow(() -> new NotFound("task " + taskId));
        PlanRow p = store.plan(t.planId()).orElseThrow();
        if (!visible(p, t, me)) {
            throw new NotFound("task " + taskId);
        }
        if (!access.reports(me, t.ownerUnitId())) {
            throw PlanAccess.denied("progress of task " + taskId);
        }
        t = store.lockTask(taskId).orElseThrow();
        if (p.status() != PlanStatus.APPROVED) {
            throw new DomainRuleViolation("plan-not-approved", "reform.progress.planNotApproved", taskId);
        }
        if (t.completedOn() != null) {
            throw new DomainRuleViolation("task-done", "reform.progress.taskDone", taskId);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (percent == null) {
            errors.put("percent", "validation.required");
        } else if (percent < 0 || percent > 100) {
            errors.put("percent", "reform.progress.percent.range");
        } else if (percent < t.percent()) {
            errors.put("percent", "reform.progress.backwards");
        }
        String n = text(note, "note", MAX_TEXT, errors);
        if (percent != null && percent == 100 && file == null) {
            errors.put("file", "reform.progress.evidenceRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        StoredFile stored = file == null ? null : files.upload(fileName, file, me.username());
        LocalDate today = today();
        store.progress(taskId, percent, percent == 100 ? today : null);
        long id = store.insertProgress(taskId, percent, n, stored == null ? null : stored.id(),
                stored == null ? null : stored.name(), clock.instant(), me.username());
        audit.record(AuditEntry.of("reform.task.progress", me.username(), "reform-task", String.valueOf(taskId))
                .unit(t.ownerUnitId()).detail(percent + "%" + (stored == null ? "" : "; evidence " + stored.name()))
                .change("percent", t.percent(), percent));
        return store.reports(taskId).stream().filter(r -> r.id() == id).findFirst()
                .map(r -> new TaskProgressView(r.id(), r.taskId(), r.percent(), r.note(), r.fileId(), r.fileName(),
                        r.reportedAt(), r.reportedBy())).orElseThrow();
    }

    /**
     * The daily reminders (in-app notices): a task whose deadline is {@link #remindDays()}
     * working days away or closer gets one REMINDER; a task past its deadline and not done gets
     * one OVERDUE flag. Each notice is made once per task and deadline, so running twice a
     * day, or on two nodes, adds nothing. Returns the notices made.
     */
    @Transactional
    public int remind() {
        LocalDate today = today();
        TaskDeadlines d = deadlines();
        LocalDate horizon = today.plusDays(remindDays * 3L + 14);
        int made = 0;
        for (TaskRow t : store.openTasksDueBy(horizon)) {
            String kind;
            if (t.dueOn().isBefore(today)) {
                kind = "OVERDUE";
            } else {
                int left;
                try {
                    left = d.workingDaysUntil(today, t.dueOn());
                } catch (CalendarNotDefinedException e) {
                    left = (int) java.time.temporal.ChronoUnit.DAYS.between(today, t.dueOn());
                }
                if (left > remindDays) {
                    continue;
                }
                kind = "REMINDER";
            }
            if (store.notice(t.id(), t.ownerUnitId(), kind, t.dueOn(), today)) {
                made++;
                audit.record(AuditEntry.of("OVERDUE".equals(kind) ? "reform.task.overdue" : "reform.task.reminded", "system",
                        "reform-task", String.valueOf(t.id())).unit(t.ownerUnitId()).detail(t.title() + "; due " + t.dueOn()));
            }
        }
        return made;
    }

    // --- helpers -------------------------------------------------------------------------------

    private TaskDeadlines deadlines() {
        WorkingCalendar c = calendar.calendar();
        return new TaskDeadlines(c::isWorkingDay);
    }

    private PlanRow visiblePlan(long id, StaffPrincipal me) {
        PlanRow p = store.plan(id).orElseThrow(() -> new NotFound("plan " + id));
        if (!access.sees(me, p.unitId())) {
            throw new NotFound("plan " + id);
        }
        return p;
    }

    /** A task is seen by whoever sees its plan or its owner unit. */
    private boolean visible(PlanRow p, TaskRow t, StaffPrincipal me) {
        return access.sees(me, p.unitId()) || access.sees(me, t.ownerUnitId());
    }

    private void requireManager(PlanRow p, StaffPrincipal me) {
        boolean ok = p.unitId() == null ? access.provincial(me) : access.manages(me, p.unitId());
        if (!ok) {
            throw PlanAccess.denied("plan " + p.id());
        }
    }

    private static String text(String value, String field, int max, Map<String, String> errors) {
        String s = Texts.clean(value);
        if (Texts.isBlank(s)) {
            errors.put(field, "validation.required");
            return null;
        }
        if (s.length() > max) {
            errors.put(field, "validation.tooLong");
        }
        return s;
    }

    private Map<Long, String> names(List<Long> ids) {
        List<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return org.units(wanted).stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
    }

    static TaskState state(int percent, LocalDate completedOn, LocalDate dueOn, LocalDate today) {
        if (completedOn != null || percent >= 100) {
            return TaskState.DONE;
        }
        if (dueOn != null && dueOn.isBefore(today)) {
            return TaskState.OVERDUE;
        }
        return percent == 0 ? TaskState.NOT_STARTED : TaskState.IN_PROGRESS;
    }

    private static TaskView view(TaskRow t, Map<Long, String> names, LocalDate today) {
        return new TaskView(t.id(), t.planId(), t.title(), t.ownerUnitId(), names.getOrDefault(t.ownerUnitId(), "#" + t.ownerUnitId()),
                t.rule(), t.fixedDate(), t.workingDays(), t.dueOn(), t.expectedOutput(), t.budgetVnd(), t.percent(),
                t.completedOn(), state(t.percent(), t.completedOn(), t.dueOn(), today), t.version());
    }

    private static PlanView view(PlanRow p, List<TaskRow> tasks, Map<Long, String> names, LocalDate today) {
        int done = (int) tasks.stream().filter(t -> t.completedOn() != null).count();
        int overdue = (int) tasks.stream().filter(t -> state(t.percent(), t.completedOn(), t.dueOn(), today) == TaskState.OVERDUE)
                .count();
        int share = tasks.isEmpty() ? 0 : (int) Math.round(done * 100.0 / tasks.size());
        int average = (int) Math.round(tasks.stream().mapToInt(TaskRow::percent).average().orElse(0));
        return new PlanView(p.id(), p.year(), p.unitId(), p.unitId() == null ? null : names.getOrDefault(p.unitId(), "#" + p.unitId()),
                p.title(), p.status(), p.approvedOn(), p.decision(), tasks.size(), done, overdue, share, average, p.createdAt(),
                p.createdBy(), p.version());
    }
}
