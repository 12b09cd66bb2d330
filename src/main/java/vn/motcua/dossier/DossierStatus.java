package vn.motcua.dossier;

/** The status codes synced to the National Public Service Portal (DOMAIN.md §3). */
public enum DossierStatus {
    /** Mới đăng ký: filed online, not yet received. */
    NEW(1),
    /** Được tiếp nhận: received; the clock starts. */
    RECEIVED(2),
    /** Không được tiếp nhận: refused at intake. */
    REFUSED(3),
    /** Đang xử lý. */
    PROCESSING(4),
    /** Yêu cầu bổ sung giấy tờ: the clock is stopped. */
    WAITING_SUPPLEMENT(5),
    /** Yêu cầu thực hiện nghĩa vụ tài chính: the clock is stopped. */
    WAITING_PAYMENT(6),
    /** Công dân yêu cầu rút hồ sơ. */
    WITHDRAWN(7),
    /** Dừng xử lý. */
    STOPPED(8),
    /** Đã xử lý xong: the result is ready. */
    DONE(9),
    /** Đã trả kết quả. */
    RETURNED(10);

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static DossierStatus of(int code) {
        for (DossierStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("no dossier status " + code);
    }

    /** The clock runs: received or in processing (2, 4). */
    public static final java.util.Set<DossierStatus> CLOCK_RUNNING =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(RECEIVED, PROCESSING));
    /** The clock is stopped, waiting for the applicant (5, 6, DOMAIN.md §3). */
    public static final java.util.Set<DossierStatus> PAUSED =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(WAITING_SUPPLEMENT, WAITING_PAYMENT));
    /** Open: received and still in the hands of the administration (2, 4, 5, 6); the only ones that can become overdue while unfinished. */
    public static final java.util.Set<DossierStatus> OPEN =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(RECEIVED, PROCESSING, WAITING_SUPPLEMENT, WAITING_PAYMENT));
    /** Work still waits at a unit: new, open or the result ready to return (1, 2, 4, 5, 6, 9). */
    public static final java.util.Set<DossierStatus> PENDING = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(NEW, RECEIVED, PROCESSING, WAITING_SUPPLEMENT, WAITING_PAYMENT, DONE));

    /** Whether the appointment clock is running (received or in processing). */
    public boolean clockRunning() {
        return CLOCK_RUNNING.contains(this);
    }

    /** Still in the hands of the administration. */
    public boolean open() {
        return OPEN.contains(this);
    }

    /** The codes of these statuses as an SQL list, e.g. {@code (2, 4)}, for {@code d.status IN ...}. */
    public static String sqlList(java.util.Set<DossierStatus> statuses) {
        return statuses.stream().sorted().map(s -> String.valueOf(s.code))
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }
}
