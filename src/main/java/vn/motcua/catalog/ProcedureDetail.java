package vn.motcua.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitLevel;
import vn.motcua.shared.NotFound;

/**
 * One version of a procedure, whole: what the public page and the JSON API
 * show, and what a dossier is filed under ({@code code}, {@code version}).
 *
 * @param status           the status of this version
 * @param procedureStatus  the status of the procedure as a whole
 * @param agency           the implementing agency: a unit for province-level
 *                         procedures, the kind {@code COMMUNE} ("every commune")
 *                         for commune-level ones
 * @param feeVnd           the sum of the fee items
 * @param publication      the deciding act that published this version, if it was published
 * @param withdrawal       the act that withdrew it, if it was withdrawn
 * @param revision         changes on every edit or transition of the procedure (optimistic lock)
 */
@JsonPropertyOrder({"code", "version", "status", "procedureStatus", "name", "field", "level", "agency", "subjects",
    "methods", "onlineLevel", "interAgency", "crossBoundary", "cases", "components", "forms", "fees", "feeVnd",
    "resultType", "legalBasis", "publication", "withdrawal", "publishedVersion", "latestVersion", "revision",
    "updatedAt"})
public record ProcedureDetail(
        String code,
        int version,
        VersionStatus status,
        ProcedureStatus procedureStatus,
        String name,
        String field,
        UnitLevel level,
        UnitRef agency,
        List<String> subjects,
        Set<FilingMethod> methods,
        OnlineLevel onlineLevel,
        boolean interAgency,
        boolean crossBoundary,
        List<ProcedureCase> cases,
        List<ProcedureComponent> components,
        List<FormTemplate> forms,
        List<Fee> fees,
        long feeVnd,
        String resultType,
        List<LegalDocument> legalBasis,
        Publication publication,
        Publication withdrawal,
        Integer publishedVersion,
        int latestVersion,
        int revision,
        OffsetDateTime updatedAt) {

    /** The implementing unit of a province-level procedure; empty for commune-level ones (every commune). */
    public Optional<UnitId> agencyUnitId() {
        return agency == null ? Optional.empty() : agency.unitId();
    }

    /** The case with this id; the first case when the id is null or blank. */
    public ProcedureCase caseById(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return cases.get(0);
        }
        return cases.stream().filter(c -> c.id().equals(caseId)).findFirst()
                .orElseThrow(() -> new NotFound("case " + caseId + " of procedure " + code));
    }

    /** The duration of the first (main) case, as lists show it. */
    public ProcessingTime duration() {
        return cases.get(0).duration();
    }

    /** The same version with its unit references passed through functions (e.g. to name the kinds of unit). */
    public ProcedureDetail withUnits(java.util.function.UnaryOperator<UnitRef> agencyFn,
                                     java.util.function.UnaryOperator<UnitRef> stepFn) {
        List<ProcedureCase> mapped = cases.stream().map(c -> new ProcedureCase(c.id(), c.name(), c.duration(),
                c.onlineDuration(), c.steps().stream().map(s -> new Step(s.name(), s.role(), stepFn.apply(s.unit()),
                s.share())).toList())).toList();
        return new ProcedureDetail(code, version, status, procedureStatus, name, field, level, agencyFn.apply(agency),
                subjects, methods, onlineLevel, interAgency, crossBoundary, mapped, components, forms, fees, feeVnd,
                resultType, legalBasis, publication, withdrawal, publishedVersion, latestVersion, revision, updatedAt);
    }

    /** True for the version the public currently sees. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPublished() {
        return status == VersionStatus.PUBLISHED;
    }
}
