package vn.motcua.dossier.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageController;
import vn.motcua.shared.Texts;
import vn.motcua.dossier.Upload;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.web.multipart.MultipartFile;

/** Officers' pages: inboxes, the dossier page with its timeline, and the acts as forms. */
@PageController
@RequestMapping("/dossiers")
public class DossierPageController {

    private final DossierService dossiers;
    private final OrganizationService org;
    private final MessageSource messages;
    private final FileService files;

    public DossierPageController(DossierService dossiers, OrganizationService org, MessageSource messages, FileService files) {
        this.dossiers = dossiers;
        this.org = org;
        this.messages = messages;
        this.files = files;
    }

    @GetMapping
    public String inbox(@RequestParam(required = false) DossierQuery.Inbox inbox, @RequestParam(defaultValue = "") String q,
                        @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "false") boolean mine,
                        @RequestHeader(name = "HX-Request", required = false) String htmx,
                        @AuthenticationPrincipal StaffPrincipal me, Model model) {
        OfficerScope scope = org.scopeOf(me.id());
        DossierQuery.Inbox chosen = inbox == null && q.isBlank() ? defaultInbox(me) : inbox;
        model.addAttribute("inbox", chosen);
        model.addAttribute("inboxes", DossierQuery.Inbox.values());
        model.addAttribute("q", q);
        model.addAttribute("unit", unit);
        model.addAttribute("mine", mine);
        model.addAttribute("counts", dossiers.inboxCounts(scope, unit));
        model.addAttribute("result", dossiers.search(new DossierQuery(null, unit, null, null, q, chosen,
                mine ? me.staffId() : null, page, 25), scope));
        return htmx != null ? "dossier/inbox :: list" : "dossier/inbox";
    }

    private static DossierQuery.Inbox defaultInbox(StaffPrincipal me) {
        return DossierQuery.Inbox.IN_PROGRESS;
    }

    @GetMapping("/{code}/slips/{kind}")
    public ResponseEntity<byte[]> slip(@PathVariable String code, @PathVariable String kind,
                                                                @AuthenticationPrincipal StaffPrincipal me) {
        return vn.motcua.dossier.web.SlipDownload.pdf(dossiers, code, kind, org.scopeOf(me.id()));
    }

    /** The log book (form 07) of a unit for a period, as a page or as XLSX. */
    @GetMapping("/logbook")
    public Object logBook(@RequestParam(required = false) Long unit,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate to,
                          @RequestParam(required = false) String format,
                          @AuthenticationPrincipal StaffPrincipal me, Model model) {
        OfficerScope scope = org.scopeOf(me.id());
        java.time.LocalDate today = java.time.LocalDate.now(CalendarService.ZONE);
        java.time.LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        java.time.LocalDate end = to == null ? today : to;
        List<UnitView> myUnits = org.allUnits().stream().filter(u -> scope.includes(u.unitId())).toList();
        Long chosen = unit != null ? unit : org.staff(me.id(), OfficerScope.everything(me.id())).units().stream()
                .map(UnitView::id).findFirst().orElse(null);
        if (chosen != null && "xlsx".equals(format)) {
            byte[] xlsx = dossiers.logBookXlsx(chosen, start, end, scope);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header("Content-Disposition", "attachment; filename=\"so-theo-doi-ho-so-" + start + "-" + end + ".xlsx\"")
                    .body(xlsx);
        }
        model.addAttribute("units", myUnits);
        model.addAttribute("unit", chosen);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("rows", chosen == null ? List.of() : dossiers.logBook(chosen, start, end, scope));
        return "dossier/logbook";
    }

    @GetMapping("/{code}")
    public String detail(@PathVariable String code, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        OfficerScope scope = org.scopeOf(me.id());
        DossierView d = dossiers.get(code, scope);
        model.addAttribute("d", d);
        model.addAttribute("history", dossiers.history(code, scope));
        // exactly the acts the service's guard and the aggregate accept now (one policy for both)
        List<String> actions = dossiers.allowedActs(code, me).stream().map(Action::path).toList();
        model.addAttribute("actions", actions);
        model.addAttribute("scannable", dossiers.scannable(code, me));
        // the forward form offers only the units the dossier may go to; the service checks it again
        model.addAttribute("units", actions.contains("forward") ? dossiers.forwardUnits(code, me) : List.of());
        model.addAttribute("skippedSteps", actions.contains("complete") ? dossiers.stepsSkippedByCompletion(code, scope) : List.of());
        model.addAttribute("channels", Channel.values());
        return "dossier/detail";
    }

    /** A scanned paper for one component (multipart field {@code file}); errors show next to its form. */
    @PostMapping(path = "/{code}/components/{seq}/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public String scan(@PathVariable String code, @PathVariable int seq,
                       @RequestParam(name = "file", required = false) MultipartFile file,
                       @RequestParam(required = false) Integer version,
                       @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        Upload upload = file == null || file.isEmpty() && Texts.isBlank(file.getOriginalFilename()) ? null
                : new Upload(file.getOriginalFilename(), file);
        String error = null;
        try {
            dossiers.scan(code, seq, upload, version, me);
            redirect.addFlashAttribute("flash", msg("dossier.done.scan", code));
        } catch (DomainRuleViolation e) {
            error = messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
        } catch (InvalidInput e) {
            error = e.fieldErrors().values().stream().map(this::msg).reduce((x, y) -> x + " " + y).orElse("");
        } catch (OptimisticLockingFailureException e) {
            error = msg("problem.stale");
        } catch (AccessDeniedException e) {
            error = msg("auth.forbidden");
        }
        if (error != null) {
            redirect.addFlashAttribute("flashError", msg("dossier.scan.failed", seq) + " " + error);
            redirect.addFlashAttribute("scanError", error);
            redirect.addFlashAttribute("scanErrorSeq", seq);
        }
        return "redirect:/dossiers/" + code;
    }

    /** The file of a component, for officers who see the dossier. */
    @GetMapping("/{code}/components/{seq}/file")
    public ResponseEntity<InputStreamResource> componentFile(@PathVariable String code, @PathVariable int seq,
                                                             @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        OfficerScope scope = org.scopeOf(me.id());
        DossierView d = dossiers.get(code, scope);
        if (seq < 1 || seq > d.components().size() || d.components().get(seq - 1).fileId() == null) {
            throw new NotFound("file of component " + seq + " of " + code);
        }
        StoredFile f = files.readable(UUID.fromString(d.components().get(seq - 1).fileId()), "staff:" + me.getUsername(), scope);
        return vn.motcua.warehouse.FileDownloads.inline(f, files);
    }

    @PostMapping("/{code}/{action}")
    public String act(@PathVariable String code, @PathVariable String action,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) String note,
                      @RequestParam(required = false) Long toUnit, @RequestParam(required = false) Long toOfficer,
                      @RequestParam(required = false) String items, @RequestParam(required = false) Long amountVnd,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime newAppointmentAt,
                      @RequestParam(required = false) String resultNumber, @RequestParam(required = false) Channel channel,
                      @RequestParam(required = false) Integer version, @RequestParam(required = false) String skipReason,
                      @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        Action a = Action.fromPath(action).orElseThrow(() -> new NotFound("action " + action));
        List<String> itemList = items == null ? null
                : Arrays.stream(items.split("\\r?\\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        OffsetDateTime newAppointment = newAppointmentAt == null ? null
                : newAppointmentAt.atZone(CalendarService.ZONE).toOffsetDateTime();
        Act act = new Act(reason, note, toUnit, toOfficer, itemList, amountVnd, newAppointment, resultNumber, null, channel, version,
                skipReason);
        try {
            dossiers.act(code, a, act, me);
            redirect.addFlashAttribute("flash", msg("dossier.done." + a.path(), code));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("flashError", e.fieldErrors().entrySet().stream()
                    .map(f -> msg("field." + f.getKey().replaceAll("\\[.*", "")) + ": " + msg(f.getValue()))
                    .reduce((x, y) -> x + " " + y).orElse(""));
            redirect.addFlashAttribute("failedAction", a.path());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", msg("problem.stale"));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("flashError", msg("auth.forbidden"));
        }
        return "redirect:/dossiers/" + code;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
