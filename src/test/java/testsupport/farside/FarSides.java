package testsupport.farside;

/**
 * The far sides of the whole test run, one per outside system, started once
 * with the shared Spring context. {@code IntegrationTest} points the
 * application's configuration at them ({@code motcua.integration.<name>.url}),
 * so every adapter talks to a real HTTP server on loopback. Webhook
 * subscriptions carry their own address, so a test points one at
 * {@link #PARTNER}.
 */
public final class FarSides {

    /** The national database on administrative procedures (CSDL TTHC): catalogue records. */
    public static final FarSide NATIONAL_CATALOGUE = FarSide.start("national-catalogue");
    /** The National Public Service Portal (DVCQG): dossier status sync. */
    public static final FarSide NATIONAL_PORTAL = FarSide.start("national-portal");
    /** The payment platform. */
    public static final FarSide PAYMENT = FarSide.start("payment");
    /** The national population database (CSDL dân cư). */
    public static final FarSide POPULATION = FarSide.start("population");
    /** An HTTP SMS gateway. */
    public static final FarSide SMS = FarSide.start("sms");
    /** A partner system receiving webhooks. */
    public static final FarSide PARTNER = FarSide.start("partner");

    private FarSides() {
    }

    /** Every far side, in the order above. */
    public static FarSide[] all() {
        return new FarSide[] {NATIONAL_CATALOGUE, NATIONAL_PORTAL, PAYMENT, POPULATION, SMS, PARTNER};
    }
}
