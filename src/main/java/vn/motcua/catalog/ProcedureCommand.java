package vn.motcua.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Set;
import vn.motcua.organization.UnitLevel;

/**
 * Create or replace a procedure: the shape {@link ProcedureDetail} has, without
 * what the system decides (version, status, publication). Unknown members are
 * ignored, so a client can send back what it read. {@code feeVnd} may be left
 * out; when given it must equal the sum of the fees. {@code revision}, when
 * given, must be the procedure's current revision (else 409, stale).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcedureCommand(
        String code,
        String name,
        String field,
        UnitLevel level,
        UnitRef agency,
        @Size(max = 50, message = "{validation.list.tooMany}") List<String> subjects,
        Set<FilingMethod> methods,
        OnlineLevel onlineLevel,
        Boolean interAgency,
        Boolean crossBoundary,
        @Size(max = 50, message = "{validation.list.tooMany}") List<@Valid ProcedureCase> cases,
        @Size(max = 200, message = "{validation.list.tooMany}") List<ProcedureComponent> components,
        @Size(max = 100, message = "{validation.list.tooMany}") List<FormTemplate> forms,
        @Size(max = 50, message = "{validation.list.tooMany}") List<Fee> fees,
        Long feeVnd,
        String resultType,
        @Size(max = 100, message = "{validation.list.tooMany}") List<LegalDocument> legalBasis,
        Integer revision) {

    /** The same command for another code (used when the path names the procedure). */
    public ProcedureCommand withCode(String newCode) {
        return new ProcedureCommand(newCode, name, field, level, agency, subjects, methods, onlineLevel, interAgency,
                crossBoundary, cases, components, forms, fees, feeVnd, resultType, legalBasis, revision);
    }

    /** The command a detail would be recreated from (used by export and by editing). */
    public static ProcedureCommand of(ProcedureDetail d) {
        return new ProcedureCommand(d.code(), d.name(), d.field(), d.level(), d.agency(), d.subjects(), d.methods(),
                d.onlineLevel(), d.interAgency(), d.crossBoundary(), d.cases(), d.components(), d.forms(), d.fees(),
                d.feeVnd(), d.resultType(), d.legalBasis(), d.revision());
    }
}
