package vn.motcua.integration;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import of procedures into the catalogue as drafts, with every record's
 * row.
 *
 * @param source  FILE (uploaded) or NATIONAL (fetched from the national procedure database)
 * @param format  NATIONAL_JSON, PUBLIC_JSON, XLSX or CSV
 * @param error   why the import read nothing at all (unreadable file, national database unreachable), else null
 * @param parsed  rows whose values were all read as written
 * @param guessed rows saved with at least one guessed value
 * @param needsPerson rows with something a person must supply (saved or not)
 * @param saved   rows that created or changed a draft
 */
public record CatalogueImportReport(long id, String source, String format, String fileName, String actor,
                                    OffsetDateTime startedAt, OffsetDateTime finishedAt, String error, int total,
                                    int parsed, int guessed, int needsPerson, int saved,
                                    List<CatalogueImportRow> rows) {

    public CatalogueImportReport {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** The same report without its rows (lists). */
    public CatalogueImportReport summary() {
        return new CatalogueImportReport(id, source, format, fileName, actor, startedAt, finishedAt, error, total,
                parsed, guessed, needsPerson, saved, List.of());
    }
}
