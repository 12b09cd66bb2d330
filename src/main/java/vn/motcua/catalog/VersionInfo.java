package vn.motcua.catalog;

import java.time.OffsetDateTime;

/** One line of a procedure's version history. */
public record VersionInfo(int version, VersionStatus status, String name, OffsetDateTime createdAt, String createdBy,
                          OffsetDateTime updatedAt, String updatedBy, Publication publication, String publishedBy,
                          Publication withdrawal, String withdrawnBy) {
}
