package vn.motcua.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.ComponentItem;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.HistoryView;
import vn.motcua.dossier.SlipKind;
import vn.motcua.dossier.Upload;
import vn.motcua.portal.internal.CitizenAccountStore;
import vn.motcua.portal.internal.FilingDraftStore;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.PageResult;
import vn.motcua.warehouse.DocumentKind;
import vn.motcua.warehouse.PersonalWarehouse;
import vn.motcua.warehouse.Reuse;
import vn.motcua.warehouse.StoredFile;
import vn.motcua.warehouse.WarehouseDocument;

/**
 * What a signed-in citizen may see and use of the records kept under their
 * identity number, on every portal page and download. An identity number is
 * not proof (it is printed on receipts, tax codes are public), so:
 * <ul>
 * <li>a <b>proven</b> account ({@link IdentityProofs}) sees everything filed
 *     under its number: dossiers filed at a desk or online, their slips,
 *     papers and results, and the whole personal warehouse;</li>
 * <li>an <b>unproven</b> account sees only what it did itself: the dossiers it
 *     submitted through the portal (without their result), and the files and
 *     warehouse documents it uploaded.</li>
 * </ul>
 * Anything else answers {@link NotFound} (404), as if it did not exist. Proof
 * is read from the database each time (a {@link Viewer} per request), so a
 * proof made at a desk applies to the citizen's open session at once.
 */
@Service
@Transactional(readOnly = true)
public class CitizenRecords {

    /** The signed-in citizen and whether their identity number is proven: made only here, per request. */
    public static final class Viewer {

        private final CitizenPrincipal citizen;
        private final boolean proven;

        private Viewer(CitizenPrincipal citizen, boolean proven) {
            this.citizen = citizen;
            this.proven = proven;
        }

        public CitizenPrincipal citizen() {
            return citizen;
        }

        public boolean proven() {
            return proven;
        }
    }

    private final CitizenAccountStore accounts;
    private final FilingDraftStore drafts;
    private final DossierService dossiers;
    private final PersonalWarehouse warehouse;

    public CitizenRecords(CitizenAccountStore accounts, FilingDraftStore drafts, DossierService dossiers,
                          PersonalWarehouse warehouse) {
        this.accounts = accounts;
        this.drafts = drafts;
        this.dossiers = dossiers;
        this.warehouse = warehouse;
    }

    /** The citizen as these checks see them now: proven only if the live account holding the number is. */
    public Viewer viewer(CitizenPrincipal me) {
        boolean proven = accounts.byId(me.accountId()).map(CitizenAccountStore.Login::account)
                .filter(a -> a.active() && !a.frozen() && a.proven() && a.identityNumber().equals(me.identityNumber()))
                .isPresent();
        return new Viewer(me, proven);
    }

    // --- dossiers ------------------------------------------------------------------------------------

    /** The dossiers the viewer may see, newest first. */
    public PageResult<DossierSummary> dossiers(Viewer v, int page, int size) {
        String identity = v.citizen().identityNumber();
        if (v.proven()) {
            return dossiers.ofApplicant(identity, page, size);
        }
        int limit = PageResult.clampSize(size, 20, 100);
        vn.motcua.shared.Paging paging = vn.motcua.shared.Paging.of(page, limit, 100);
        int p = paging.page();
        List<DossierSummary> items = new ArrayList<>();
        for (String code : drafts.submittedCodes(v.citizen().accountId(), paging.offset(), limit)) {
            try {
                items.add(summary(dossiers.getForApplicant(code, identity)));
            } catch (NotFound e) {
                // filed under another number: not this account's to see
            }
        }
        return new PageResult<>(items, p, limit, drafts.countSubmitted(v.citizen().accountId()));
    }

    /** One dossier the viewer may see; 404 otherwise. */
    public DossierView dossier(Viewer v, String code) {
        return dossiers.getForApplicant(visibleCode(v, code), v.citizen().identityNumber());
    }

    public List<HistoryView> history(Viewer v, String code) {
        return dossiers.historyForApplicant(visibleCode(v, code), v.citizen().identityNumber());
    }

