/**
 * Portal: what the citizen sees and receives. For now the notifications sent
 * to applicants when their dossier moves (e-mail over SMTP, SMS as a
 * pluggable channel); the public pages of the catalogue and tracking live in
 * their modules until the citizen accounts arrive here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package vn.motcua.portal;
