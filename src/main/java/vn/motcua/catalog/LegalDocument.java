package vn.motcua.catalog;

import java.time.LocalDate;

/** A legal document a procedure rests on (căn cứ pháp lý): its number, title and date of issue. */
public record LegalDocument(String number, String title, LocalDate issuedOn) {
}