    public byte[] slip(Viewer v, String code, SlipKind kind) {
        return dossiers.slipForApplicant(visibleCode(v, code), kind, v.citizen().identityNumber());
    }

    /**
     * The ids of the dossier's files the viewer may open, for the page's
     * links: every paper and the result once proven, else only the papers
     * the account uploaded (a result is shown only after proof).
     */
    public Set<String> openableFiles(Viewer v, DossierView d) {
        Set<String> out = new HashSet<>();
        Set<UUID> own = v.proven() ? Set.of() : accounts.uploads(v.citizen().accountId());
        for (ComponentItem c : d.components()) {
            if (c.fileId() != null && (v.proven() || own.contains(UUID.fromString(c.fileId())))) {
                out.add(c.fileId());
            }
        }
        if (d.resultFileId() != null && v.proven()) {
            out.add(d.resultFileId());
        }
        return out;
    }

    /**
     * The applicant sends the requested papers from the portal (see
     * {@link DossierService#supplementByApplicant}); the files count as the
     * account's own uploads.
     */
    @Transactional
    public DossierView supplement(Viewer v, String code, Map<String, Upload> papers) {
        CitizenPrincipal me = v.citizen();
        DossierView before = dossier(v, code);
        Set<String> had = new HashSet<>();
        before.components().forEach(c -> had.add(c.fileId()));
        DossierView after = dossiers.supplementByApplicant(before.code(), me.identityNumber(), me.fullName(), me.fileOwner(),
                papers);
        for (ComponentItem c : after.components()) {
            if (c.fileId() != null && !had.contains(c.fileId())) {
                accounts.recordUpload(me.accountId(), UUID.fromString(c.fileId()));
            }
        }
        return after;
    }

    private String visibleCode(Viewer v, String code) {
        String c = code == null ? "" : code.trim();
        if (!v.proven() && !drafts.submittedBy(v.citizen().accountId(), c)) {
            throw new NotFound("dossier " + c);
        }
        return c;
    }

    private static DossierSummary summary(DossierView d) {
        return new DossierSummary(d.code(), d.procedureName(), d.applicant().fullName(), d.statusCode(), d.status(),
                d.handlingUnit() != null ? d.handlingUnit() : d.receivingUnit(),
                d.currentStep() == null ? null : d.currentStep().name(), d.receivedAt(), d.appointmentAt(),
                d.currentStep() == null ? null : d.currentStep().dueAt(), d.overdue(), d.apologies(), d.supplementRequests());
    }

    // --- files and the personal warehouse -----------------------------------------------------------

    /** A file the viewer may download: any of their number's once proven, else only one they uploaded; 404 otherwise. */
    public StoredFile file(Viewer v, UUID fileId) {
        if (!v.proven() && (fileId == null || !accounts.uploaded(v.citizen().accountId(), fileId))) {
            throw new NotFound("file " + fileId);
        }
        return warehouse.readableByCitizen(fileId, v.citizen().identityNumber());
    }

    /** The warehouse documents the viewer may see: all once proven, else those over files they uploaded (never a result). */
    public List<WarehouseDocument> documents(Viewer v) {
        List<WarehouseDocument> all = warehouse.documents(v.citizen().identityNumber());
        if (v.proven()) {
            return all;
        }
        Set<UUID> own = accounts.uploads(v.citizen().accountId());
        return all.stream().filter(d -> d.kind() != DocumentKind.RESULT && own.contains(d.fileId())).toList();
    }

    /** A document to reuse in a new filing, if the viewer may see it (see {@link PersonalWarehouse#reuse}). */
    public Reuse reuse(Viewer v, UUID documentId) {
        if (!v.proven() && documents(v).stream().noneMatch(d -> d.id().equals(documentId))) {
            throw new NotFound("warehouse document " + documentId);
        }
        return warehouse.reuse(v.citizen().identityNumber(), documentId);
    }

    /** Records that the citizen uploaded this file (a paper of their own, an online filing's). */
    @Transactional
    public void recordUpload(CitizenPrincipal me, UUID fileId) {
        accounts.recordUpload(me.accountId(), fileId);
    }
}
