package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Optional;

/** The acts on a dossier, with their path segment in the API. */
public enum Action {
    FILE("file"),
    RECEIVE("receive"),
    REFUSE("refuse"),
    FORWARD("forward"),
    REQUEST_SUPPLEMENT("request-supplement"),
    SUPPLEMENT_RECEIVED("supplement-received"),
    REQUEST_PAYMENT("request-payment"),
    PAYMENT_RECEIVED("payment-received"),
    APOLOGIZE("apologize"),
    STOP("stop"),
    WITHDRAW("withdraw"),
    COMPLETE("complete"),
    RETURN("return"),
    TRANSFER_TO_SUCCESSOR("transfer-to-successor"),
    /** A paper component scanned at the desk or the handling unit (digitisation state 1); its own endpoint. */
    SCAN("scan"),
    /** The applicant sends the requested papers online; the desk then confirms with supplement-received. Portal only. */
    SUPPLEMENT_SUBMITTED("supplement-submitted");

    private final String path;

    Action(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<Action> fromPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path) && a != FILE && a != TRANSFER_TO_SUCCESSOR && a != SCAN
                && a != SUPPLEMENT_SUBMITTED).findFirst();
    }
}
