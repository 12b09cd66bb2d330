package vn.motcua.supervision.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.PageResult;
import vn.motcua.supervision.ConductSignals;
import vn.motcua.supervision.Resolution;
import vn.motcua.supervision.RuleView;
import vn.motcua.supervision.SignalView;

/**
 * Conduct signals and their rules: supervisors see all and resolve; leaders
 * see the signals of their units (read only); others 403.
 */
@RestController
@RequestMapping("/api/v1")
public class SignalApiController {

    /** The resolve call's body: the resolution and the note (required). */
    public record Resolve(Resolution resolution, String note) {
    }

    /** A rule's new switch and thresholds ({@code params}: name → value). */
    public record RuleUpdate(int version, boolean enabled, Map<String, String> params) {
    }

    private final ConductSignals signals;
    private final tools.jackson.databind.json.JsonMapper json;

    public SignalApiController(ConductSignals signals, tools.jackson.databind.json.JsonMapper json) {
        this.signals = signals;
        this.json = json;
    }

    @GetMapping("/signals")
    public PageResult<SignalView> inbox(@RequestParam(required = false) String status, @RequestParam(required = false) String rule,
                                        @RequestParam(required = false) Long unit, @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal StaffPrincipal me,
                                        Locale locale) {
        return signals.inbox(status, rule, unit, page, size, me, locale);
    }

    @GetMapping("/signals/{id}")
    public SignalView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Locale locale) {
        return signals.signal(id, me, locale);
    }

    @PostMapping("/signals/{id}/resolve")
    public SignalView resolve(@PathVariable long id, @RequestBody(required = false) Resolve body,
                              @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, Locale locale) {
        Resolve b = body == null ? new Resolve(null, null) : body;
        return signals.resolve(id, b.resolution(), b.note(), me, request.getRemoteAddr(), locale);
    }

    @GetMapping("/signal-rules")
    public List<RuleView> rules(@AuthenticationPrincipal StaffPrincipal me) {
        return signals.rules(me);
    }

    /**
     * The body is read after the guard (as a tree, then into {@link RuleUpdate}), so that a
     * caller who may not edit rules is told 403 whatever they send.
     */
    @PutMapping("/signal-rules/{code}")
    public RuleView updateRule(@PathVariable String code, @RequestBody(required = false) String body,
                               @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        signals.requireEditor(me);
        RuleUpdate b;
        try {
            b = body == null || body.isBlank() ? null : json.readValue(body, RuleUpdate.class);
        } catch (RuntimeException e) {
            throw new vn.motcua.shared.InvalidParameter("body", "supervision.rule.body.invalid");
        }
        if (b == null) {
            b = new RuleUpdate(-1, true, Map.of());
        }
        return signals.updateRule(code, b.version(), b.enabled(), b.params() == null ? Map.of() : b.params(), me,
                request.getRemoteAddr());
    }
}
