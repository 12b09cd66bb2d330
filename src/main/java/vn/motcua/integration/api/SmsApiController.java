package vn.motcua.integration.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.integration.SmsMessageView;
import vn.motcua.integration.SmsService;
import vn.motcua.integration.SmsTemplateView;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageResult;

/** SMS templates and the messages sent, for administrators (403 for anyone else). */
@RestController
@RequestMapping("/api/v1/integration/sms")
@PreAuthorize("hasRole('ADMIN')")
public class SmsApiController {

    /** A template's new text, its "no diacritics" switch, and the version it was read at. */
    public record TemplateUpdate(String body, Boolean plain, Integer version) {
    }

    private final SmsService sms;

    public SmsApiController(SmsService sms) {
        this.sms = sms;
    }

    @GetMapping("/templates")
    public List<SmsTemplateView> templates(@AuthenticationPrincipal StaffPrincipal me) {
        return sms.templates(me);
    }

    @PutMapping("/templates/{kind}")
    public SmsTemplateView update(@PathVariable String kind, @RequestBody(required = false) TemplateUpdate body,
                                  @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        TemplateUpdate b = body == null ? new TemplateUpdate(null, null, null) : body;
        if (b.version() == null) {
            throw new InvalidInput(Map.of("version", "validation.required"));
        }
        return sms.updateTemplate(kind, b.body(), Boolean.TRUE.equals(b.plain()), b.version(), me, request.getRemoteAddr());
    }

    @GetMapping("/messages")
    public PageResult<SmsMessageView> messages(@RequestParam(required = false) String code,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "20") int size,
                                               @AuthenticationPrincipal StaffPrincipal me) {
        return sms.messages(code, status, page, size, me);
    }

    /** Asks the gateway now for the delivery reports it has; answers how many messages changed status. */
    @PostMapping("/messages/refresh")
    public Map<String, Integer> refresh(@AuthenticationPrincipal StaffPrincipal me) {
        return Map.of("changed", sms.refreshStatuses(me));
    }
}
