package vn.motcua.catalog;

import vn.motcua.organization.UnitLevel;

/**
 * A search of the published catalogue. {@code q} matches words of the name or
 * the code ignoring diacritics, case and Unicode normalization form; the other
 * filters are optional (null: any). Pages count from 0; sizes run from 1 to
 * {@link #MAX_SIZE}.
 */
public record ProcedureQuery(String q, UnitLevel level, String field, Long agencyUnitId, OnlineLevel onlineLevel,
                             int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Checks the client's paging and texts: 400 with the field when out of bounds (see {@link vn.motcua.shared.Paging}). */
    public ProcedureQuery {
        vn.motcua.shared.Paging.of(page, size, MAX_SIZE);
        q = vn.motcua.shared.Texts.query("q", q);
        field = vn.motcua.shared.Texts.query("field", field);
    }

    public static ProcedureQuery text(String q) {
        return new ProcedureQuery(q, null, null, null, null, 0, DEFAULT_SIZE);
    }
}
