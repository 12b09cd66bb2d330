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

    /** Whether the appointment clock is running (received or in processing). */
    public boolean clockRunning() {
        return this == RECEIVED || this == PROCESSING;
    }

    /** Still in the hands of the administration. */
    public boolean open() {
        return this == RECEIVED || this == PROCESSING || this == WAITING_SUPPLEMENT || this == WAITING_PAYMENT;
    }
}
