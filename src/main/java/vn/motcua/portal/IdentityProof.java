package vn.motcua.portal;

import java.time.Instant;

/**
 * How, when and by whom an account's identity number was proven. {@code by}
 * is the officer's username for {@link ProofMethod#DESK}, {@code VNeID} for a
 * VNeID login, and the (masked) contact the code went to for {@link ProofMethod#OTP};
 * {@code detail} says what was checked.
 */
public record IdentityProof(ProofMethod method, Instant at, String by, String detail) {
}
