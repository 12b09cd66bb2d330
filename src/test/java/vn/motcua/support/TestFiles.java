package vn.motcua.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small files for upload tests: each PDF has its own content (so its own SHA-256), and a program to refuse. */
public final class TestFiles {

    /** The first bytes of a Linux executable: what a "to-khai.pdf" that is really a program starts with. */
    public static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};

    private TestFiles() {
    }

    /** A minimal PDF, different on every call. */
    public static byte[] pdf() {
        return ("%PDF-1.4\n% " + UUID.randomUUID() + "\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
