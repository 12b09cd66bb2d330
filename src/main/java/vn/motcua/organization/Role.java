package vn.motcua.organization;

/** What a staff account may do. A person may hold several roles. */
public enum Role {
    /** Quản trị: units, accounts, catalogue, calendar. */
    ADMIN,
    /** Giám sát (Văn phòng UBND tỉnh, Sở Nội vụ): sees every unit. */
    SUPERVISOR,
    /** Lãnh đạo: approves and signs results. */
    LEADER,
    /** Chuyên viên: examines dossiers. */
    SPECIALIST,
    /** Cán bộ Một cửa: receives dossiers and returns results. */
    ONE_STOP_OFFICER;

    /** Roles whose holders see every unit. */
    public boolean seesAllUnits() {
        return this == ADMIN || this == SUPERVISOR;
    }
}
