/**
 * Portal: what the citizen sees and receives. Citizen and organisation
 * accounts ({@link vn.motcua.portal.CitizenAccounts}), signed in by identity
 * number and password or with the national identity provider, each session
 * holding a {@link vn.motcua.portal.CitizenPrincipal}; the portal's home; the
 * notifications sent to applicants when their dossier moves (e-mail over
 * SMTP, SMS as a pluggable channel); rating. The public pages of the
 * catalogue and tracking live in their modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal",
        allowedDependencies = {"shared", "organization", "calendar", "catalog", "dossier", "warehouse", "audit", "platform :: security"})
package vn.motcua.portal;
