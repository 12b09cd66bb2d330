package vn.motcua.dossier;

import java.time.OffsetDateTime;

/**
 * A search over dossiers (API.md, GET /dossiers): all filters optional;
 * {@code q} matches the code, the applicant's name without diacritics, or the
 * ID number / tax code. {@code inbox} picks one of the inbox views.
 */
public record DossierQuery(Integer status, Long unit, Boolean overdue, OffsetDateTime dueBefore, String q,
                           Inbox inbox, Long assignee, int page, int size) {

    /** The inbox filters of the officers' pages. */
    public enum Inbox {
        /** online filings waiting at the desk (status 1) */
        NEW,
        /** received or in processing */
        IN_PROGRESS,
        /** open and due within 2 working days */
        DUE_SOON,
        /** open and past the appointment */
        OVERDUE,
        WAITING_SUPPLEMENT,
        WAITING_PAYMENT,
        /** result ready, to be returned */
        READY_TO_RETURN
    }
}
