package vn.motcua.catalog.internal;

import java.util.List;
import java.util.Set;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FilingMethod;
import vn.motcua.catalog.FormTemplate;
import vn.motcua.catalog.LegalDocument;
import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureCase;
import vn.motcua.catalog.ProcedureComponent;
import vn.motcua.catalog.UnitRef;
import vn.motcua.organization.UnitLevel;

/**
 * The checked, cleaned content of one version (text NFC and trimmed, amounts
 * without trailing zeros, units reduced to id or kind, case ids filled in):
 * what the JSONB column holds. Two equal contents mean nothing changed.
 */
public record ProcedureContent(
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
        List<LegalDocument> legalBasis) {
}
