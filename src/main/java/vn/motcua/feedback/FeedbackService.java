package vn.motcua.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogService;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.Upload;
import vn.motcua.feedback.internal.Feedback;
import vn.motcua.feedback.internal.FeedbackAccess;
import vn.motcua.feedback.internal.FeedbackMail;
import vn.motcua.feedback.internal.FeedbackStore;
import vn.motcua.feedback.internal.Redaction;
import vn.motcua.feedback.internal.SenderKeys;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.shared.Paging;
import vn.motcua.shared.Texts;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.StoredFile;

/**
 * Feedback and recommendations (PAKN): filing by anyone (the public site
 * without an account when a contact is given, the portal, the API), following
 * by code, the sender's supplement and rating (with the key given at filing,
 * or signed in to the portal account that filed it), the desk's and the
 * units' acts with their legal limits (DOMAIN.md §7, {@link FeedbackLimit}),
 * the staff queues with the overdue ones counted, and the public list of
 * published answers, searchable without diacritics. Who sees and does what
 * is {@link FeedbackAccess}'s rule; every act is in the audit trail
 * ({@code feedback.*}) and announced as an event of this package.
 */
@Service
public class FeedbackService {

    public static final int MAX_ATTACHMENTS = 3;
    public static final int MIN_CONTENT = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?\\d{9,15}$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(CalendarService.ZONE);

    /** Suggested public texts of an answer, personal data removed. */
    public record Publication(String title, String question, String answer) {
    }

    private final FeedbackStore store;
    private final FeedbackAccess access;
    private final CalendarService calendars;
    private final OrganizationService org;
    private final CatalogService catalog;
    private final DossierService dossiers;
    private final FileService files;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final FeedbackMail mail;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String publicUrl;
    private final int perContactPerDay;

    public FeedbackService(FeedbackStore store, FeedbackAccess access, CalendarService calendars, OrganizationService org,
                           CatalogService catalog, DossierService dossiers, FileService files, AuditTrail audit,
                           ApplicationEventPublisher events, FeedbackMail mail, JdbcClient jdbc, Clock clock,
                           @Value("${motcua.public-url:http://localhost:8080}") String publicUrl,
                           @Value("${motcua.feedback.per-contact-per-day:5}") int perContactPerDay) {
        this.store = store;
        this.access = access;
        this.calendars = calendars;
        this.org = org;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.mail = mail;
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.perContactPerDay = perContactPerDay;
    }

    // ------------------------------------------------------------------ filing and the sender

