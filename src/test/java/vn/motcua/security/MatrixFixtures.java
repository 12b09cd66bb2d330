package vn.motcua.security;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.mock.web.MockMultipartFile;
import vn.motcua.calendar.DurationUnit;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureCommand;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.SimplificationService;
import vn.motcua.catalog.SimplificationStatus;
import vn.motcua.catalog.Step;
import vn.motcua.catalog.UnitRef;
import vn.motcua.dossier.Act;
import vn.motcua.dossier.Action;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.FileDossier;
import vn.motcua.dossier.Upload;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitView;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;
import vn.motcua.portal.OnlineFiling;
import vn.motcua.portal.RatingService;
import vn.motcua.security.AuthorizationMatrix.Caller;
import vn.motcua.security.AuthorizationMatrix.Scope;
import vn.motcua.support.Fixtures;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.support.TestFiles;

/**
 * The records the matrix's path variables and parameters name ({@code @dossier},
 * {@code @unit}…), made once per run with the demo accounts: each exists in an
 * own version (in the units of the province's callers — the province centre,
 * Sở Tư pháp — or of the demo citizen) and an other version (in Phường Trường
 * Vinh, made with its commune accounts, or of another citizen). The state of
 * each is chosen so that an authorized call fails on validation or a rule and
 * changes nothing; the few that do change something (discarding a draft,
 * deactivating a unit) act on records made only for this test.
 */
final class MatrixFixtures {

    static final String DEMO_CITIZEN = "040090001234";

