package vn.motcua.warehouse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document of a personal warehouse with its file's metadata.
 * {@code ownerKey} is the 12-digit citizen ID of a person or the tax code of an
 * organisation; {@code digitization} is the state 0–3 of DOMAIN.md §4 it was
 * recorded with (1 for a digitised paper or an electronic result).
 */
public record WarehouseDocument(UUID id, String ownerKey, DocumentKind kind, String title, UUID fileId,
                                String fileName, String mediaType, long sizeBytes, String sourceDossierCode,
                                LocalDate validUntil, int digitization, OffsetDateTime createdAt) {

    /** Still valid on that day: no end date, or an end date not before it. */
    public boolean validOn(LocalDate day) {
        return validUntil == null || !validUntil.isBefore(day);
    }
}
