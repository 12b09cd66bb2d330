package vn.motcua.catalog;

/**
 * One reason an import was refused: where (the sheet of an XLSX file, or none
 * for JSON; the row: the spreadsheet row number, or the 1-based position in
 * the JSON array), the procedure code if known, the field, and a message key
 * with its arguments.
 */
public record ImportError(String sheet, int row, String code, String field, String messageKey, Object[] args) {

    /** A short location such as {@code Steps!12 share} or {@code #3 cases[0].steps}. */
    public String location() {
        String where = sheet == null ? "#" + row : sheet + "!" + row;
        return field == null || field.isEmpty() ? where : where + " " + field;
    }
}
