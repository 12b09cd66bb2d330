package vn.motcua.organization;

/** A newly issued API key; the token is shown once and only its hash is kept. */
public record IssuedApiKey(String name, String token) {
}
