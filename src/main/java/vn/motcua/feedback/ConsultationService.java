package vn.motcua.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * Consultations: a unit puts a draft (a regulation, a reform plan, a
 * simplification proposal) out for comments from people and businesses
 * until a closing date. Comments wait in a moderation queue and are shown
 * once approved (with the unit's reply); after the closing date the unit
 * concludes with a published summary. The unit's leaders and specialists
 * (and those of the units above it) run their consultations; administrators
 * any; supervisors read them all. Comments are counted per unit on the
 * satisfaction page.
 */
@Service
public class ConsultationService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final JdbcClient jdbc;
    private final OrganizationService org;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ConsultationService(JdbcClient jdbc, OrganizationService org, AuditTrail audit, ApplicationEventPublisher events,
                               Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the unit

    @Transactional
    public ConsultationView create(ConsultationCommand c, StaffPrincipal me) {
        if (!me.roles().contains(Role.ADMIN) && !me.roles().contains(Role.LEADER) && !me.roles().contains(Role.SPECIALIST)) {
            throw new AccessDeniedException("consultations");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.unitId() == null || org.findUnit(new UnitId(c.unitId())).filter(UnitView::active).isEmpty()) {
            errors.put("unitId", "feedback.unit.unknown");
        } else {
            requireRunner(c.unitId(), me);
        }
        if (c.kind() == null) {
            errors.put("kind", "validation.required");
        }
        String title = Texts.clean(c.title());
        check(errors, "title", title, 5, 300);
        String body = FeedbackService.multiline(c.body());
        check(errors, "body", body, 20, 20000);
        String reference = Texts.clean(c.reference());
        if (reference != null && reference.length() > 300) {
            errors.put("reference", "validation.tooLong");
        }
        LocalDate today = LocalDate.now(clock.withZone(CalendarService.ZONE));
        if (c.closesOn() == null || !c.closesOn().isAfter(today)) {
            errors.put("closesOn", "consultation.closesOn.invalid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = jdbc.sql("""
                INSERT INTO consultation (unit_id, kind, title, body, reference, status, closes_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) RETURNING id""")
                .params(c.unitId(), c.kind().name(), title, body, Texts.isBlank(reference) ? null : reference,
                        c.closesOn().plusDays(1).atStartOfDay(CalendarService.ZONE).toOffsetDateTime(), me.username(), now())
                .query(Long.class).single();
        audit.record(AuditEntry.of("consultation.created", me.username(), "consultation", String.valueOf(id)).detail(title));
        return staffView(id, me);
    }

    /** Puts a drafted consultation out for comments (before its closing date). */
    @Transactional
    public ConsultationView open(long id, StaffPrincipal me) {
        Row r = row(id);
        requireRunner(r.unitId(), me);
        if (r.status() != ConsultationStatus.DRAFT) {
            throw new DomainRuleViolation("consultation-illegal-transition", "consultation.rule.illegal", "open", r.status().name());
        }
        if (!clock.instant().isBefore(r.closesAt().toInstant())) {
            throw new DomainRuleViolation("consultation-closed", "consultation.rule.closed");
        }
        jdbc.sql("UPDATE consultation SET status = 'OPEN', opened_at = ?, version = version + 1 WHERE id = ?").params(now(), id).update();
        audit.record(AuditEntry.of("consultation.opened", me.username(), "consultation", String.valueOf(id)));
        return staffView(id, me);
    }

    /** Approves a comment (shown with the reply, if any) or rejects it with a reason (never shown). */
    @Transactional
    public ConsultationView moderate(long id, long commentId, boolean approve, String reason, String reply, StaffPrincipal me) {
        Row r = row(id);
        requireRunner(r.unitId(), me);
        String why = Texts.clean(reason);
        String answer = FeedbackService.multiline(reply);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!approve) {
            check(errors, "reason", why, 2, 500);
        }
        if (answer != null) {
            check(errors, "reply", answer, 2, 4000);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int n = jdbc.sql("""
                UPDATE consultation_comment SET status = ?, moderated_by = ?, moderated_at = ?, moderation_reason = ?,
                       reply = coalesce(?, reply) WHERE id = ? AND consultation_id = ?""")
                .params(approve ? "APPROVED" : "REJECTED", me.username(), now(), approve ? null : why, approve ? answer : null,
                        commentId, id).update();
        if (n != 1) {
            throw new NotFound("comment " + commentId);
        }
        audit.record(AuditEntry.of(approve ? "consultation.comment.approved" : "consultation.comment.rejected", me.username(),
                "consultation", String.valueOf(id)).detail("comment " + commentId).reason(approve ? null : why));
        return staffView(id, me);
    }

    /** Concludes a consultation after its closing date with the published summary of what was taken in and why. */
    @Transactional
    public ConsultationView conclude(long id, String conclusion, StaffPrincipal me) {
        Row r = row(id);
        requireRunner(r.unitId(), me);
        String text = FeedbackService.multiline(conclusion);
        Map<String, String> errors = new LinkedHashMap<>();
        check(errors, "conclusion", text, 10, 20000);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (r.status() != ConsultationStatus.OPEN) {
            throw new DomainRuleViolation("consultation-illegal-transition", "consultation.rule.illegal", "conclude", r.status().name());
        }
        Instant at = clock.instant();
        if (at.isBefore(r.closesAt().toInstant())) {
            throw new DomainRuleViolation("consultation-still-open", "consultation.rule.stillOpen");
        }
        long pending = count(id, "PENDING");
        if (pending > 0) {
            throw new DomainRuleViolation("consultation-pending-comments", "consultation.rule.pending", pending);
        }
        jdbc.sql("UPDATE consultation SET status = 'CONCLUDED', conclusion = ?, concluded_at = ?, version = version + 1 WHERE id = ?")
                .params(text, now(), id).update();
        audit.record(AuditEntry.of("consultation.concluded", me.username(), "consultation", String.valueOf(id)));
        events.publishEvent(new ConsultationConcluded(id, new UnitId(r.unitId()), r.kind(), count(id, "APPROVED"), count(id, "REJECTED"),
                at));
        return staffView(id, me);
    }

    @Transactional(readOnly = true)
    public List<ConsultationView> staffList(StaffPrincipal me) {
        OfficerScope scope = org.scopeOf(me.id());
        List<Object> params = new ArrayList<>();
        String where = "TRUE";
        if (!scope.allUnits()) {
            where = "unit_id = ANY(?)";
            params.add(scope.unitIdArray());
        }
        return jdbc.sql("SELECT id FROM consultation WHERE " + where + " ORDER BY created_at DESC, id DESC LIMIT 200").params(params)
                .query(Long.class).list().stream().map(id -> view(row(id), true)).toList();
    }

    /** The consultation with every comment, for staff whose scope includes its unit (404 otherwise). */
    @Transactional(readOnly = true)
    public ConsultationView staffView(long id, StaffPrincipal me) {
        Row r = row(id);
        if (!org.scopeOf(me.id()).includes(new UnitId(r.unitId()))) {
            throw new NotFound("consultation " + id);
        }
        return view(r, true);
    }

    /** Whether the officer may run the unit's consultations (create, open, moderate, conclude). */
    @Transactional(readOnly = true)
    public boolean runs(long unitId, StaffPrincipal me) {
        OfficerScope scope = org.scopeOf(me.id());
        return me.roles().contains(Role.ADMIN) || scope.includes(new UnitId(unitId)) && !scope.allUnits()
                && (me.roles().contains(Role.LEADER) || me.roles().contains(Role.SPECIALIST));
    }

    /** Outside the officer's scope a consultation is 404 (drafts too); inside it, only its runners act (403). */
    private void requireRunner(long unitId, StaffPrincipal me) {
        if (!org.scopeOf(me.id()).includes(new UnitId(unitId))) {
            throw new NotFound("consultation of unit " + unitId);
        }
        if (!runs(unitId, me)) {
            throw new AccessDeniedException("consultations of unit " + unitId);
        }
    }

    // ------------------------------------------------------------------ the public

    /** The consultations the public sees: open ones and concluded ones, newest first. */
    @Transactional(readOnly = true)
    public List<ConsultationView> publicList() {
        return jdbc.sql("SELECT id FROM consultation WHERE status <> 'DRAFT' ORDER BY opened_at DESC, id DESC LIMIT 200")
                .query(Long.class).list().stream().map(id -> view(row(id), false)).toList();
    }

    /** One open or concluded consultation with its approved comments; a draft is 404. */
    @Transactional(readOnly = true)
    public ConsultationView publicView(long id) {
        Row r = row(id);
        if (r.status() == ConsultationStatus.DRAFT) {
            throw new NotFound("consultation " + id);
        }
        return view(r, false);
    }

    /** A comment from anyone, while the consultation takes comments; it waits for moderation before it is shown. */
    @Transactional
    public void comment(long id, String name, String email, String organisation, String text, String address) {
        Row r = row(id);
        if (r.status() == ConsultationStatus.DRAFT) {
            throw new NotFound("consultation " + id);
        }
        if (r.status() != ConsultationStatus.OPEN || !clock.instant().isBefore(r.closesAt().toInstant())) {
            throw new DomainRuleViolation("consultation-closed", "consultation.rule.closed");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String n = Texts.clean(name);
        check(errors, "authorName", n, 2, 120);
        String e = Texts.isBlank(email) ? null : email.strip().toLowerCase(Locale.ROOT);
        if (e != null && (e.length() > 254 || !EMAIL.matcher(e).matches())) {
            errors.put("authorEmail", "feedback.email.invalid");
        }
        String o = Texts.clean(organisation);
        if (o != null && o.length() > 200) {
            errors.put("organisation", "validation.tooLong");
        }
        String t = FeedbackService.multiline(text);
        check(errors, "text", t, 10, 4000);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long commentId = jdbc.sql("""
                INSERT INTO consultation_comment (consultation_id, author_name, author_email, organisation, text, status, submitted_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?) RETURNING id""")
                .params(id, n, e, Texts.isBlank(o) ? null : o, t, now()).query(Long.class).single();
        audit.record(AuditEntry.of("consultation.commented", "anonymous", "consultation", String.valueOf(id))
                .detail("comment " + commentId).address(address));
    }

    // ------------------------------------------------------------------ counts

    /** Per unit: consultations opened in the period, comments received, approved. */
    public record UnitCount(long unitId, String unitName, long consultations, long comments, long approved) {
    }

    @Transactional(readOnly = true)
    public List<UnitCount> perUnit(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                SELECT c.unit_id, count(DISTINCT c.id), count(m.id), count(m.id) FILTER (WHERE m.status = 'APPROVED')
                  FROM consultation c LEFT JOIN consultation_comment m ON m.consultation_id = c.id
                 WHERE c.opened_at >= ? AND c.opened_at < ? GROUP BY c.unit_id ORDER BY count(m.id) DESC""")
                .params(from, to)
                .query((rs, i) -> new UnitCount(rs.getLong(1), unitName(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    // ------------------------------------------------------------------ helpers

    private record Row(long id, long unitId, ConsultationKind kind, String title, String body, String reference,
                       ConsultationStatus status, OffsetDateTime closesAt, OffsetDateTime openedAt, String conclusion,
                       OffsetDateTime concludedAt) {
    }

    private Row row(long id) {
        return jdbc.sql("SELECT * FROM consultation WHERE id = ?").param(id)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("unit_id"), ConsultationKind.valueOf(rs.getString("kind")),
                        rs.getString("title"), rs.getString("body"), rs.getString("reference"),
                        ConsultationStatus.valueOf(rs.getString("status")), local(rs.getObject("closes_at", OffsetDateTime.class)),
                        local(rs.getObject("opened_at", OffsetDateTime.class)), rs.getString("conclusion"),
                        local(rs.getObject("concluded_at", OffsetDateTime.class))))
                .optional().orElseThrow(() -> new NotFound("consultation " + id));
    }

    private ConsultationView view(Row r, boolean staff) {
        List<ConsultationView.Comment> comments = jdbc.sql("SELECT * FROM consultation_comment WHERE consultation_id = ?"
                        + (staff ? "" : " AND status = 'APPROVED'") + " ORDER BY submitted_at, id")
                .param(r.id())
                .query((rs, n) -> new ConsultationView.Comment(rs.getLong("id"), rs.getString("author_name"),
                        staff ? rs.getString("author_email") : null, rs.getString("organisation"), rs.getString("text"),
                        rs.getString("status"), local(rs.getObject("submitted_at", OffsetDateTime.class)),
                        staff ? rs.getString("moderated_by") : null, staff ? rs.getString("moderation_reason") : null,
                        rs.getString("reply")))
                .list();
        boolean accepting = r.status() == ConsultationStatus.OPEN && clock.instant().isBefore(r.closesAt().toInstant());
        return new ConsultationView(r.id(), r.unitId(), unitName(r.unitId()), r.kind(), r.title(), r.body(), r.reference(), r.status(),
                accepting, r.closesAt(), r.openedAt(), r.conclusion(), r.concludedAt(), count(r.id(), "APPROVED"),
                count(r.id(), "PENDING"), count(r.id(), "REJECTED"), comments);
    }

    private long count(long id, String status) {
        return jdbc.sql("SELECT count(*) FROM consultation_comment WHERE consultation_id = ? AND status = ?").params(id, status)
                .query(Long.class).single();
    }

    private static void check(Map<String, String> errors, String field, String value, int min, int max) {
        if (Texts.isBlank(value)) {
            errors.put(field, "validation.required");
        } else if (value.length() > max) {
            errors.put(field, "validation.tooLong");
        } else if (value.length() < min) {
            errors.put(field, "feedback.text.tooShort");
        } else if (Texts.hasControl(value)) {
            errors.put(field, "validation.text.control");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CalendarService.ZONE).toOffsetDateTime();
    }

    private String unitName(long id) {
        return org.findUnit(new UnitId(id)).map(UnitView::name).orElse("#" + id);
    }
}
