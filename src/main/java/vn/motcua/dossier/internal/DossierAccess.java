package vn.motcua.dossier.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.UnitId;
import vn.motcua.shared.NotFound;

/**
 * Who may see a dossier at all, in one place: an officer sees the dossiers of
 * the units in their scope (the receiving desk, the unit holding it, and every
 * unit a step of it has reached); an applicant sees their own. Anything else
 * is answered as if it did not exist (404). What an officer may do to a
 * dossier they see is {@link ActPolicy}'s.
 */
@Component
public class DossierAccess {

    private final DossierStore store;

    public DossierAccess(DossierStore store) {
        this.store = store;
    }

    /** The dossier, when the officer's scope reaches it. */
    public Dossier visible(String code, OfficerScope scope) {
        Dossier d = load(code);
        if (scope.allUnits()) {
            return d;
        }
        Set<UnitId> units = new HashSet<>();
        units.add(d.receivingUnit());
        if (d.handlingUnit() != null) {
            units.add(d.handlingUnit());
        }
        d.steps().forEach(s -> {
            if (s.unit() != null && s.startedAt() != null) {
                units.add(s.unit());
            }
        });
        if (units.stream().noneMatch(scope::includes)) {
            throw new NotFound("dossier " + code);
        }
        return d;
    }

    /** The dossier, when it was filed for this applicant: a person by the citizen ID, an organisation by its tax code. */
    public Dossier ownedBy(String code, String identityNumber) {
        Dossier d = load(code);
        Applicant a = d.applicant();
        boolean own = identityNumber != null && !identityNumber.isBlank()
                && (identityNumber.equals(a.idNumber()) || identityNumber.equals(a.taxCode()));
        if (!own) {
            throw new NotFound("dossier " + code);
        }
        return d;
    }

    private Dossier load(String code) {
        return store.findByCode(code == null ? "" : code.trim()).orElseThrow(() -> new NotFound("dossier " + code));
    }

    /** The applicant's warehouse key: the citizen ID of a person, the tax code of an organisation. */
    public static String ownerKey(Applicant a) {
        if (a == null || a.kind() == null) {
            return null;
        }
        return a.kind() == ApplicantKind.PERSON ? a.idNumber() : a.taxCode();
    }

    /** The owner recorded on the files an officer uploads. */
    public static String staffOwner(StaffPrincipal who) {
        return "staff:" + who.getUsername();
    }

    /** The officer acting for a unit. */
    public static Actor actorOf(StaffPrincipal who, UnitId unit) {
        return new Actor(who.id(), who.fullName(), unit);
    }
}
