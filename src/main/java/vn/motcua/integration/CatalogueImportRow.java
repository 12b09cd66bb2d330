package vn.motcua.integration;

import java.util.List;

/**
 * One record of an import as the report shows it.
 *
 * @param seq     the record's place in the source (1 = the first record; for a sheet, the first data row)
 * @param code    the national procedure code, when the record had one
 * @param status  the worst finding of its notes
 * @param version the catalogue version written or left as it was (null when nothing was saved)
 */
public record CatalogueImportRow(int seq, String code, String name, Finding status, ImportOutcome outcome,
                                 Integer version, List<ImportNote> notes) {

    public CatalogueImportRow {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The notes with one finding (the report's three columns). */
    public List<ImportNote> notes(Finding finding) {
        return notes.stream().filter(n -> n.finding() == finding).toList();
    }

    /** True when a draft (or an unchanged version) of the procedure exists to open. */
    public boolean saved() {
        return outcome != ImportOutcome.NOT_SAVED && version != null;
    }
}
