package vn.motcua.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.Upload;
import vn.motcua.feedback.ConsultationCommand;
import vn.motcua.feedback.ConsultationKind;
import vn.motcua.feedback.ConsultationService;
import vn.motcua.feedback.FeedbackAct;
import vn.motcua.feedback.FeedbackAction;
import vn.motcua.feedback.FeedbackChannel;
import vn.motcua.feedback.FeedbackKind;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackSubject;
import vn.motcua.feedback.FileFeedback;
import vn.motcua.feedback.FiledFeedback;
import vn.motcua.feedback.SurveyCommand;
import vn.motcua.feedback.SurveyService;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.support.TestFiles;

/**
 * The feedback module's matrix records, made once per run with the demo
 * accounts (the demo's PAKN desk is the province centre of {@code motcua.tinh}).
 * Each is in a state where an authorized call fails on validation or a rule
 * and changes nothing.
 */
final class FeedbackMatrixFixtures {

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("feedback", "a PAKN waiting for intake (filed on the public site, with one attachment); the desk sees every PAKN"),
            Map.entry("feedbackKey", "the sender's key of @feedback"),
            Map.entry("feedbackFile", "the attachment of @feedback"),
            Map.entry("feedbackRouted", "a PAKN routed to the specialist's division (Sở Tư pháp); other: to Phường Trường Vinh's division"),
            Map.entry("citizenFeedback", "a PAKN the demo citizen filed on the portal; other: one another portal account filed"),
            Map.entry("consultation", "an open consultation of the specialist's division; other: one of Phường Trường Vinh"),
            Map.entry("survey", "a closed survey campaign"),
            Map.entry("surveyInvitation", "an invitation of @survey"),
            Map.entry("surveyToken", "the link token of @surveyInvitation"));

    String feedback;
    String feedbackKey;
    String feedbackFile;
    String routedOwn;
    String routedOther;
    String citizenOwn;
    String citizenOther;
    long consultationOwn;
    long consultationOther;
    long survey;
    long invitation;
    String surveyToken;

    static FeedbackMatrixFixtures create(ApplicationContext context) {
        FeedbackService feedback = context.getBean(FeedbackService.class);
        OrganizationService org = context.getBean(OrganizationService.class);
        CitizenAccounts citizens = context.getBean(CitizenAccounts.class);
        FeedbackMatrixFixtures f = new FeedbackMatrixFixtures();
        StaffPrincipal desk = MatrixFixtures.principal(staff(org, "motcua.tinh"));
        StaffView specialist = staff(org, "chuyenvien.tuphap");
        StaffView tvSpecialist = staff(org, "chuyenvien.truongvinh");
        StaffView tvLeader = staff(org, "lanhdao.truongvinh");
        long division = specialist.units().get(0).id();
        long tvDivision = tvSpecialist.units().get(0).id();

        FiledFeedback filed = feedback.file(filing("matrix.feedback@example.vn", division), List.of(new Upload("anh.pdf",
                new MockMultipartFile("files", "anh.pdf", "application/pdf", TestFiles.pdf()))), FeedbackChannel.PUBLIC_SITE, null, null);
        f.feedback = filed.code();
        f.feedbackKey = filed.key();
        f.feedbackFile = feedback.get(filed.code(), desk).attachments().get(0).fileId().toString();
        f.routedOwn = routed(feedback, desk, division, "matrix.routed.own@example.vn");
        f.routedOther = routed(feedback, desk, tvDivision, "matrix.routed.other@example.vn");

        CitizenPrincipal demo = citizens.find(MatrixFixtures.DEMO_CITIZEN).orElseThrow().principal();
        f.citizenOwn = feedback.file(filing(null, division), List.of(), FeedbackChannel.PORTAL, demo, null).code();
        String otherId = vn.motcua.support.Fixtures.identityNumber("0408", 12);
        CitizenPrincipal other = new CitizenPrincipal(980_000_000L + Math.floorMod(otherId.hashCode(), 1_000_000),
                vn.motcua.dossier.ApplicantKind.PERSON, otherId, "Người Gửi Khác", "0912345679", "khac.pakn@example.vn", null);
        f.citizenOther = feedback.file(filing(null, division), List.of(), FeedbackChannel.PORTAL, other, null).code();

        ConsultationService consultations = context.getBean(ConsultationService.class);
        LocalDate closes = LocalDate.now(CalendarService.ZONE).plusDays(30);
        f.consultationOwn = consultations.create(new ConsultationCommand(division, ConsultationKind.SIMPLIFICATION,
                "Lấy ý kiến ma trận quyền", "Dự thảo phương án đơn giản hóa thủ tục cho ma trận quyền.", null, closes),
                MatrixFixtures.principal(specialist)).id();
        consultations.open(f.consultationOwn, MatrixFixtures.principal(specialist));
        f.consultationOther = consultations.create(new ConsultationCommand(tvDivision, ConsultationKind.REFORM_PLAN,
                "Lấy ý kiến ma trận quyền (phường)", "Dự thảo kế hoạch cải cách hành chính cho ma trận quyền.", null, closes),
                MatrixFixtures.principal(tvLeader)).id();
        consultations.open(f.consultationOther, MatrixFixtures.principal(tvLeader));

        SurveyService surveys = context.getBean(SurveyService.class);
        StaffPrincipal supervisor = MatrixFixtures.principal(staff(org, "giamsat"));
        LocalDate today = LocalDate.now(CalendarService.ZONE);
        f.survey = surveys.create(new SurveyCommand("Khảo sát ma trận quyền", null, today.minusDays(7), today, 1, today), supervisor).id();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        f.invitation = jdbc.sql("""
                INSERT INTO survey_invitation (survey_id, dossier_code, email, created_at) VALUES (?, 'MATRIX-0001', 'matrix@example.vn', now())
                RETURNING id""").param(f.survey).query(Long.class).single();
        jdbc.sql("UPDATE survey SET status = 'CLOSED', closed_at = now() WHERE id = ?").param(f.survey).update();
        f.surveyToken = surveys.token(f.invitation);
        return f;
    }

    String value(String name, boolean own) {
        return switch (name) {
            case "feedback" -> feedback;
            case "feedbackKey" -> feedbackKey;
            case "feedbackFile" -> feedbackFile;
            case "feedbackRouted" -> own ? routedOwn : routedOther;
            case "citizenFeedback" -> own ? citizenOwn : citizenOther;
            case "consultation" -> String.valueOf(own ? consultationOwn : consultationOther);
            case "survey" -> String.valueOf(survey);
            case "surveyInvitation" -> String.valueOf(invitation);
            case "surveyToken" -> surveyToken;
            default -> null;
        };
    }

    private static String routed(FeedbackService feedback, StaffPrincipal desk, long unit, String email) {
        String code = feedback.file(filing(email, unit), List.of(), FeedbackChannel.PUBLIC_SITE, null, null).code();
        feedback.act(code, FeedbackAction.RECEIVE, FeedbackAct.route(unit), desk);
        return code;
    }

    private static FileFeedback filing(String email, long unit) {
        return new FileFeedback(FeedbackKind.REFLECTION, "Người Thử Ma Trận", email, email == null ? "0912000111" : null, null,
                FeedbackSubject.UNIT, null, unit, null, null, "PAKN của ma trận quyền", "Nội dung PAKN dùng cho ma trận quyền.");
    }

    private static StaffView staff(OrganizationService org, String username) {
        return org.findStaffByUsername(username).orElseThrow(() -> new IllegalStateException("no demo account " + username));
    }

    static UUID uuid(String s) {
        return UUID.fromString(s);
    }
}