    /** Every fixture name, with what it is, for the file's readers and the error message of a wrong name. */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("dossier", "an open dossier at its second step (status 4, at the specialist's division), received at the "
                    + "province centre for the demo citizen; other: one of Phường Trường Vinh for another person"),
            Map.entry("file", "the scanned paper (component 1) of @dossier"),
            Map.entry("ratingToken", "the rating link's token of @dossier"),
            Map.entry("unit", "the caller's own first unit; other: UBND phường Trường Vinh"),
            Map.entry("staff", "the caller's own staff record; other: chuyenvien.truongvinh"),
            Map.entry("draft", "an online filing draft of the demo citizen; other: one of another citizen"),
            Map.entry("spareDraft", "a second draft of the demo citizen, for the discard; other: another citizen's"),
            Map.entry("procedure", "a published procedure of Sở Tư pháp made for the test, filed online in full"),
            Map.entry("draftProcedure", "a procedure made for the test and never published"),
            Map.entry("document", "the demo citizen's warehouse document of @file; other: the other person's"),
            Map.entry("proposal", "a decided simplification proposal (nothing can move it any more)"),
            Map.entry("adminUnit", "a unit made for the test, for the administrator's writes"),
            Map.entry("adminStaff", "a staff account made for the test, for the administrator's writes"),
            Map.entry("citizenAccount", "the identity number of an unproven portal account made for the test"),
            Map.entry("signal", "an open conduct signal (a stop without a meaningful reason) at Sở Tư pháp's division; "
                    + "other: one at Phường Trường Vinh"),
            Map.entry("cleanupJob", "a bulk clean-up run started by lanhdao.tuphap; other: one by lanhdao.truongvinh"));

    private static final Map<Caller, String> USERNAMES = Map.of(
            Caller.ADMIN, "admin", Caller.SUPERVISOR, "giamsat", Caller.ONESTOP, "motcua.tinh",
            Caller.SPECIALIST, "chuyenvien.tuphap", Caller.LEADER, "lanhdao.tuphap", Caller.APIKEY, "hethong.dvcqg");

    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger(900);

    private final Map<Caller, StaffView> staff = new EnumMap<>(Caller.class);
    String ownProcedure;
    String draftProcedure;
    UUID ownDocument;
    UUID otherDocument;
    String ownDossier;
    String otherDossier;
    String ownFile;
    String otherFile;
    long otherUnit;
    long otherStaff;
    UUID ownDraft;
    UUID spareDraft;
    UUID otherDraft;
    long proposal;
    long adminUnit;
    long adminStaff;
    String citizenAccount;
    String ownToken;
    String otherToken;
    int ownVersion;
    int otherVersion;
    long ownSignal;
    long otherSignal;
    long ownCleanupJob;
    long otherCleanupJob;
    /** The feedback module's records ({@link FeedbackMatrixFixtures}). */
    FeedbackMatrixFixtures feedback;
    /** The reform module's plan, inspection and legal-review records ({@link ReformPlanMatrixFixtures}). */
    ReformPlanMatrixFixtures reformPlans;

    static String username(Caller c) {
        return USERNAMES.get(c);
    }

    static MatrixFixtures create(OrganizationService org, CatalogService catalog, DossierService dossiers, OnlineFiling filing,
                                 CitizenAccounts citizens, RatingService ratings, SimplificationService simplification,
                                 PersonalWarehouse warehouse, Fixtures fixtures, vn.motcua.supervision.ConductSignals signals,
                                 vn.motcua.supervision.BacklogCleanup cleanup) {
        MatrixFixtures f = new MatrixFixtures();
        USERNAMES.forEach((caller, username) -> f.staff.put(caller,
                org.findStaffByUsername(username).orElseThrow(() -> new IllegalStateException("no demo account " + username))));
        StaffView centreDesk = f.staff.get(Caller.ONESTOP);
        StaffView tvDesk = staffNamed(org, "motcua.truongvinh");
        StaffView tvSpecialist = staffNamed(org, "chuyenvien.truongvinh");
        StaffView tvLeader = staffNamed(org, "lanhdao.truongvinh");

        long agency = unitOf(f.staff.get(Caller.LEADER));
        f.ownProcedure = procedure(catalog, "Thủ tục thử ma trận quyền (Sở Tư pháp)", OnlineLevel.FULL, agency,
                unitOf(centreDesk), unitOf(f.staff.get(Caller.SPECIALIST)), agency);
        // a province-level procedure (of the same agency) whose steps run in Phường Trường Vinh's units
        String otherProcedure = procedure(catalog, "Thủ tục thử ma trận quyền (Phường Trường Vinh)", OnlineLevel.NONE, agency,
                unitOf(tvDesk), unitOf(tvSpecialist), unitOf(tvLeader));

        DossierView own = forwarded(dossiers, f.ownProcedure, new Applicant(ApplicantKind.PERSON, "Trần Thị Mai", DEMO_CITIZEN,
                null, null, null, null), principal(centreDesk));
        DossierView other = forwarded(dossiers, otherProcedure, new Applicant(ApplicantKind.PERSON, "Lê Văn Khác",
                Fixtures.identityNumber("0401", 12), null, null, null, null), principal(tvDesk));
        f.ownDossier = own.code();
        f.otherDossier = other.code();
        f.ownVersion = own.version();
        f.otherVersion = other.version();
        f.ownFile = own.components().get(0).fileId();
        f.otherFile = other.components().get(0).fileId();
        f.ownSignal = signalOf(signals, dossiers, f.ownProcedure, principal(centreDesk), principal(f.staff.get(Caller.SPECIALIST)),
                principal(f.staff.get(Caller.SUPERVISOR)));
        f.otherSignal = signalOf(signals, dossiers, otherProcedure, principal(tvDesk), principal(tvSpecialist),
                principal(f.staff.get(Caller.SUPERVISOR)));
        f.ownCleanupJob = cleanup.start(vn.motcua.supervision.BacklogCleanup.Kind.REASSIGN, List.of("000.00.00.X00-000000-0000"),
                unitOf(f.staff.get(Caller.SPECIALIST)), null, "Thử ma trận quyền", null, principal(f.staff.get(Caller.LEADER)),
                "127.0.0.1").id();
        f.otherCleanupJob = cleanup.start(vn.motcua.supervision.BacklogCleanup.Kind.REASSIGN, List.of("000.00.00.X00-000000-0000"),
                unitOf(tvSpecialist), null, "Thử ma trận quyền", null, principal(tvLeader), "127.0.0.1").id();
        f.ownToken = ratings.token(f.ownDossier);
        f.otherToken = ratings.token(f.otherDossier);

        f.draftProcedure = catalog.create(command(String.format("7.%06d", SEQ.incrementAndGet()),
                "Thủ tục thử ma trận quyền (chưa công bố)", OnlineLevel.FULL, agency, unitOf(centreDesk),
                unitOf(f.staff.get(Caller.SPECIALIST)), agency), "matrix-test").code();
        f.ownDocument = document(warehouse, DEMO_CITIZEN, f.ownFile);
        f.otherDocument = document(warehouse, other.applicant().idNumber(), f.otherFile);

        f.otherUnit = tvLeader.units().get(0).id();
        f.otherStaff = tvSpecialist.id();

        CitizenPrincipal demoCitizen = citizens.find(DEMO_CITIZEN).orElseThrow().principal();
        f.ownDraft = filing.start(demoCitizen, f.ownProcedure).id();
        f.spareDraft = filing.start(demoCitizen, f.ownProcedure).id();
        String otherId = Fixtures.identityNumber("0402", 12);
        CitizenPrincipal otherCitizen = new CitizenPrincipal(990_000_000L + Math.floorMod(otherId.hashCode(), 1_000_000),
                ApplicantKind.PERSON, otherId, "Phạm Thị Khác", "0912345678", "khac." + otherId + "@example.vn", null);
        f.otherDraft = filing.start(otherCitizen, f.ownProcedure).id();

        f.proposal = decidedProposal(simplification);
        UnitView unit = fixtures.agency("Sở Thử ma trận quyền");
        f.adminUnit = unit.id();
        f.adminStaff = fixtures.staff(Role.SPECIALIST, unit).id();
        f.citizenAccount = Fixtures.identityNumber("0403", 12);
        citizens.register(new vn.motcua.portal.Registration(ApplicantKind.PERSON, f.citizenAccount, "Võ Văn Chưa Xác Minh",
                "0912345678", "chua.xacminh." + f.citizenAccount + "@example.vn", null, "MaTran@2026", "MaTran@2026"));
        return f;
    }

    /** The value of a fixture for a caller addressing their own or the other scope. */
    String value(String name, Caller caller, Scope scope) {
        boolean own = scope == Scope.OWN;
        return switch (name) {
            case "dossier" -> own ? ownDossier : otherDossier;
            case "file" -> own ? ownFile : otherFile;
            case "ratingToken" -> own ? ownToken : otherToken;
            case "unit" -> String.valueOf(own ? unitOf(staffOf(caller)) : otherUnit);
            case "staff" -> String.valueOf(own ? staffOf(caller).id() : otherStaff);
            case "draft" -> String.valueOf(own ? ownDraft : otherDraft);
            case "spareDraft" -> String.valueOf(own ? spareDraft : otherDraft);
            case "procedure" -> ownProcedure;
            case "draftProcedure" -> draftProcedure;
            case "document" -> String.valueOf(own ? ownDocument : otherDocument);
            case "proposal" -> String.valueOf(proposal);
            case "adminUnit" -> String.valueOf(adminUnit);
            case "adminStaff" -> String.valueOf(adminStaff);
            case "citizenAccount" -> citizenAccount;
            case "signal" -> String.valueOf(own ? ownSignal : otherSignal);
            case "cleanupJob" -> String.valueOf(own ? ownCleanupJob : otherCleanupJob);
            default -> {
                String v = feedback == null ? null : feedback.value(name, own);
                if (v == null && reformPlans != null) {
                    v = reformPlans.value(name, own);
                }
                if (v == null) {
                    java.util.Set<String> all = new java.util.TreeSet<>(NAMES.keySet());
                    all.addAll(FeedbackMatrixFixtures.NAMES.keySet());
                    all.addAll(ReformPlanMatrixFixtures.NAMES.keySet());
                    throw new IllegalArgumentException("no fixture @" + name + "; there are " + all);
                }
                yield v;
            }
        };
    }

    /** Callers without units of their own (anonymous, citizen) are given the one-stop officer's records. */
    private StaffView staffOf(Caller caller) {
        return staff.getOrDefault(caller, staff.get(Caller.ONESTOP));
    }

    private static StaffView staffNamed(OrganizationService org, String username) {
        return org.findStaffByUsername(username).orElseThrow(() -> new IllegalStateException("no demo account " + username));
    }

    private static long unitOf(StaffView s) {
        return s.units().get(0).id();
    }

    static StaffPrincipal principal(StaffView s) {
        return new StaffPrincipal(s.id(), s.username(), s.fullName(), s.roles());
    }

    /** A published procedure whose workflow runs desk → specialist's unit → leader's unit → desk. */
    private static String procedure(CatalogService catalog, String name, OnlineLevel online, long agency, long desk,
                                    long division, long leader) {
        String code = String.format("7.%06d", SEQ.incrementAndGet());
        catalog.create(command(code, name, online, agency, desk, division, leader), "matrix-test");
        return catalog.publish(code, "99/QĐ-UBND", LocalDate.of(2026, 1, 5), "matrix-test").code();
    }

    private static ProcedureCommand command(String code, String name, OnlineLevel online, long agency, long desk,
                                            long division, long leader) {
        return new ProcedureCommand(code, name, "Thử nghiệm", UnitLevel.PROVINCE, UnitRef.unit(agency),
                List.of("Công dân"), online == OnlineLevel.NONE ? Set.of(FilingMethod.IN_PERSON)
                        : Set.of(FilingMethod.IN_PERSON, FilingMethod.ONLINE), online, false, false,
                List.of(new ProcedureCase("chung", "Trường hợp chung", ProcessingTime.of("10", DurationUnit.WORKING_DAYS), null,
                        List.of(new Step("Tiếp nhận hồ sơ", Role.ONE_STOP_OFFICER, UnitRef.unit(desk), BigDecimal.ZERO),
                                new Step("Thẩm định", Role.SPECIALIST, UnitRef.unit(division), new BigDecimal("8")),
                                new Step("Phê duyệt", Role.LEADER, UnitRef.unit(leader), new BigDecimal("2")),
                                new Step("Trả kết quả", Role.ONE_STOP_OFFICER, UnitRef.unit(desk), BigDecimal.ZERO)))),
                List.of(new ProcedureComponent("Tờ khai", 1, 0, null), new ProcedureComponent("Bản sao giấy tờ", 0, 1, null)),
                List.of(), List.of(new Fee("Lệ phí", 0L, null)), 0L, "Văn bản", List.of(), null);
    }

    /** The owner's warehouse document that holds the file (the desk's scan went there at filing). */
    private static UUID document(PersonalWarehouse warehouse, String owner, String fileId) {
        return warehouse.documents(owner).stream().filter(d -> d.fileId().toString().equals(fileId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no warehouse document of " + owner + " holds " + fileId)).id();
    }

    /** Filed at the desk with the first paper scanned, then forwarded to the specialist's step (status 4). */
    private static DossierView forwarded(DossierService dossiers, String procedure, Applicant applicant, StaffPrincipal desk) {
        MockMultipartFile scan = new MockMultipartFile("file", "to-khai.pdf", "application/pdf", TestFiles.pdf());
        DossierView d = dossiers.file(new FileDossier(procedure, null, Channel.IN_PERSON, applicant,
                List.of(new ComponentItem("Tờ khai", 1, 0, null, null), new ComponentItem("Bản sao giấy tờ", 0, 1, null, null)),
                null, null), java.util.Arrays.asList(new Upload("to-khai.pdf", scan), null), desk);
        return dossiers.act(d.code(), Action.FORWARD, Act.empty(), desk);
    }

    /** A dossier forwarded and stopped with a meaningless reason: the conduct signal it raises. */
    private static long signalOf(vn.motcua.supervision.ConductSignals signals, DossierService dossiers, String procedure,
                                 StaffPrincipal desk, StaffPrincipal specialist, StaffPrincipal supervisor) {
        DossierView d = forwarded(dossiers, procedure, new Applicant(ApplicantKind.PERSON, "Hà Văn Dừng",
                Fixtures.identityNumber("0404", 12), null, null, null, null), desk);
        dossiers.act(d.code(), new vn.motcua.dossier.DossierAct.StopProcessing("x"), null, specialist);
        return signals.inbox("OPEN", "reason-missing", null, 0, 100, supervisor, java.util.Locale.ROOT).items().stream()
                .filter(s -> d.code().equals(s.dossierCode())).findFirst().orElseThrow().id();
    }

    private static long decidedProposal(SimplificationService simplification) {
        for (SimplificationStatus s : List.of(SimplificationStatus.ACCEPTED, SimplificationStatus.REJECTED)) {
            var items = simplification.review(s, null).items();
            if (!items.isEmpty()) {
                return items.get(0).id();
            }
        }
        throw new IllegalStateException("the demo data has no decided simplification proposal");
    }

    long staffId(Caller caller) {
        return staff.get(caller).id();
    }
}
