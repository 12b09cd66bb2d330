package vn.motcua.warehouse.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.warehouse.BlobStore;

/**
 * Content-addressed files on disk: {@code <dir>/ab/cd/abcdef…} where the name
 * is the SHA-256 of the content. Writing is a rename of a complete temporary
 * file, so a reader never sees half a file and two nodes writing the same
 * content (on a shared volume) end with one copy.
 */
@Component
public class DiskBlobStore implements BlobStore {

    private final Path root;

    public DiskBlobStore(@Value("${motcua.files.dir}") String dir) throws IOException {
        this.root = Path.of(dir).toAbsolutePath();
        Files.createDirectories(root.resolve("tmp"));
    }

    public Path tempDir() {
        return root.resolve("tmp");
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public void put(String sha256, Path tempFile) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(tempFile);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tempFile);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(pathOf(sha256));
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(pathOf(sha256));
    }
}
