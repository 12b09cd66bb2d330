package vn.motcua.indicators;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FileDossier;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.support.DossierFixtures;
import vn.motcua.support.Fixtures;
import vn.motcua.support.TestClock;

/**
 * A department's first quarter of 2026, made through the dossier module's
 * service with a pinned clock (the table is in {@link #quarter()}).
 */
@Component
public class IndicatorFixtures {

    /** Monday 2 March 2026, 09:00 in Vietnam: appointments of the 5-working-day procedure fall on Monday 9 March. */
    public static final Instant MAR_2 = Instant.parse("2026-03-02T02:00:00Z");
    public static final Instant MAR_3 = Instant.parse("2026-03-03T03:00:00Z");
    public static final Instant MAR_4 = Instant.parse("2026-03-04T03:00:00Z");
    public static final Instant MAR_16 = Instant.parse("2026-03-16T03:00:00Z");
    /** Monday 30 March 09:00: due Monday 6 April, after the quarter. */
    public static final Instant MAR_30 = Instant.parse("2026-03-30T02:00:00Z");
    public static final Instant APR_2 = Instant.parse("2026-04-02T03:00:00Z");

    private final DossierFixtures dossierFixtures;
    private final DossierService dossiers;
    private final TestClock clock;

    public IndicatorFixtures(DossierFixtures dossierFixtures, DossierService dossiers, TestClock clock) {
        this.dossierFixtures = dossierFixtures;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /** One agency's quarter: the dossiers of the table, by name. */
    public record Quarter(DossierFixtures.World w, Map<String, String> codes) {
    }

    public Applicant applicant() {
        return new Applicant(ApplicantKind.PERSON, "Nguyễn Văn Chỉ Số", Fixtures.identityNumber("04", 12), null, null, null,
                null);
    }

    public String atDesk(DossierFixtures.World w, Instant at) {
        clock.pin(at);
        return dossiers.file(new FileDossier(w.procedure().code(), null, Channel.IN_PERSON, applicant(),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.deskPrincipal()).code();
    }

    public String online(DossierFixtures.World w, Instant at) {
        clock.pin(at);
        return dossiers.fileOnline(new FileDossier(w.procedure().code(), null, Channel.ONLINE, applicant(),
                List.of(new ComponentItem("Tờ khai đề nghị", 1, 0, null, 0)), null, null), w.desk().id(), "Cổng").code();
    }

    public void act(String code, Action a, StaffPrincipal who, Instant at) {
        clock.pin(at);
        dossiers.act(code, a, new Act("Lý do", null, null, null, List.of("Bản sao"), null, null, "KQ-" + code.hashCode(),
                null, Channel.IN_PERSON, null), who);
    }

    public void complete(DossierFixtures.World w, String code, Instant at) {
        act(code, Action.FORWARD, w.deskPrincipal(), at);
        act(code, Action.FORWARD, w.specialistPrincipal(), at);
        act(code, Action.COMPLETE, w.leaderPrincipal(), at);
    }

    /**
     * Agency A, first quarter of 2026 (Q1); every dossier received Monday 2 March 09:00 and due Monday 9 March
     * unless said otherwise:
     * <pre>
     *  D1 at the desk,  completed 3 March            finished EARLY          ON_TIME num+den
     *  D2 at the desk,  completed 16 March           finished LATE           den
     *  D3 at the desk,  open at the quarter's end    due in Q1: late         den
     *  D4 at the desk 30 March, open, due 6 April    within the deadline     num+den
     *  D5 online, received 2 March, completed 4 March  EARLY                  num+den; the only online one
     *  D6 online, refused at intake                  never received          nowhere
     *  D8 at the desk,  completed 2 April            open and due at Q1's end: late in Q1; finished LATE in Q2
     * </pre>
     * The clock is reset afterwards.
     */
    public Quarter quarter() {
        DossierFixtures.World w = dossierFixtures.world();
        Map<String, String> c = new LinkedHashMap<>();
        try {
            c.put("D1", atDesk(w, MAR_2));
            c.put("D2", atDesk(w, MAR_2));
            c.put("D3", atDesk(w, MAR_2));
            act(c.get("D3"), Action.FORWARD, w.deskPrincipal(), MAR_2);
            c.put("D4", atDesk(w, MAR_30));
            c.put("D5", online(w, MAR_2));
            act(c.get("D5"), Action.RECEIVE, w.deskPrincipal(), MAR_2);
            c.put("D6", online(w, MAR_2));
            act(c.get("D6"), Action.REFUSE, w.deskPrincipal(), MAR_2);
            c.put("D8", atDesk(w, MAR_2));
            complete(w, c.get("D1"), MAR_3);
            complete(w, c.get("D2"), MAR_16);
            complete(w, c.get("D5"), MAR_4);
            complete(w, c.get("D8"), APR_2);
        } finally {
            clock.reset();
        }
        return new Quarter(w, c);
    }
}
