package vn.motcua.organization;

/** What a unit is; decides where it may stand in the tree. */
public enum UnitKind {
    /** Ủy ban nhân dân tỉnh: the root of the province. */
    PEOPLES_COMMITTEE,
    /** Sở, ban, ngành, Văn phòng UBND: a provincial agency. */
    AGENCY,
    /** Phòng chuyên môn: a division inside an agency or a commune. */
    DIVISION,
    /** Trung tâm Phục vụ hành chính công: a public administration service centre. */
    SERVICE_CENTRE,
    /** UBND xã: a commune's People's Committee. */
    COMMUNE,
    /** UBND phường: a ward's People's Committee. */
    WARD,
    /** Bộ phận Một cửa: a one-stop desk. */
    ONE_STOP_DESK
}
