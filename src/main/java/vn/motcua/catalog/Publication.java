package vn.motcua.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A deciding act (quyết định công bố / bãi bỏ): its number and date, and when and by whom it was recorded. */
public record Publication(String decision, LocalDate decidedOn, OffsetDateTime recordedAt, String reason) {
}
