package vn.motcua.dossier.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.CatalogService;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcessingTime;
import vn.motcua.catalog.Step;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitKind;
import vn.motcua.organization.UnitView;
import vn.motcua.shared.InvalidInput;

/**
 * Takes the filing template from the catalogue: the published version, the
 * case, the duration (the online one for online filings when the procedure
 * has it), and each step's unit. A step that names a kind of unit (one-stop
 * desk, a commune division) is resolved within the commune of the receiving
 * unit; a step without a unit acts at the receiving unit.
 */
@Component
class CatalogProcedureTemplates implements ProcedureTemplates {

    private static final Set<UnitKind> COMMUNE_KINDS = Set.of(UnitKind.COMMUNE, UnitKind.WARD);

    private final CatalogService catalog;
    private final OrganizationService org;

    CatalogProcedureTemplates(CatalogService catalog, OrganizationService org) {
        this.catalog = catalog;
        this.org = org;
    }

    @Override
    public FilingTemplate template(String procedureCode, String caseId, UnitView receiving, UnitView competent,
                                   boolean online) {
        ProcedureDetail p = catalog.findPublished(procedureCode == null ? "" : procedureCode.trim())
                .orElseThrow(() -> InvalidInput.of("procedureCode", "dossier.procedure.unknown"));
        ProcedureCase c = caseId == null || caseId.isBlank() ? p.cases().get(0)
                : p.cases().stream().filter(x -> x.id().equals(caseId)).findFirst()
                        .orElseThrow(() -> InvalidInput.of("caseId", "dossier.case.unknown"));
        ProcessingTime duration = c.duration();
        List<BigDecimal> shares = c.steps().stream().map(Step::share).toList();
        if (online && c.onlineDuration() != null && c.onlineDuration().unit() == duration.unit()
                && c.onlineDuration().amount().compareTo(duration.amount()) < 0) {
            shares = scale(shares, duration.amount(), c.onlineDuration().amount());
            duration = c.onlineDuration();
        }
        UnitView commune = communeOf(competent != null ? competent : receiving).orElse(null);
        List<FilingTemplate.Step> steps = new ArrayList<>();
        for (int i = 0; i < c.steps().size(); i++) {
            Step s = c.steps().get(i);
            steps.add(new FilingTemplate.Step(s.name(), s.role(), resolve(s, receiving, commune, p), shares.get(i)));
        }
        return new FilingTemplate(p.code(), p.version(), p.name(), c.id(), c.name(), duration.amount(), duration.unit(),
                p.feeVnd(), steps, p.components().stream().map(x -> x.name()).toList());
    }

    @Override
    public Optional<Set<Long>> interAgencyUnits(String procedureCode, int procedureVersion) {
        ProcedureDetail p;
        try {
            p = catalog.version(procedureCode, procedureVersion);
        } catch (vn.motcua.shared.NotFound e) {
            return Optional.empty();
        }
        if (!p.interAgency()) {
            return Optional.empty();
        }
        Set<Long> out = new java.util.HashSet<>();
        specific(p.agency()).ifPresent(out::add);
        for (ProcedureCase c : p.cases()) {
            for (Step s : c.steps()) {
                specific(s.unit()).ifPresent(out::add);
            }
        }
        return Optional.of(out);
    }

    /** The unit a reference names by id or code; empty for a kind of unit or an unknown code. */
    private Optional<Long> specific(vn.motcua.catalog.UnitRef ref) {
        if (ref == null || !ref.isSpecific()) {
            return Optional.empty();
        }
        return ref.id() != null ? Optional.of(ref.id()) : org.findUnitByCode(ref.code()).map(UnitView::id);
    }

    private Long resolve(Step s, UnitView receiving, UnitView commune, ProcedureDetail p) {
        if (s.unit() == null) {
            return receiving.id();
        }
        if (s.unit().id() != null) {
            return s.unit().id();
        }
        if (s.unit().code() != null && !s.unit().code().isBlank()) {
            return org.findUnitByCode(s.unit().code()).map(UnitView::id).orElse(receiving.id());
        }
        UnitKind kind = s.unit().kind();
        if (kind == null) {
            return receiving.id();
        }
        if (kind == receiving.kind() || kind == UnitKind.ONE_STOP_DESK || kind == UnitKind.SERVICE_CENTRE) {
            // receipt and return happen at the desk that received the dossier, wherever it is
            return receiving.id();
        }
        if (commune != null) {
            if (COMMUNE_KINDS.contains(kind)) {
                return commune.id();
            }
            Set<Long> below = org.selfAndDescendants(List.of(commune.id()));
            return org.units(below).stream().filter(u -> u.active() && u.kind() == kind).findFirst()
                    .map(UnitView::id).orElse(commune.id());
        }
        if (p.agency() != null && p.agency().id() != null) {
            return p.agency().id();
        }
        return receiving.id();
    }

    /** The commune or ward the unit belongs to, if any. */
    private Optional<UnitView> communeOf(UnitView unit) {
        UnitView u = unit;
        for (int depth = 0; u != null && depth < 10; depth++) {
            if (COMMUNE_KINDS.contains(u.kind())) {
                return Optional.of(u);
            }
            u = u.parentId() == null ? null : org.findUnit(new UnitId(u.parentId())).orElse(null);
        }
        return Optional.empty();
    }

    /** Shares scaled to a shorter online duration, in half-days, the rounding put on the longest step. */
    private static List<BigDecimal> scale(List<BigDecimal> shares, BigDecimal from, BigDecimal to) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int longest = 0;
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal halves = shares.get(i).multiply(to).multiply(BigDecimal.valueOf(2))
                    .divide(from, 0, RoundingMode.HALF_UP);
            BigDecimal v = halves.divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
            out.add(v);
            sum = sum.add(v);
            if (shares.get(i).compareTo(shares.get(longest)) > 0) {
                longest = i;
            }
        }
        out.set(longest, out.get(longest).add(to.subtract(sum)).max(BigDecimal.ZERO));
        return out;
    }

}
