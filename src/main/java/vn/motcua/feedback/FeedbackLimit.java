package vn.motcua.feedback;

/**
 * The time limits of a PAKN, in working days of the province's calendar
 * (DOMAIN.md §7, the limits the national index counts; Decree 20/2008/NĐ-CP
 * as amended by Decree 92/2017/NĐ-CP). Each due time is computed with
 * {@link vn.motcua.calendar.WorkingCalendar#due} from the moment named here.
 */
public enum FeedbackLimit {
    /** Receive (and route) or refuse: 2 working days from the filing, the supplement's arrival or the unit's return. */
    INTAKE(2),
    /** Ask the sender for more: 5 working days from the filing. */
    SUPPLEMENT_REQUEST(5),
    /** Answer: 15 working days from the receipt or the (latest) referral to the unit. */
    HANDLING(15),
    /** Publish the answer: 2 working days from the answer. */
    PUBLICATION(2);

    private final int workingDays;

    FeedbackLimit(int workingDays) {
        this.workingDays = workingDays;
    }

    public int workingDays() {
        return workingDays;
    }
}
