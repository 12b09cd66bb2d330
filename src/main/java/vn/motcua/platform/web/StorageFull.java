package vn.motcua.platform.web;

import java.io.IOException;

/**
 * The disk of the files directory is full: an upload is refused with 507
 * (Insufficient Storage), problem+json on the API and a page elsewhere, and
 * nothing is kept (the upload's temporary file is deleted, no row is written;
 * see FileService). Other uploads fail the same way until space is freed;
 * everything else goes on.
 */
public final class StorageFull {

    public static final int STATUS = 507;
    public static final String MESSAGE_KEY = "problem.storageFull";

    private StorageFull() {
    }

    /** Whether the failure is the operating system's "no space left on device" (ENOSPC) or "disk quota exceeded". */
    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("No space left on device") || t.getMessage().contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
