package vn.motcua.catalog.internal;

import java.util.List;

/**
 * The catalogue workbook's layout, shared by its reader and writer: one sheet
 * per part of a procedure, each with its header row of column names; rows are
 * joined by the procedure code.
 */
final class CatalogSheets {

    public static final String PROCEDURES = "Procedures";
    public static final String STEPS = "Steps";
    public static final String COMPONENTS = "Components";
    public static final String FORMS = "Forms";
    public static final String FEES = "Fees";
    public static final String LEGAL = "LegalBasis";

    static final List<String> PROCEDURE_COLUMNS = List.of("code", "version", "status", "name", "field", "level", "agency",
            "subjects", "methods", "onlineLevel", "interAgency", "crossBoundary", "resultType", "feeVnd", "decision",
            "decidedOn");
    static final List<String> STEP_COLUMNS = List.of("code", "caseId", "caseName", "durationAmount", "durationUnit",
            "onlineDurationAmount", "onlineDurationUnit", "step", "stepName", "role", "unit", "unitKind", "share");
    static final List<String> COMPONENT_COLUMNS = List.of("code", "name", "originals", "copies", "form");
    static final List<String> FORM_COLUMNS = List.of("code", "formCode", "name", "url");
    static final List<String> FEE_COLUMNS = List.of("code", "name", "amountVnd", "note");
    static final List<String> LEGAL_COLUMNS = List.of("code", "number", "title", "issuedOn");

    private CatalogSheets() {
    }
}
