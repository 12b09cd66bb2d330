package vn.motcua.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.feedback.internal.FeedbackLinks;
import vn.motcua.feedback.internal.FeedbackMail;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;
import vn.motcua.portal.NotificationChannel;
import vn.motcua.shared.AfterCommit;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * Survey campaigns in the SIPAS shape (ASSESSMENT.md §4): five factors, each
 * asked as perception, satisfaction and expectation on 1–5, of a sample of
 * recently returned dossiers taken from this module's own read model (fed by
 * the dossier module's events). Opening a campaign draws the sample (those
 * whose applicant left an e-mail address, read through the dossier module's
 * API), writes one invitation each and mails them after the commit; an
 * invitation not sent (no mail server, a failure) is sent again by
 * {@link #sendPending}, every ten minutes on one node. Supervisors and
 * administrators run campaigns and read their results, per unit and period.
 */
@Service
public class SurveyService {

    private static final Logger log = LoggerFactory.getLogger(SurveyService.class);
    static final int MAX_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final DossierService dossiers;
    private final OrganizationService org;
    private final FeedbackLinks links;
    private final FeedbackMail mail;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String publicUrl;

    public SurveyService(JdbcClient jdbc, DossierService dossiers, OrganizationService org, FeedbackLinks links, FeedbackMail mail,
                         AuditTrail audit, TransactionTemplate tx, Clock clock,
                         @Value("${motcua.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.org = org;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    // ------------------------------------------------------------------ campaigns

    @Transactional
    public SurveyView create(SurveyCommand c, StaffPrincipal me) {
        requireManager(me);
        Map<String, String> errors = new LinkedHashMap<>();
        String title = Texts.clean(c.title());
        if (Texts.isBlank(title)) {
            errors.put("title", "validation.required");
        } else if (title.length() > 200 || Texts.hasControl(title)) {
            errors.put("title", "validation.tooLong");
        }
        if (c.unitId() != null && org.findUnit(new UnitId(c.unitId())).isEmpty()) {
            errors.put("unitId", "feedback.unit.unknown");
        }
        if (c.returnedFrom() == null) {
            errors.put("returnedFrom", "validation.required");
        }
        if (c.returnedTo() == null) {
            errors.put("returnedTo", "validation.required");
        }
        if (c.returnedFrom() != null && c.returnedTo() != null
                && (c.returnedTo().isBefore(c.returnedFrom()) || c.returnedTo().isAfter(c.returnedFrom().plusYears(1)))) {
            errors.put("returnedTo", "survey.period.invalid");
        }
        if (c.sampleSize() == null || c.sampleSize() < 1 || c.sampleSize() > 2000) {
            errors.put("sampleSize", "survey.sample.invalid");
        }
        LocalDate today = LocalDate.now(clock.withZone(CalendarService.ZONE));
        if (c.closesOn() == null || c.closesOn().isBefore(today)) {
            errors.put("closesOn", "survey.closesOn.invalid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = jdbc.sql("""
                INSERT INTO survey (title, unit_id, returned_from, returned_to, sample_size, status, closes_on, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) RETURNING id""")
                .params(title, c.unitId(), c.returnedFrom(), c.returnedTo(), c.sampleSize(), c.closesOn(), me.username(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query(Long.class).single();
        audit.record(AuditEntry.of("survey.created", me.username(), "survey", String.valueOf(id)).detail(title));
        return get(id, me);
    }

    /**
     * Opens a drafted campaign: draws the sample among the dossiers returned in
     * its period (by its unit and the units below), keeping those whose
     * applicant left an e-mail address, and invites them after the commit.
     */
    @Transactional
    public SurveyView open(long id, StaffPrincipal me) {
        requireManager(me);
        SurveyView s = find(id);
        if (s.status() != SurveyStatus.DRAFT) {
            throw new DomainRuleViolation("survey-illegal-transition", "survey.rule.illegal", "open", s.status().name());
        }
        Instant now = clock.instant();
        int invited = sample(s, now);
        jdbc.sql("UPDATE survey SET status = 'OPEN', opened_at = ?, version = version + 1 WHERE id = ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), id).update();
        audit.record(AuditEntry.of("survey.opened", me.username(), "survey", String.valueOf(id)).detail(invited + " invited"));
        AfterCommit.run(() -> mail.later(() -> {
            try {
                sendPending();
            } catch (RuntimeException e) {
                log.warn("Survey {} invitations not all sent: {}", id, e.toString());
            }
        }));
        return get(id, me);
    }

    /** Draws and writes the invitations; answers how many. */
    int sample(SurveyView s, Instant now) {
        List<Object> params = new ArrayList<>();
        params.add(s.returnedFrom().atStartOfDay(CalendarService.ZONE).toOffsetDateTime());
        params.add(s.returnedTo().plusDays(1).atStartOfDay(CalendarService.ZONE).toOffsetDateTime());
        String filter = "";
        if (s.unitId() != null) {
            filter = " AND receiving_unit_id = ANY(?)";
            params.add(org.selfAndDescendants(List.of(s.unitId())).toArray(Long[]::new));
        }
        params.add(String.valueOf(s.id()));
        params.add(s.sampleSize() * 5);
        List<String[]> candidates = jdbc.sql("""
                SELECT code, receiving_unit_id, procedure_code FROM satisfaction_dossier
                 WHERE returned_at >= ? AND returned_at < ?""" + filter + " ORDER BY md5(code || ?) LIMIT ?")
                .params(params)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        int invited = 0;
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        for (String[] c : candidates) {
            if (invited >= s.sampleSize()) {
                break;
            }
            DossierView d;
            try {
                d = dossiers.get(c[0], OfficerScope.everything(null));
            } catch (NotFound e) {
                continue;
            }
            String email = d.applicant() == null ? null : d.applicant().email();
            if (Texts.isBlank(email) || !email.contains("@")) {
                continue;
            }
            invited += jdbc.sql("""
                    INSERT INTO survey_invitation (survey_id, dossier_code, unit_id, procedure_code, applicant_name, email, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(s.id(), c[0], c[1] == null ? null : Long.valueOf(c[1]), c[2], d.applicant().fullName(), email.strip(), at)
                    .update();
        }
        return invited;
    }

    @Transactional
    public SurveyView close(long id, StaffPrincipal me) {
        requireManager(me);
        SurveyView s = find(id);
        if (s.status() != SurveyStatus.OPEN) {
            throw new DomainRuleViolation("survey-illegal-transition", "survey.rule.illegal", "close", s.status().name());
        }
        jdbc.sql("UPDATE survey SET status = 'CLOSED', closed_at = ?, version = version + 1 WHERE id = ?")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id).update();
        audit.record(AuditEntry.of("survey.closed", me.username(), "survey", String.valueOf(id)));
        return get(id, me);
    }

    @Transactional(readOnly = true)
    public List<SurveyView> list(StaffPrincipal me) {
        requireManager(me);
        return jdbc.sql("SELECT id FROM survey ORDER BY created_at DESC, id DESC LIMIT 200").query(Long.class).list().stream()
                .map(this::find).toList();
    }

    @Transactional(readOnly = true)
    public SurveyView get(long id, StaffPrincipal me) {
        requireManager(me);
        return find(id);
    }

    private SurveyView find(long id) {
        return jdbc.sql("""
                SELECT s.*, (SELECT count(*) FROM survey_invitation i WHERE i.survey_id = s.id) AS invited,
                       (SELECT count(*) FROM survey_invitation i WHERE i.survey_id = s.id AND i.sent_at IS NOT NULL) AS sent,
                       (SELECT count(*) FROM survey_invitation i WHERE i.survey_id = s.id AND i.answered_at IS NOT NULL) AS answered
                  FROM survey s WHERE s.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    Long unit = (Long) rs.getObject("unit_id");
                    return new SurveyView(rs.getLong("id"), rs.getString("title"), unit, unit == null ? null : unitName(unit),
                            rs.getObject("returned_from", LocalDate.class), rs.getObject("returned_to", LocalDate.class),
                            rs.getInt("sample_size"), SurveyStatus.valueOf(rs.getString("status")),
                            rs.getObject("closes_on", LocalDate.class), rs.getLong("invited"), rs.getLong("sent"),
                            rs.getLong("answered"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
                }).optional().orElseThrow(() -> new NotFound("survey " + id));
    }

    // ------------------------------------------------------------------ invitations

    /**
     * Sends the invitations of open campaigns not sent yet, one by one, each
     * marked sent in its own transaction; a failure is counted and kept for the
     * next run (at most {@value #MAX_ATTEMPTS} attempts). Answers how many were sent.
     */
    public int sendPending() {
        List<Object[]> pending = jdbc.sql("""
                SELECT i.id, i.email, i.applicant_name, i.dossier_code, s.title, s.closes_on FROM survey_invitation i
                  JOIN survey s ON s.id = i.survey_id
                 WHERE i.sent_at IS NULL AND s.status = 'OPEN' AND i.send_attempts < ? ORDER BY i.id LIMIT 500""")
                .param(MAX_ATTEMPTS)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class)}).list();
        int sent = 0;
        for (Object[] p : pending) {
            long id = (Long) p[0];
            String link = publicUrl + "/public/survey/" + id + "?t=" + token(id);
            String subject = mail.text("survey.mail.subject", p[4]);
            String body = mail.text("survey.mail.body", p[2], p[4], p[3], link,
                    ((LocalDate) p[5]).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            try {
                mail.sendNow(new NotificationChannel.Recipient((String) p[2], (String) p[1], null), subject, body);
                tx.executeWithoutResult(s -> jdbc.sql("UPDATE survey_invitation SET sent_at = ?, send_attempts = send_attempts + 1 WHERE id = ?")
                        .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), id).update());
                sent++;
            } catch (RuntimeException e) {
                log.warn("Survey invitation {} not sent: {}", id, e.toString());
                tx.executeWithoutResult(s -> jdbc.sql(
                        "UPDATE survey_invitation SET send_attempts = send_attempts + 1, last_error = ? WHERE id = ?")
                        .params(e.toString().length() > 500 ? e.toString().substring(0, 500) : e.toString(), id).update());
            }
        }
        return sent;
    }

    /** Every ten minutes, on one node of the cluster: {@link #sendPending}. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    @SchedulerLock(name = "survey-invitations", lockAtMostFor = "PT9M")
    public void sendPendingInvitations() {
        int sent = sendPending();
        if (sent > 0) {
            log.info("Sent {} survey invitations", sent);
        }
    }

    /** The token of an invitation's link. */
    public String token(long invitationId) {
        return links.token("survey:" + invitationId);
    }

    /** The invitation the link opens; 404 for a wrong token. */
    @Transactional(readOnly = true)
    public SurveyInvitationView invitation(long id, String token) {
        if (!links.valid("survey:" + id, token)) {
            throw new NotFound("survey invitation");
        }
        LocalDate today = LocalDate.now(clock.withZone(CalendarService.ZONE));
        return jdbc.sql("""
                SELECT i.id, s.title, i.dossier_code, i.unit_id, s.closes_on, s.status, i.answered_at FROM survey_invitation i
                  JOIN survey s ON s.id = i.survey_id WHERE i.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    Long unit = (Long) rs.getObject(4);
                    LocalDate closes = rs.getObject(5, LocalDate.class);
                    return new SurveyInvitationView(rs.getLong(1), rs.getString(2), rs.getString(3), unit == null ? null : unitName(unit),
                            closes, "OPEN".equals(rs.getString(6)) && !today.isAfter(closes), rs.getObject(7) != null);
                }).optional().orElseThrow(() -> new NotFound("survey invitation"));
    }

    /**
     * The invitee's answers: every factor on every dimension, 1–5 (422
     * otherwise), once ({@code survey-answer-once}), while the campaign is
     * open ({@code survey-closed}).
     */
    @Transactional
    public void answer(long id, String token, Map<SurveyFactor, Map<SurveyDimension, Integer>> scores, String comment) {
        answer(invitation(id, token), scores, comment, clock.instant());
    }

    /** The same, at a given moment, without the link (the demo data). */
    @Transactional
    public void answerGiven(long id, Map<SurveyFactor, Map<SurveyDimension, Integer>> scores, String comment, Instant at) {
        answer(invitation(id, token(id)), scores, comment, at);
    }

    private void answer(SurveyInvitationView inv, Map<SurveyFactor, Map<SurveyDimension, Integer>> scores, String comment, Instant at) {
        if (inv.answered()) {
            throw new DomainRuleViolation("survey-answer-once", "survey.rule.once");
        }
        if (!inv.open()) {
            throw new DomainRuleViolation("survey-closed", "survey.rule.closed");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (SurveyFactor f : SurveyFactor.values()) {
            for (SurveyDimension d : SurveyDimension.values()) {
                Integer v = scores == null || scores.get(f) == null ? null : scores.get(f).get(d);
                if (v == null || v < 1 || v > 5) {
                    errors.put(f + "." + d, "survey.score.invalid");
                }
            }
        }
        String text = Texts.clean(comment);
        if (text != null && (text.length() > 2000 || Texts.hasControl(text))) {
            errors.put("comment", "validation.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int updated = jdbc.sql("UPDATE survey_invitation SET answered_at = ?, comment = ? WHERE id = ? AND answered_at IS NULL")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), Texts.isBlank(text) ? null : text, inv.id()).update();
        if (updated != 1) {
            throw new DomainRuleViolation("survey-answer-once", "survey.rule.once");
        }
        for (SurveyFactor f : SurveyFactor.values()) {
            for (SurveyDimension d : SurveyDimension.values()) {
                jdbc.sql("INSERT INTO survey_answer (invitation_id, factor, dimension, score) VALUES (?, ?, ?, ?)")
                        .params(inv.id(), f.name(), d.name(), scores.get(f).get(d)).update();
            }
        }
    }

    // ------------------------------------------------------------------ results

    @Transactional(readOnly = true)
    public SurveyResults results(long id, StaffPrincipal me) {
        SurveyView s = get(id, me);
        List<SurveyResults.FactorScore> overall = scores(id, null);
        List<SurveyResults.UnitResult> units = jdbc.sql("""
                SELECT unit_id, count(*), count(answered_at) FROM survey_invitation WHERE survey_id = ? AND unit_id IS NOT NULL
                 GROUP BY unit_id ORDER BY unit_id""")
                .param(id)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list().stream()
                .map(u -> {
                    List<SurveyResults.FactorScore> f = scores(id, u[0]);
                    BigDecimal mean = mean(f.stream().map(SurveyResults.FactorScore::satisfaction).toList());
                    return new SurveyResults.UnitResult(u[0], unitName(u[0]), u[1], u[2], mean, f);
                }).toList();
        List<String> comments = jdbc.sql("""
                SELECT comment FROM survey_invitation WHERE survey_id = ? AND comment IS NOT NULL ORDER BY answered_at DESC LIMIT 100""")
                .param(id).query(String.class).list();
        return new SurveyResults(s, overall, units, comments);
    }

    private List<SurveyResults.FactorScore> scores(long survey, Long unit) {
        Map<SurveyFactor, Map<SurveyDimension, BigDecimal>> m = new EnumMap<>(SurveyFactor.class);
        List<Object> params = new ArrayList<>(List.of(survey));
        String filter = "";
        if (unit != null) {
            filter = " AND i.unit_id = ?";
            params.add(unit);
        }
        jdbc.sql("""
                SELECT a.factor, a.dimension, avg(a.score) FROM survey_answer a JOIN survey_invitation i ON i.id = a.invitation_id
                 WHERE i.survey_id = ?""" + filter + " GROUP BY a.factor, a.dimension")
                .params(params)
                .query(rs -> {
                    m.computeIfAbsent(SurveyFactor.valueOf(rs.getString(1)), k -> new EnumMap<>(SurveyDimension.class))
                            .put(SurveyDimension.valueOf(rs.getString(2)), rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP));
                });
        List<SurveyResults.FactorScore> out = new ArrayList<>();
        for (SurveyFactor f : SurveyFactor.values()) {
            Map<SurveyDimension, BigDecimal> d = m.getOrDefault(f, Map.of());
            out.add(new SurveyResults.FactorScore(f, d.get(SurveyDimension.PERCEPTION), d.get(SurveyDimension.SATISFACTION),
                    d.get(SurveyDimension.EXPECTATION)));
        }
        return out;
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(java.util.Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), 2, RoundingMode.HALF_UP);
    }

    private static void requireManager(StaffPrincipal me) {
        if (!me.roles().contains(Role.SUPERVISOR) && !me.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("surveys");
        }
    }

    private String unitName(long id) {
        return org.findUnit(new UnitId(id)).map(UnitView::name).orElse("#" + id);
    }
}
