package vn.motcua.feedback;

import java.util.Arrays;
import java.util.Optional;

/** The acts on a PAKN, with their path segment in the API and who does them. */
public enum FeedbackAction {
    /** The desk receives it and routes it to the competent unit (from WAITING_INTAKE). */
    RECEIVE("receive", Actor.DESK),
    /** The desk refuses it with a reason (from WAITING_INTAKE, WAITING_SUPPLEMENT or RETURNED). */
    REFUSE("refuse", Actor.DESK),
    /** The desk asks the sender for more, once (from WAITING_INTAKE). */
    REQUEST_SUPPLEMENT("request-supplement", Actor.DESK),
    /** The sender sends what was asked (from WAITING_SUPPLEMENT). */
    SUPPLEMENT("supplement", Actor.SENDER),
    /** The unit sends it back to the desk as outside its competence (from PROCESSING). */
    RETURN("return", Actor.UNIT),
    /** The desk routes a returned one to another unit (from RETURNED). */
    ROUTE("route", Actor.DESK),
    /** The unit answers (from PROCESSING). */
    ANSWER("answer", Actor.UNIT),
    /** The desk publishes the answer without personal data (from WAITING_PUBLISH). */
    PUBLISH("publish", Actor.DESK),
    /** The sender rates the published answer, once. */
    RATE("rating", Actor.SENDER);

    /** Who does an act. */
    public enum Actor { DESK, UNIT, SENDER }

    private final String path;
    private final Actor actor;

    FeedbackAction(String path, Actor actor) {
        this.path = path;
        this.actor = actor;
    }

    public String path() {
        return path;
    }

    public Actor actor() {
        return actor;
    }

    /** A staff act by its path segment (the sender's acts have their own endpoints). */
    public static Optional<FeedbackAction> staffAct(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path) && a.actor != Actor.SENDER).findFirst();
    }
}
