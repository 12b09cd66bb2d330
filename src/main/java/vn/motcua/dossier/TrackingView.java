package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/** The public tracking answer: the status of a dossier without personal data. */
public record TrackingView(String code, String procedureName, int statusCode, String status,
                           OffsetDateTime receivedAt, OffsetDateTime appointmentAt, OffsetDateTime finishedAt,
                           boolean overdue, List<Event> timeline) {

    /** A step of the public timeline: when, what, the status reached. */
    public record Event(OffsetDateTime at, String action, int statusCode) {
    }
}
