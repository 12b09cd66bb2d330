package vn.motcua.integration;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.integration.internal.sms.SmsSender;
import vn.motcua.integration.internal.sms.SmsStore;
import vn.motcua.integration.internal.sms.SmsText;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;
import vn.motcua.shared.Texts;

/**
 * Text messages to applicants through the HTTP SMS gateway, for
 * administrators: the templates per notice kind (with the "no diacritics"
 * switch), the messages sent with their delivery status, and asking the
 * gateway for reports now. docs/integration.md §6.
 */
@Service
public class SmsService {

    public static final String AUDIT_TEMPLATE_CHANGED = "integration.sms.template.changed";
    public static final List<String> STATUSES = List.of("PENDING", "SENT", "DELIVERED", "UNDELIVERED", "REJECTED", "FAILED");

    /** What the previews fill the templates with. */
    private static final Map<String, String> EXAMPLE = Map.of("name", "Nguyễn Thị Hương", "code", "000.00.25.H40-260105-0001",
            "procedure", "Cấp phiếu lý lịch tư pháp", "detail", "16:30 ngày 12/01/2026",
            "link", "https://dichvucong.nghean.gov.vn/public/tracking/000.00.25.H40-260105-0001",
            "body", "Mã xác thực của ông/bà là 482913. Mã có hiệu lực 5 phút.");

    private final SmsStore store;
    private final SmsSender sender;
    private final AuditTrail audit;
    private final Clock clock;

    public SmsService(SmsStore store, SmsSender sender, AuditTrail audit, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.audit = audit;
        this.clock = clock;
    }

    public List<SmsTemplateView> templates(StaffPrincipal who) {
        Webhooks.requireAdmin(who);
        return store.templates().stream().map(t -> SmsStore.view(t, SmsText.fill(t.body(), EXAMPLE, t.plain()))).toList();
    }

    @Transactional
    public SmsTemplateView updateTemplate(String kind, String body, boolean plain, int version, StaffPrincipal who,
                                          String address) {
        Webhooks.requireAdmin(who);
        String k = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
        SmsStore.Template old = store.template(k).orElseThrow(() -> new NotFound("sms template " + kind));
        String text = Texts.clean(body);
        if (Texts.isBlank(text)) {
            throw InvalidInput.of("body", "validation.required");
        }
        if (text.length() > 1000) {
            throw InvalidInput.of("body", "validation.tooLong");
        }
        List<String> unknown = SmsText.unknownPlaceholders(text);
        if (!unknown.isEmpty()) {
            throw new InvalidInput(Map.of("body", "sms.template.placeholder"), Map.of("body", List.of(String.join(", ", unknown))));
        }
        if (!store.updateTemplate(k, text, plain, version, clock.instant(), who.username())) {
            throw new org.springframework.dao.OptimisticLockingFailureException("sms template " + k + " changed");
        }
        audit.record(AuditEntry.of(AUDIT_TEMPLATE_CHANGED, who.username(), "sms-template", k).address(address)
                .change("body", old.body(), text).change("plain", String.valueOf(old.plain()), String.valueOf(plain)));
        SmsStore.Template t = store.template(k).orElseThrow();
        return SmsStore.view(t, SmsText.fill(t.body(), EXAMPLE, t.plain()));
    }

    public PageResult<SmsMessageView> messages(String dossierCode, String status, int page, int size, StaffPrincipal who) {
        Webhooks.requireAdmin(who);
        Texts.query("code", dossierCode);
        String s = Texts.isBlank(status) ? null : status.trim().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw InvalidInput.of("status", "sms.status.unknown");
        }
        String code = Texts.isBlank(dossierCode) ? null : dossierCode.trim();
        return store.messages(code, s, Paging.of(page, PageResult.clampSize(size, 20, 100), 100));
    }

    /** Asks the gateway now what became of the messages it took; returns how many changed status. */
    public int refreshStatuses(StaffPrincipal who) {
        Webhooks.requireAdmin(who);
        return sender.refreshStatuses();
    }
}