    /**
     * Files a PAKN. Without a portal account ({@code citizen} null) a name and
     * a contact are required; signed in, the account is the sender (its
     * details fill what the form leaves empty). At most
     * {@value #MAX_ATTACHMENTS} files, each checked like every upload. One
     * contact may file at most {@code motcua.feedback.per-contact-per-day}
     * PAKN in 24 hours (409 {@code feedback-daily-limit}); the address limit is
     * the rate limiter's ({@code feedback} rule).
     */
    @Transactional
    public FiledFeedback file(FileFeedback cmd, List<Upload> attachments, FeedbackChannel channel, CitizenPrincipal citizen,
                              String address) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = line(cmd.senderName(), citizen == null ? null : citizen.fullName());
        String email = line(cmd.email(), citizen == null ? null : citizen.email());
        String phone = line(cmd.phone(), citizen == null ? null : citizen.phone());
        String senderAddress = line(cmd.address(), citizen == null ? null : citizen.address());
        if (cmd.kind() == null) {
            errors.put("kind", "validation.required");
        }
        text(errors, "senderName", name, 2, 120, true);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (email.length() > 254 || Texts.hasControl(email) || !EMAIL.matcher(email).matches()) {
                errors.put("email", "feedback.email.invalid");
            }
        }
        if (phone != null) {
            phone = phone.replaceAll("[\\s.()-]", "");
            if (!PHONE.matcher(phone).matches()) {
                errors.put("phone", "feedback.phone.invalid");
            }
        }
        if (email == null && phone == null) {
            errors.put("contact", "feedback.contact.required");
        }
        text(errors, "address", senderAddress, 0, 300, false);
        Feedback.About about = about(cmd, errors);
        String title = line(cmd.title(), null);
        String content = multiline(cmd.content());
        text(errors, "title", title, 5, 200, true);
        text(errors, "content", content, MIN_CONTENT, 4000, true);
        List<Upload> uploads = attachments == null ? List.of() : attachments.stream().filter(Objects::nonNull).toList();
        if (uploads.size() > MAX_ATTACHMENTS) {
            errors.put("attachments", "feedback.attachments.tooMany");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String contactKey = email != null ? email : phone.startsWith("+84") ? "0" + phone.substring(3) : phone;
        Instant now = clock.instant();
        if (store.filedByContactSince(contactKey, now.minus(Duration.ofDays(1))) >= perContactPerDay) {
            throw new DomainRuleViolation("feedback-daily-limit", "feedback.rule.dailyLimit", perContactPerDay);
        }
        WorkingCalendar cal = calendars.calendar();
        LocalDate day = LocalDate.ofInstant(now, CalendarService.ZONE);
        String code = String.format("PAKN-%s-%04d", DAY.format(day), store.nextNumber(day));
        String key = SenderKeys.newKey();
        Feedback f = Feedback.file(code, SenderKeys.hash(key), cmd.kind(), channel,
                new Feedback.Sender(name, email, phone, senderAddress, citizen == null ? null : citizen.accountId(), contactKey),
                about, title, content, now, cal);
        store.insert(f);
        String owner = citizen != null ? citizen.fileOwner() : "feedback:" + code;
        for (Upload u : uploads) {
            StoredFile stored = upload(u, owner);
            store.attach(f.id(), stored.id(), stored.name());
        }
        audit.record(AuditEntry.of("feedback.filed", citizen != null ? citizen.fileOwner() : "anonymous", "feedback", code)
                .detail(channel + "; " + about.subject() + (uploads.isEmpty() ? "" : "; " + uploads.size() + " file(s)"))
                .address(address));
        f.takeEvents().forEach(events::publishEvent);
        mail.afterCommit(name, email, null, "feedback.mail.filed", name, code, key, followUrl(code, key),
                SHOWN.format(f.intakeDueAt()));
        return new FiledFeedback(code, key, f.status(), odt(f.filedAt()), odt(f.intakeDueAt()));
    }

    private Feedback.About about(FileFeedback cmd, Map<String, String> errors) {
        if (cmd.subject() == null) {
            errors.put("subject", "validation.required");
            return new Feedback.About(null, null, null, null, null);
        }
        String procedure = null;
        Long unit = null;
        String officer = null;
        String dossier = null;
        switch (cmd.subject()) {
            case PROCEDURE -> {
                procedure = line(cmd.procedureCode(), null);
                if (procedure == null) {
                    errors.put("procedureCode", "validation.required");
                } else if (procedure.length() > 40 || Texts.hasControl(procedure) || catalog.findPublished(procedure).isEmpty()) {
                    errors.put("procedureCode", "feedback.procedure.unknown");
                }
            }
            case UNIT, OFFICER -> {
                unit = cmd.unitId();
                if (unit == null) {
                    errors.put("unitId", "validation.required");
                } else if (org.findUnit(new UnitId(unit)).filter(UnitView::active).isEmpty()) {
                    errors.put("unitId", "feedback.unit.unknown");
                }
                if (cmd.subject() == FeedbackSubject.OFFICER) {
                    officer = line(cmd.officerName(), null);
                    text(errors, "officerName", officer, 2, 120, true);
                }
            }
            case DOSSIER -> {
                dossier = line(cmd.dossierCode(), null);
                if (dossier == null) {
                    errors.put("dossierCode", "validation.required");
                } else if (dossier.length() > 40 || Texts.hasControl(dossier) || dossiers.track(dossier).isEmpty()) {
                    errors.put("dossierCode", "feedback.dossier.unknown");
                }
            }
            default -> throw new IllegalStateException();
        }
        return new Feedback.About(cmd.subject(), procedure, unit, officer, dossier);
    }

    private StoredFile upload(Upload u, String owner) {
        try (InputStream in = u.content().getInputStream()) {
            return files.upload(u.fileName(), in, owner);
        } catch (InvalidInput e) {
            throw new InvalidInput(Map.of("attachments", e.fieldErrors().values().iterator().next()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the sender follows their PAKN, with the key (e-mails, the filing's answer). */
    public String followUrl(String code, String key) {
        return publicUrl + "/public/feedback/" + code + "?k=" + key;
    }

    /** The PAKN as anyone with the code sees it (no personal data); 404 for an unknown code. */
    @Transactional(readOnly = true)
    public PublicFeedbackView publicView(String code) {
        return publicView(find(code), clock.instant());
    }

    /** The PAKN as its sender sees it; 404 unless the key is the one given at filing. */
    @Transactional(readOnly = true)
    public SenderFeedbackView senderView(String code, String key) {
        return senderView(asSender(find(code), key, null));
    }

    /** The PAKN as the portal account that filed it sees it; 404 for another's. */
    @Transactional(readOnly = true)
    public SenderFeedbackView senderView(String code, CitizenPrincipal citizen) {
        return senderView(asSender(find(code), null, citizen));
    }

    /** The PAKN a portal account filed, newest first. */
    @Transactional(readOnly = true)
    public PageResult<SenderFeedbackView> mine(CitizenPrincipal citizen, int page, int size) {
        Paging p = Paging.of(page, size, 100);
        List<String> codes = jdbc.sql("SELECT code FROM feedback WHERE sender_account_id = ? ORDER BY filed_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(citizen.accountId(), p.size(), p.offset()).query(String.class).list();
        long total = jdbc.sql("SELECT count(*) FROM feedback WHERE sender_account_id = ?").param(citizen.accountId())
                .query(Long.class).single();
        return new PageResult<>(codes.stream().map(c -> senderView(find(c))).toList(), p.page(), p.size(), total);
    }

    /** The sender sends what the desk asked for (key or portal account). */
    @Transactional
    public SenderFeedbackView supplement(String code, String key, CitizenPrincipal citizen, String text, String address) {
        Feedback f = asSender(findForUpdate(code), key, citizen);
        String t = multiline(text);
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "text", t, 2, 4000, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        f.supplement(clock.instant(), t, calendars.calendar());
        store.update(f);
        audit.record(AuditEntry.of("feedback.supplemented", citizen != null ? citizen.fileOwner() : "sender", "feedback", code)
                .address(address));
        f.takeEvents().forEach(events::publishEvent);
        return senderView(f);
    }

    /** The sender rates the published answer, once (key or portal account). */
    @Transactional
    public SenderFeedbackView rate(String code, String key, CitizenPrincipal citizen, FeedbackRating rating, String comment,
                                   String address) {
        Feedback f = asSender(findForUpdate(code), key, citizen);
        if (rating == null) {
            throw InvalidInput.of("rating", "validation.required");
        }
        String c = multiline(comment);
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "comment", c, 0, 2000, false);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        f.rate(clock.instant(), rating, c);
        store.update(f);
        audit.record(AuditEntry.of("feedback.rated", citizen != null ? citizen.fileOwner() : "sender", "feedback", code)
                .detail(rating.name()).address(address));
        f.takeEvents().forEach(events::publishEvent);
        return senderView(f);
    }

    /** Published answers, newest first; {@code q} matches title, question and answer ignoring diacritics and case. */
    @Transactional(readOnly = true)
    public PageResult<PublicFeedbackView> published(String q, int page, int size) {
        Paging p = Paging.of(page, size, 100);
        List<Object> params = new ArrayList<>();
        String where = "status = 'PUBLISHED'" + words("published_search", q, params);
        long total = jdbc.sql("SELECT count(*) FROM feedback WHERE " + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(p.size());
        paged.add(p.offset());
        List<String> codes = jdbc.sql("SELECT code FROM feedback WHERE " + where + " ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(paged).query(String.class).list();
        Instant now = clock.instant();
        return new PageResult<>(codes.stream().map(c -> publicView(find(c), now)).toList(), p.page(), p.size(), total);
    }

    // ------------------------------------------------------------------ staff

    /** One staff queue, newest first, with the PAKN the officer may see; {@code q} matches code, title and sender. */
    @Transactional(readOnly = true)
    public PageResult<FeedbackSummary> queue(FeedbackQueue queue, String q, int page, int size, StaffPrincipal me) {
        Paging p = Paging.of(page, size, 100);
        Instant now = clock.instant();
        List<Object> params = new ArrayList<>();
        String where = visibility(me, params) + " AND " + condition(queue == null ? FeedbackQueue.ALL : queue, now, params);
        where += words("search_fold(f.code || ' ' || f.title || ' ' || f.sender_name)", q, params);
        long total = jdbc.sql("SELECT count(*) FROM feedback f WHERE " + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(p.size());
        paged.add(p.offset());
        List<FeedbackSummary> items = jdbc.sql("""
                        SELECT f.code, f.kind, f.status, f.title, f.sender_name, f.subject_type, f.routed_unit_id, f.filed_at, f.due_at
                          FROM feedback f WHERE""" + " " + where + " ORDER BY coalesce(f.due_at, f.filed_at) DESC, f.id DESC LIMIT ? OFFSET ?")
                .params(paged)
                .query((rs, n) -> {
                    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
                    Long routed = (Long) rs.getObject("routed_unit_id");
                    return new FeedbackSummary(rs.getString("code"), FeedbackKind.valueOf(rs.getString("kind")),
                            FeedbackStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("sender_name"),
                            FeedbackSubject.valueOf(rs.getString("subject_type")), routed == null ? null : unitName(routed),
                            local(rs.getObject("filed_at", OffsetDateTime.class)), local(due),
                            due != null && now.isAfter(due.toInstant()));
                }).list();
        return new PageResult<>(items, p.page(), p.size(), total);
    }

    /** How many PAKN the officer may see wait in each queue (the overdue ones counted apart). */
    @Transactional(readOnly = true)
    public Map<FeedbackQueue, Long> counts(StaffPrincipal me) {
        Instant now = clock.instant();
        // the parameters in the order of the SQL: the moment of the FILTER, then the visibility's
        List<Object> params = new ArrayList<>();
        params.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        String visible = visibility(me, params);
        Map<FeedbackQueue, Long> counts = new EnumMap<>(FeedbackQueue.class);
        for (FeedbackQueue q : FeedbackQueue.values()) {
            counts.put(q, 0L);
        }
        jdbc.sql("SELECT f.status, count(*), count(*) FILTER (WHERE f.due_at < ?) FROM feedback f WHERE " + visible
                        + " GROUP BY f.status")
                .params(params)
                .query(rs -> {
                    FeedbackStatus s = FeedbackStatus.valueOf(rs.getString(1));
                    long n = rs.getLong(2);
                    counts.merge(FeedbackQueue.ALL, n, Long::sum);
                    counts.merge(FeedbackQueue.OVERDUE, rs.getLong(3), Long::sum);
                    FeedbackQueue q = switch (s) {
                        case WAITING_INTAKE, RETURNED -> FeedbackQueue.INTAKE;
                        case WAITING_SUPPLEMENT -> FeedbackQueue.SUPPLEMENT;
                        case PROCESSING -> FeedbackQueue.PROCESSING;
                        case WAITING_PUBLISH -> FeedbackQueue.PUBLISH;
                        case PUBLISHED -> FeedbackQueue.PUBLISHED;
                        case REFUSED -> FeedbackQueue.REFUSED;
                    };
                    counts.merge(q, n, Long::sum);
                });
        return counts;
    }

    /**
     * The search text as conditions on a folded column: every word (at most
     * ten) must appear, ignoring diacritics and case; empty when there is none.
     */
    static String words(String column, String q, List<Object> params) {
        if (Texts.isBlank(Texts.query("q", q))) {
            return "";
        }
        StringBuilder sql = new StringBuilder();
        java.util.Arrays.stream(Texts.fold(q).split(" ")).filter(w -> !w.isBlank()).distinct().limit(10).forEach(w -> {
            sql.append(" AND ").append(column).append(" LIKE ? ESCAPE '\\'");
            params.add("%" + Texts.likeEscape(w) + "%");
        });
        return sql.toString();
    }

    private String visibility(StaffPrincipal me, List<Object> params) {
        OfficerScope scope = org.scopeOf(me.id());
        if (scope.allUnits() || access.isDesk(me, scope)) {
            return "TRUE";
        }
        params.add(scope.unitIdArray());
        return "f.routed_unit_id = ANY(?)";
    }

    private static String condition(FeedbackQueue queue, Instant now, List<Object> params) {
        return switch (queue) {
            case INTAKE -> "f.status IN ('WAITING_INTAKE', 'RETURNED')";
            case SUPPLEMENT -> "f.status = 'WAITING_SUPPLEMENT'";
            case PROCESSING -> "f.status = 'PROCESSING'";
            case PUBLISH -> "f.status = 'WAITING_PUBLISH'";
            case PUBLISHED -> "f.status = 'PUBLISHED'";
            case REFUSED -> "f.status = 'REFUSED'";
            case OVERDUE -> {
                params.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                yield "f.due_at < ?";
            }
            case ALL -> "TRUE";
        };
    }

    /** The whole PAKN for an officer who may see it; 404 otherwise. */
    @Transactional(readOnly = true)
    public FeedbackView get(String code, StaffPrincipal me) {
        Feedback f = find(code);
        visible(f, me);
        return view(f, clock.instant());
    }

    /** The acts the officer may do now on the PAKN (empty for one they see but may not act on). */
    @Transactional(readOnly = true)
    public Set<FeedbackAction> allowedActs(String code, StaffPrincipal me) {
        Feedback f = find(code);
        OfficerScope scope = visible(f, me);
        boolean desk = access.isDesk(me, scope);
        boolean handles = access.handles(f, me, scope);
        Set<FeedbackAction> out = EnumSet.noneOf(FeedbackAction.class);
        for (FeedbackAction a : f.possibleActs()) {
            if (a.actor() == FeedbackAction.Actor.DESK && desk || a.actor() == FeedbackAction.Actor.UNIT && handles) {
                out.add(a);
            }
        }
        return out;
    }

    /** The acts recorded on a PAKN (its audit trail), oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String code, StaffPrincipal me) {
        visible(find(code), me);
        List<AuditEntry> entries = new ArrayList<>(audit.about("feedback", code, 200));
        java.util.Collections.reverse(entries);
        return entries;
    }

    /** A file attached to a PAKN the officer may see; 404 otherwise. */
    @Transactional(readOnly = true)
    public StoredFile attachment(String code, UUID fileId, StaffPrincipal me) {
        Feedback f = find(code);
        visible(f, me);
        if (store.attachments(f.id()).stream().noneMatch(a -> a.fileId().equals(fileId))) {
            throw new NotFound("attachment " + fileId);
        }
        return files.find(fileId).orElseThrow(() -> new NotFound("attachment " + fileId));
    }

    public InputStream content(StoredFile f) throws IOException {
        return files.content(f);
    }

    /** What the desk would publish by default: the PAKN and its answer with personal data removed. */
    @Transactional(readOnly = true)
    public Publication suggestion(String code, StaffPrincipal me) {
        Feedback f = find(code);
        visible(f, me);
        return suggestion(f);
    }

    private Publication suggestion(Feedback f) {
        List<String> names = new ArrayList<>();
        names.add(f.senderName());
        if (f.officerName() != null) {
            names.add(f.officerName());
        }
        return new Publication(Redaction.redact(f.title(), names), Redaction.redact(f.content(), names),
                f.answer() == null ? null : Redaction.redact(f.answer(), names));
    }

    /**
     * A staff act. The checks come in this order: the PAKN exists and the
     * officer may see it (404), the act is theirs (403: the desk's acts for
     * the desk, the unit's for the routed unit's leaders and specialists),
     * the input (422), then the lifecycle (409 with the rule).
     */
    @Transactional
    public FeedbackView act(String code, FeedbackAction action, FeedbackAct body, StaffPrincipal me) {
        Feedback f = findForUpdate(code);
        OfficerScope scope = visible(f, me);
        FeedbackAct a = body == null ? FeedbackAct.empty() : body;
        switch (action.actor()) {
            case DESK -> {
                if (!access.isDesk(me, scope)) {
                    throw new AccessDeniedException("feedback " + action.path());
                }
            }
            case UNIT -> {
                if (!access.handles(f, me, scope)) {
                    throw new AccessDeniedException("feedback " + action.path());
                }
            }
            case SENDER -> throw new NotFound("action " + action.path());
            default -> throw new IllegalStateException();
        }
        if (a.version() != null && a.version() != f.version()) {
            throw new OptimisticLockingFailureException("feedback " + code + " changed meanwhile");
        }
        Instant now = clock.instant();
        WorkingCalendar cal = calendars.calendar();
        Map<String, String> errors = new LinkedHashMap<>();
        String detail;
        String reason = null;
        switch (action) {
            case RECEIVE -> {
                UnitView to = unitToRoute(a.toUnit(), errors);
                StaffView officer = officer(a.officerId(), errors);
                failOn(errors);
                UnitId officerUnit = officer == null ? null
                        : officer.units().isEmpty() ? (f.unitId() == null ? null : new UnitId(f.unitId())) : officer.units().get(0).unitId();
                f.receive(now, to.id(), officer == null ? null : officer.staffId(), officerUnit, me.username(), cal);
                detail = "→ " + to.name() + (officer == null ? "" : "; officer " + officer.username());
            }
            case ROUTE -> {
                UnitView to = unitToRoute(a.toUnit(), errors);
                failOn(errors);
                f.route(now, to.id(), me.username(), cal);
                detail = "→ " + to.name();
            }
            case REFUSE -> {
                reason = required(errors, "reason", a.reason(), 1000);
                failOn(errors);
                f.refuse(now, reason, me.username());
                detail = null;
            }
            case REQUEST_SUPPLEMENT -> {
                reason = required(errors, "text", a.text(), 2000);
                failOn(errors);
                f.requestSupplement(now, reason, me.username());
                detail = null;
            }
            case RETURN -> {
                reason = required(errors, "reason", a.reason(), 1000);
                failOn(errors);
                f.returnToDesk(now, reason, me.username(), cal);
                detail = null;
            }
            case ANSWER -> {
                String answer = multiline(a.text());
                text(errors, "text", answer, 2, 8000, true);
                failOn(errors);
                f.answer(now, answer, me.fullName(), me.id(), cal);
                detail = null;
            }
            case PUBLISH -> {
                if (f.status() != FeedbackStatus.WAITING_PUBLISH) {
                    throw new DomainRuleViolation(Feedback.ILLEGAL, "feedback.rule.illegal", action.path(), f.status().name());
                }
                Publication s = suggestion(f);
                String title = Texts.isBlank(a.publishedTitle()) ? s.title() : line(a.publishedTitle(), null);
                String question = Texts.isBlank(a.publishedQuestion()) ? s.question() : multiline(a.publishedQuestion());
                String answer = Texts.isBlank(a.publishedAnswer()) ? s.answer() : multiline(a.publishedAnswer());
                text(errors, "publishedTitle", title, 2, 200, true);
                text(errors, "publishedQuestion", question, 2, 4000, true);
                text(errors, "publishedAnswer", answer, 2, 8000, true);
                failOn(errors);
                f.publish(now, title, question, answer, me.username());
                detail = null;
            }
            default -> throw new NotFound("action " + action.path());
        }
        store.update(f);
        audit.record(AuditEntry.of("feedback." + action.path(), me.username(), "feedback", code)
                .detail(f.status() + (detail == null ? "" : "; " + detail)).reason(reason));
        f.takeEvents().forEach(events::publishEvent);
        notifySender(f, action);
        return view(f, now);
    }

    private void notifySender(Feedback f, FeedbackAction action) {
        String key = switch (action) {
            case REFUSE -> "feedback.mail.refused";
            case REQUEST_SUPPLEMENT -> "feedback.mail.supplement";
            case PUBLISH -> "feedback.mail.published";
            default -> null;
        };
        if (key != null) {
            mail.afterCommit(f.senderName(), f.senderEmail(), null, key, f.senderName(), f.code(),
                    action == FeedbackAction.REFUSE ? f.refusalReason() : action == FeedbackAction.REQUEST_SUPPLEMENT
                            ? f.supplementRequest() : "", publicUrl + "/public/feedback/" + f.code());
        }
    }

    private UnitView unitToRoute(Long id, Map<String, String> errors) {
        if (id == null) {
            errors.put("toUnit", "validation.required");
            return null;
        }
        UnitView u = org.findUnit(new UnitId(id)).filter(UnitView::active).orElse(null);
        if (u == null) {
            errors.put("toUnit", "feedback.unit.unknown");
        }
        return u;
    }

    private StaffView officer(Long id, Map<String, String> errors) {
        if (id == null) {
            return null;
        }
        try {
            return org.staff(new StaffId(id), OfficerScope.everything(null));
        } catch (NotFound e) {
            errors.put("officerId", "feedback.officer.unknown");
            return null;
        }
    }

    private static void failOn(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static String required(Map<String, String> errors, String field, String value, int max) {
        String v = multiline(value);
        text(errors, field, v, 2, max, true);
        return v;
    }

    /** The accounts of the unit a PAKN about an officer names, for the desk to identify the officer; null for other subjects. */
    @Transactional(readOnly = true)
    public List<StaffView> officersOf(FeedbackView f) {
        if (f.subject() != FeedbackSubject.OFFICER || f.unit() == null) {
            return null;
        }
        return org.searchStaff(null, f.unit().id(), OfficerScope.everything(null), 0, 100).items();
    }

    /** Units a PAKN may be routed to: every active unit but the one-stop desks. */
    @Transactional(readOnly = true)
    public List<UnitView> routableUnits() {
        return org.allUnits().stream().filter(UnitView::active).filter(u -> u.kind() != UnitKind.ONE_STOP_DESK).toList();
    }

    /** The units a PAKN may be about (the public form's list): every active unit. */
    @Transactional(readOnly = true)
    public List<UnitView> units() {
        return org.allUnits().stream().filter(UnitView::active).toList();
    }

    /** Whether the officer works at the PAKN desk. */
    @Transactional(readOnly = true)
    public boolean isDesk(StaffPrincipal me) {
        return access.isDesk(me, org.scopeOf(me.id()));
    }

    // ------------------------------------------------------------------ desks (administrators)

    @Transactional(readOnly = true)
    public List<UnitView> desks() {
        return access.deskUnits().stream().map(id -> org.findUnit(new UnitId(id)).orElse(null)).filter(Objects::nonNull).toList();
    }

    /** Makes a unit a PAKN desk (administrators; audited). */
    @Transactional
    public void addDesk(long unitId, StaffPrincipal me) {
        requireAdmin(me);
        if (org.findUnit(new UnitId(unitId)).isEmpty()) {
            throw InvalidInput.of("unitId", "feedback.unit.unknown");
        }
        if (store.addDesk(unitId, me.username())) {
            audit.record(AuditEntry.of("feedback.desk.added", me.username(), "unit", String.valueOf(unitId)));
        }
    }

    @Transactional
    public void removeDesk(long unitId, StaffPrincipal me) {
        requireAdmin(me);
        if (store.removeDesk(unitId)) {
            audit.record(AuditEntry.of("feedback.desk.removed", me.username(), "unit", String.valueOf(unitId)));
        }
    }

    /** For set-up without a signed-in administrator (demo data, tests): makes a unit a PAKN desk. */
    @Transactional
    public void registerDesk(UnitId unit, String by) {
        store.addDesk(unit.value(), by);
    }

    private static void requireAdmin(StaffPrincipal me) {
        if (!me.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("feedback desks");
        }
    }

    // ------------------------------------------------------------------ helpers

    private Feedback find(String code) {
        return store.find(code).orElseThrow(() -> new NotFound("feedback " + code));
    }

    private Feedback findForUpdate(String code) {
        return store.findForUpdate(code).orElseThrow(() -> new NotFound("feedback " + code));
    }

    private OfficerScope visible(Feedback f, StaffPrincipal me) {
        OfficerScope scope = org.scopeOf(me.id());
        if (!access.sees(f, scope, access.isDesk(me, scope))) {
            throw new NotFound("feedback " + f.code());
        }
        return scope;
    }

    private static Feedback asSender(Feedback f, String key, CitizenPrincipal citizen) {
        boolean owner = citizen != null && f.senderAccountId() != null && f.senderAccountId() == citizen.accountId();
        if (!owner && !SenderKeys.matches(key, f.keyHash())) {
            throw new NotFound("feedback " + f.code());
        }
        return f;
    }

    private PublicFeedbackView publicView(Feedback f, Instant now) {
        boolean refused = f.status() == FeedbackStatus.REFUSED;
        boolean published = f.status() == FeedbackStatus.PUBLISHED;
        Long unit = f.answeredUnitId() != null ? f.answeredUnitId() : f.routedUnitId();
        return new PublicFeedbackView(f.code(), f.kind(), f.status(), odt(f.filedAt()), refused ? null : odt(f.receivedAt()),
                published ? odt(f.answeredAt()) : null, odt(f.publishedAt()), odt(f.dueAt()), f.overdueAt(now),
                refused || unit == null ? null : unitName(unit),
                published ? f.publishedTitle() : null, published ? f.publishedQuestion() : null,
                published ? f.publishedAnswer() : null, f.rating() != null);
    }

    private SenderFeedbackView senderView(Feedback f) {
        boolean published = f.status() == FeedbackStatus.PUBLISHED;
        return new SenderFeedbackView(publicView(f, clock.instant()), f.title(), f.content(), f.supplementRequest(),
                f.supplementText(), f.refusalReason(), published ? f.answer() : null, f.rating(), f.ratingComment(),
                odt(f.ratedAt()), f.status() == FeedbackStatus.WAITING_SUPPLEMENT, published && f.rating() == null);
    }

    private FeedbackView view(Feedback f, Instant now) {
        List<FeedbackView.Attachment> attachments = store.attachments(f.id()).stream()
                .map(a -> new FeedbackView.Attachment(a.fileId(), a.name())).toList();
        return new FeedbackView(f.code(), f.kind(), f.status(), f.channel(),
                new FeedbackView.Sender(f.senderName(), f.senderEmail(), f.senderPhone(), f.senderAddress(), f.senderAccountId() != null),
                f.subject(), f.procedureCode(), unitRef(f.unitId()), f.officerName(),
                f.officerId() == null ? null : new FeedbackView.Ref(f.officerId(), org.findStaffName(f.officerId()).orElse("#" + f.officerId())),
                f.dossierCode(), f.title(), f.content(), attachments, odt(f.filedAt()), odt(f.intakeDueAt()), odt(f.supplementDueAt()),
                f.supplementRequest(), odt(f.supplementRequestedAt()), f.supplementText(), odt(f.supplementedAt()),
                odt(f.refusedAt()), f.refusalReason(), odt(f.receivedAt()), unitRef(f.routedUnitId()), odt(f.routedAt()),
                odt(f.handleDueAt()), odt(f.returnedAt()), f.returnReason(), f.answer(), odt(f.answeredAt()), f.answeredBy(),
                odt(f.publishDueAt()), odt(f.publishedAt()), f.publishedTitle(), f.publishedQuestion(), f.publishedAnswer(),
                f.rating(), f.ratingComment(), odt(f.ratedAt()), odt(f.dueAt()), f.overdueAt(now), f.intakeOnTime(),
                f.answeredOnTime(), f.publishedOnTime(), f.version());
    }

    private FeedbackView.Ref unitRef(Long id) {
        return id == null ? null : new FeedbackView.Ref(id, unitName(id));
    }

    private String unitName(long id) {
        return org.findUnit(new UnitId(id)).map(UnitView::name).orElse("#" + id);
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, CalendarService.ZONE);
    }

    private static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CalendarService.ZONE).toOffsetDateTime();
    }

    /** One line of text: NFC, trimmed, inner white space collapsed; the fallback when empty; null when both are. */
    private static String line(String value, String fallback) {
        String v = Texts.clean(value);
        if (Texts.isBlank(v)) {
            v = Texts.clean(fallback);
        }
        return Texts.isBlank(v) ? null : v;
    }

    /** A text of several lines: NFC, trimmed, line breaks kept (at most two in a row); null when blank. */
    static String multiline(String value) {
        if (value == null) {
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        return v.isEmpty() ? null : v;
    }

    private static void text(Map<String, String> errors, String field, String value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                errors.putIfAbsent(field, "validation.required");
            }
            return;
        }
        if (value.length() > max) {
            errors.putIfAbsent(field, "validation.tooLong");
        } else if (value.length() < min) {
            errors.putIfAbsent(field, "feedback.text.tooShort");
        } else if (Texts.hasControl(value)) {
            errors.putIfAbsent(field, "validation.text.control");
        }
    }
}
