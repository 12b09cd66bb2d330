/**
 * Platform: what every page and call passes through but no business module
 * owns: security (login, sessions in the database, API keys, lockout),
 * the page layout and language switch, error rendering (problem details),
 * request ids, database creation and start-up safety checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {"shared", "organization", "calendar", "audit"})
package vn.motcua.platform;
