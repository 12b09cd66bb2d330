package vn.motcua.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where file contents live, addressed by their SHA-256. The disk store is
 * the one in use; an S3-compatible store can implement the same three calls.
 */
public interface BlobStore {

    /** Moves a fully written temporary file in under its hash (idempotent: the same content is kept once). */
    void put(String sha256, Path tempFile) throws IOException;

    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256);
}
