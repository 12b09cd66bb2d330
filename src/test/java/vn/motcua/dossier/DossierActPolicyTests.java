package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.NotFound;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.IntegrationTest;

/**
 * The dossier page shows as buttons exactly the acts the service accepts:
 * for a dossier at every status 1–10 and an officer of every role at the
 * desk, the division, the agency or a foreign unit, each act is a button on
 * the page if and only if attempting it (for real, in a transaction that is
 * rolled back) is not refused for the caller's place, role, the dossier's
 * status or a once-only rule. And the overdue inbox and the dossier's own
 * overdue flag agree on a paused dossier.
 */
class DossierActPolicyTests extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Vietnam. */
    static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

    /** The rules that are the guard's (not about what the act carries). */
    static final Set<String> GUARD_RULES = Set.of("illegal-transition", "no-next-step", "supplement-once", "apology-once",
            "apology-after-deadline");

    @Autowired
    DossierFixtures dossierFixtures;

    @Autowired
    DossierService dossiers;

    @Autowired
    TransactionTemplate tx;

    DossierFixtures.World w;

    @BeforeEach
    void world() {
        w = dossierFixtures.world();
        clock.pin(MONDAY_9);
    }

    @AfterEach
    void unpin() {
        clock.reset();
    }

    Applicant applicant() {
        return new Applicant(ApplicantKind.PERSON, "Lê Thị Quyền Hạn", Fixtures.identityNumber("07", 12), null, null, null, null);
    }

    String fileAtDesk() {
        return dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON, applicant(),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal()).code();
    }

    String fileOnline() {
        return dossiers.fileOnline(new FileDossier(w.procedure().code(), null, Channel.ONLINE, applicant(),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.desk().id(), "Cổng dịch vụ công").code();
    }

    String act(String code, Action a, StaffPrincipal who) {
        dossiers.act(code, a, body(code), who);
        return code;
    }

    /** A body every act accepts. */
    Act body(String code) {
        DossierView v = dossiers.get(code, OfficerScope.everything(null));
        return new Act("Lý do thử", "Ghi chú", null, null, List.of("Bản sao giấy tờ"), 50_000L,
                v.appointmentAt() == null ? null : v.appointmentAt().plusDays(3), "12/GP", null, Channel.IN_PERSON, null,
                "Bỏ qua để thử");
    }

    /** One dossier at each status 1–10, made through the service. */
    Map<DossierStatus, String> dossierAtEveryStatus() {
        Map<DossierStatus, String> out = new EnumMap<>(DossierStatus.class);
        out.put(DossierStatus.NEW, fileOnline());
        out.put(DossierStatus.RECEIVED, fileAtDesk());
        out.put(DossierStatus.REFUSED, act(fileOnline(), Action.REFUSE, w.deskPrincipal()));
        out.put(DossierStatus.PROCESSING, act(fileAtDesk(), Action.FORWARD, w.deskPrincipal()));
        out.put(DossierStatus.WAITING_SUPPLEMENT,
                act(act(fileAtDesk(), Action.FORWARD, w.deskPrincipal()), Action.REQUEST_SUPPLEMENT, w.specialistPrincipal()));
        out.put(DossierStatus.WAITING_PAYMENT,
                act(act(fileAtDesk(), Action.FORWARD, w.deskPrincipal()), Action.REQUEST_PAYMENT, w.specialistPrincipal()));
        out.put(DossierStatus.WITHDRAWN, act(act(fileAtDesk(), Action.FORWARD, w.deskPrincipal()), Action.WITHDRAW, w.deskPrincipal()));
        out.put(DossierStatus.STOPPED, act(act(fileAtDesk(), Action.FORWARD, w.deskPrincipal()), Action.STOP, w.specialistPrincipal()));
        String done = act(act(act(fileAtDesk(), Action.FORWARD, w.deskPrincipal()), Action.FORWARD, w.specialistPrincipal()),
                Action.COMPLETE, w.leaderPrincipal());
        out.put(DossierStatus.DONE, done);
        out.put(DossierStatus.RETURNED, act(act(act(act(fileAtDesk(), Action.FORWARD, w.deskPrincipal()), Action.FORWARD,
                w.specialistPrincipal()), Action.COMPLETE, w.leaderPrincipal()), Action.RETURN, w.deskPrincipal()));
        out.forEach((s, code) -> assertThat(dossiers.get(code, OfficerScope.everything(null)).statusCode())
                .as("dossier made for status %s", s).isEqualTo(s.code()));
        return out;
    }

    /** The act buttons on the dossier page as this officer sees it (none when the page is refused). */
    Set<Action> buttons(String code, StaffPrincipal who) throws Exception {
        var res = mvc.perform(get("/dossiers/" + code).with(user(who))).andReturn().getResponse();
        Set<Action> out = EnumSet.noneOf(Action.class);
        if (res.getStatus() == 403 || res.getStatus() == 404) {
            return out;
        }
        assertThat(res.getStatus()).as("page of %s for %s", code, who.getUsername()).isEqualTo(200);
        String prefix = "/dossiers/" + code + "/";
        for (Element form : Jsoup.parse(res.getContentAsString()).select("form[action^=" + prefix + "]")) {
            String rest = form.attr("action").substring(prefix.length());
            Action.fromPath(rest).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Attempts the act for real and rolls it back: true unless it is refused
     * for the caller's place or role (403, 404) or by a rule of the guard.
     */
    boolean accepted(String code, Action a, Act body, StaffPrincipal who) {
        Boolean ok = tx.execute(status -> {
            status.setRollbackOnly();
            try {
                dossiers.act(code, a, body, who);
                return true;
            } catch (AccessDeniedException | NotFound e) {
                return false;
            } catch (DomainRuleViolation e) {
                return !GUARD_RULES.contains(e.rule());
            } catch (RuntimeException e) {
                return true; // refused for what the act carries: not the guard's
            }
        });
        return Boolean.TRUE.equals(ok);
    }

    /** The policy's answer; none outside the officer's scope (the service answers 404 there). */
    Set<Action> allowedActs(String code, StaffPrincipal who) {
        try {
            return dossiers.allowedActs(code, who);
        } catch (NotFound e) {
            return Set.of();
        }
    }

    @Test
    void thePageShowsExactlyTheActsTheServiceAcceptsForEveryStatusRoleAndUnit() throws Exception {
        Map<DossierStatus, String> at = dossierAtEveryStatus();
        UnitView foreign = fixtures.agency("Sở Ngoài Phạm Vi Hồ Sơ");
        Map<String, StaffPrincipal> officers = new LinkedHashMap<>();
        for (Role role : List.of(Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.LEADER, Role.SUPERVISOR, Role.ADMIN)) {
            for (UnitView unit : List.of(w.desk(), w.division(), w.agency(), foreign)) {
                officers.put(role + "@" + unit.name(), DossierFixtures.World.principal(fixtures.staff(role, unit)));
            }
        }
        List<String> mismatches = new ArrayList<>();
        Set<String> acceptedPairs = new java.util.TreeSet<>();
        for (var s : at.entrySet()) {
            String code = s.getValue();
            Act body = body(code);
            for (var o : officers.entrySet()) {
                Set<Action> shown = buttons(code, o.getValue());
                Set<Action> policy = allowedActs(code, o.getValue());
                for (Action a : EnumSet.of(Action.RECEIVE, Action.REFUSE, Action.FORWARD, Action.REQUEST_SUPPLEMENT,
                        Action.SUPPLEMENT_RECEIVED, Action.REQUEST_PAYMENT, Action.PAYMENT_RECEIVED, Action.APOLOGIZE,
                        Action.STOP, Action.WITHDRAW, Action.COMPLETE, Action.RETURN)) {
                    boolean accepted = accepted(code, a, body, o.getValue());
                    if (accepted != shown.contains(a) || accepted != policy.contains(a)) {
                        mismatches.add("status " + s.getKey().code() + ", " + o.getKey() + ", " + a.path() + ": accepted "
                                + accepted + ", button " + shown.contains(a) + ", allowedActs " + policy.contains(a));
                    }
                    if (accepted) {
                        acceptedPairs.add(s.getKey().code() + " " + a.path());
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        // the known cases: apologies while paused, any officer of the unit withdraws while payment is awaited
        assertThat(acceptedPairs).contains("1 receive", "1 refuse", "2 forward", "4 complete", "5 apologize", "6 apologize",
                "5 supplement-received", "6 payment-received", "6 withdraw", "9 return");
        assertThat(dossiers.allowedActs(at.get(DossierStatus.WAITING_PAYMENT), officers.get("SPECIALIST@" + w.division().name())))
                .contains(Action.WITHDRAW, Action.APOLOGIZE);
        assertThat(acceptedPairs).noneMatch(p -> p.startsWith("3 ") || p.startsWith("7 ") || p.startsWith("8 ")
                || p.startsWith("10 "));
    }

    // --- overdue while paused ------------------------------------------------------------------

    boolean inOverdueInbox(String code) {
        OfficerScope all = OfficerScope.everything(null);
        return dossiers.search(new DossierQuery(null, w.desk().id(), null, null, code, DossierQuery.Inbox.OVERDUE, null, 0, 50), all)
                .items().stream().anyMatch(d -> d.code().equals(code));
    }

    boolean inOverdueFilter(String code) {
        OfficerScope all = OfficerScope.everything(null);
        return dossiers.search(new DossierQuery(null, w.desk().id(), true, null, code, null, null, 0, 50), all)
                .items().stream().anyMatch(d -> d.code().equals(code));
    }

    long overdueCount() {
        return dossiers.inboxCounts(OfficerScope.everything(null), w.desk().id()).get(DossierQuery.Inbox.OVERDUE);
    }

    boolean overdue(String code) {
        return dossiers.get(code, OfficerScope.everything(null)).overdue();
    }

    @Test
    void aDossierPausedBeforeItsAppointmentIsNotOverdueWhilePausedAndOnePausedAfterItIs() {
        String early = act(fileAtDesk(), Action.FORWARD, w.deskPrincipal());
        String late = act(fileAtDesk(), Action.FORWARD, w.deskPrincipal());
        Instant appointment = dossiers.get(early, OfficerScope.everything(null)).appointmentAt().toInstant();
        // paused the next day, well before the appointment
        clock.pin(MONDAY_9.plus(Duration.ofDays(1)));
        act(early, Action.REQUEST_SUPPLEMENT, w.specialistPrincipal());
        assertThat(overdue(early)).isFalse();
        assertThat(inOverdueInbox(early)).isFalse();
        assertThat(overdueCount()).isZero();

        // long after the appointment: the first is still paused since before it, so not overdue
        clock.pin(appointment.plus(Duration.ofDays(10)));
        assertThat(overdue(early)).isFalse();
        assertThat(inOverdueInbox(early)).isFalse();
        assertThat(inOverdueFilter(early)).isFalse();
        // the second is overdue in processing, and stays overdue once paused after its appointment
        assertThat(overdue(late)).isTrue();
        assertThat(inOverdueInbox(late)).isTrue();
        act(late, Action.REQUEST_PAYMENT, w.specialistPrincipal());
        assertThat(dossiers.get(late, OfficerScope.everything(null)).statusCode()).isEqualTo(6);
        assertThat(overdue(late)).isTrue();
        assertThat(inOverdueInbox(late)).isTrue();
        assertThat(inOverdueFilter(late)).isTrue();
        assertThat(overdueCount()).isEqualTo(1);
    }
}
