package vn.motcua.catalog;

import vn.motcua.organization.UnitLevel;

/**
 * A search of the published catalogue. {@code q} matches words of the name or
 * the code ignoring diacritics, case and Unicode normalization form; the other
 * filters are optional (null: any). Pages count from 0.
 */
public record ProcedureQuery(String q, UnitLevel level, String field, Long agencyUnitId, OnlineLevel onlineLevel,
                             int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public ProcedureQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static ProcedureQuery text(String q) {
        return new ProcedureQuery(q, null, null, null, null, 0, DEFAULT_SIZE);
    }
}
