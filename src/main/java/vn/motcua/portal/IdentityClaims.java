package vn.motcua.portal;

/**
 * What the national identity provider (VNeID, OpenID Connect) says of the
 * person who signed in: its stable subject, the citizen ID (or tax code) and
 * the contact data it chose to share. Any of the last four may be null.
 */
public record IdentityClaims(String subject, String identityNumber, String fullName, String email, String phone) {
}
