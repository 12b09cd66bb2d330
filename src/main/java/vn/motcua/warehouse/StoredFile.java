package vn.motcua.warehouse;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored file's metadata. The content lives in the blob store under its SHA-256. */
public record StoredFile(UUID id, String name, String mediaType, long size, String sha256, String owner,
                         OffsetDateTime createdAt) {
}
