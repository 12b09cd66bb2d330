package vn.motcua.organization;

/** Tier of local government (two tiers since 1 July 2025). */
public enum UnitLevel {
    PROVINCE,
    COMMUNE
}
