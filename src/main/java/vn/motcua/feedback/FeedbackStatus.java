package vn.motcua.feedback;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a PAKN stands (DOMAIN.md §7). {@link #RETURNED} is a PAKN the unit it
 * was routed to sent back to the desk as outside its competence; the desk
 * routes it again (a new referral, a new 15-day limit) or refuses it.
 */
public enum FeedbackStatus {
    /** Chờ tiếp nhận: filed (or supplemented), the desk has to receive or refuse it. */
    WAITING_INTAKE,
    /** Từ chối tiếp nhận: refused with a reason; nothing of it is public. */
    REFUSED,
    /** Chờ bổ sung: the desk asked the sender for more. */
    WAITING_SUPPLEMENT,
    /** Đang xử lý: received and routed to the competent unit, which answers. */
    PROCESSING,
    /** Chờ công khai: answered, the desk publishes the answer without personal data. */
    WAITING_PUBLISH,
    /** Đã công khai: the answer is public; the sender may rate it. */
    PUBLISHED,
    /** Trả lại: the unit sent it back to the desk as outside its competence. */
    RETURNED;

    /** The statuses in which the administration owes an act (and may be late). */
    public static final Set<FeedbackStatus> OPEN = EnumSet.of(WAITING_INTAKE, PROCESSING, WAITING_PUBLISH, RETURNED);

    public boolean open() {
        return OPEN.contains(this);
    }
}
