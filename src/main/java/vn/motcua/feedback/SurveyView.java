package vn.motcua.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A survey campaign with its counts: invited, invitations sent, answered. */
public record SurveyView(long id, String title, Long unitId, String unitName, LocalDate returnedFrom, LocalDate returnedTo,
                         int sampleSize, SurveyStatus status, LocalDate closesOn, long invited, long sent, long answered,
                         String createdBy, OffsetDateTime createdAt) {

    /** Answered ÷ invited, in percent (0 when nobody was invited). */
    public double responseRate() {
        return invited == 0 ? 0 : Math.round(1000.0 * answered / invited) / 10.0;
    }
}
