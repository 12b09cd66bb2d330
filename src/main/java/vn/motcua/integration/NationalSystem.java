package vn.motcua.integration;

/** The national systems whose connection decides whether an indicator of Decision 766 can be counted. */
public enum NationalSystem {
    /** The National Public Service Portal (status sync). */
    NATIONAL_PORTAL,
    /** The national payment platform. */
    PAYMENT_PLATFORM,
    /** The national population database. */
    POPULATION_DATABASE
}
