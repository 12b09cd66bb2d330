package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Optional;

/** The printable forms of a dossier (Circular 03/2025/TT-VPCP Annex I). */
public enum SlipKind {
    RECEIPT("receipt"), SUPPLEMENT("supplement"), REFUSAL("refusal"), APOLOGY("apology"), STOP("stop"), CONTROL("control");

    private final String path;

    SlipKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<SlipKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
