package vn.motcua.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.portal.internal.AccountFreezing;
import vn.motcua.portal.internal.CitizenAccountStore;
import vn.motcua.portal.internal.CitizenSessions;
import vn.motcua.portal.internal.PasswordResetMail;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * Portal accounts of citizens and organisations: registration, look-up,
 * lockout bookkeeping for the login, password reset by an e-mailed link and
 * change, and the accounts the national identity provider signs in. An
 * account is keyed by its identity number: the 12-digit citizen ID of a
 * person or the tax code of an organisation. A registered account is
 * unproven: anyone can type someone else's number, so it sees only what it
 * filed online itself until the number is proven ({@link IdentityProofs}); a
 * VNeID login proves it at once.
 */
@Service
public class CitizenAccounts {

    /** How long a password-reset link works. */
    public static final Duration RESET_VALIDITY = Duration.ofMinutes(30);

    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    private static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?");
    /** Vietnamese mobile numbers: 10 digits from 03, 05, 07, 08 or 09 (after +84 is written as 0). */
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** Where a password-reset token stands. */
    public enum ResetTokenState { VALID, UNKNOWN, USED, EXPIRED }

    private final CitizenAccountStore store;
    private final PasswordEncoder encoder;
    private final PasswordResetMail resetMail;
    private final CitizenSessions sessions;
    private final AccountFreezing freezing;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CitizenAccounts(CitizenAccountStore store, PasswordEncoder encoder, PasswordResetMail resetMail,
                           CitizenSessions sessions, AccountFreezing freezing, AuditTrail audit, Clock clock) {
        this.store = store;
        this.encoder = encoder;
        this.resetMail = resetMail;
        this.sessions = sessions;
        this.freezing = freezing;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens an account. Every broken rule is reported at once, by field
     * ({@code kind}, {@code identityNumber}, {@code fullName}, {@code phone},
     * {@code email}, {@code address}, {@code password}, {@code passwordConfirmation}).
     */
    @Transactional
    public CitizenPrincipal register(Registration r) {
        Map<String, String> errors = new LinkedHashMap<>();
        String identity = identityNumber(r.identityNumber());
        if (r.kind() == null) {
            errors.put("kind", "validation.required");
        }
        if (Texts.isBlank(identity)) {
            errors.put("identityNumber", "validation.required");
        } else if (r.kind() != null && !validIdentity(r.kind(), identity)) {
            errors.put("identityNumber", r.kind() == ApplicantKind.PERSON
                    ? "citizen.identityNumber.person" : "citizen.identityNumber.organization");
        }
        String name = Texts.clean(r.fullName());
        if (Texts.isBlank(name)) {
            errors.put("fullName", "validation.required");
        } else if (name.length() > 255) {
            errors.put("fullName", "validation.tooLong");
        }
        String phone = phone(r.phone());
        if (Texts.isBlank(phone)) {
            errors.put("phone", "validation.required");
        } else if (!MOBILE.matcher(phone).matches()) {
            errors.put("phone", "citizen.phone.pattern");
        }
        String email = Texts.clean(r.email());
        if (Texts.isBlank(email)) {
            errors.put("email", "validation.required");
        } else if (email.length() > 255 || !EMAIL.matcher(email).matches()) {
            errors.put("email", "validation.email");
        }
        String address = Texts.clean(r.address());
        if (address != null && address.length() > 500) {
            errors.put("address", "validation.tooLong");
        }
        passwordRules(r.password(), r.passwordConfirmation(), errors);
        if (!errors.containsKey("identityNumber") && identity != null && store.identityTaken(identity)) {
            errors.put("identityNumber", "citizen.identityNumber.held");
        }
        if (!errors.containsKey("email") && email != null && store.emailTaken(email)) {
            errors.put("email", "citizen.email.taken");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id;
        try {
            id = store.insert(r.kind(), identity, name, phone, email, Texts.isBlank(address) ? null : address,
                    encoder.encode(r.password()), null, clock.instant(), null);
        } catch (DuplicateKeyException e) {
            // another registration with the same number or address committed in between
            throw store.identityTaken(identity) ? InvalidInput.of("identityNumber", "citizen.identityNumber.held")
                    : InvalidInput.of("email", "citizen.email.taken");
        }
        return store.byId(id).orElseThrow().account().principal();
    }

    public Optional<CitizenAccount> find(String identityNumber) {
        String n = identityNumber(identityNumber);
        return n == null ? Optional.empty() : store.login(n).map(CitizenAccountStore.Login::account);
    }

    public Optional<CitizenAccount> findByEmail(String email) {
        String e = Texts.clean(email);
        return Texts.isBlank(e) ? Optional.empty() : store.byEmail(e).map(CitizenAccountStore.Login::account);
    }

    /**
     * Counts a failed password for the account by the back-off rule shared with the staff
     * ({@link vn.motcua.shared.LoginBackoff}): the fifth in a row locks it for a minute, each
     * further lock of the run for twice as long (at most 15 minutes), and the count starts
     * again once a lock has expired.
     */
    @Transactional
    public void recordFailedLogin(long accountId) {
        store.recordFailure(accountId, clock.instant());
    }

    @Transactional
    public void recordSuccessfulLogin(long accountId) {
        store.clearFailures(accountId);
    }

    /**
     * Sends a reset link to the account's e-mail when the identity number or
     * the e-mail address belongs to an active account that has one. Says
     * nothing either way, so the page cannot tell who has an account.
     */
    @Transactional
    public void requestPasswordReset(String identityNumberOrEmail) {
        String q = Texts.clean(identityNumberOrEmail);
        if (Texts.isBlank(q)) {
            return;
        }
        Optional<CitizenAccountStore.Login> found = q.contains("@") ? store.byEmail(q) : store.login(identityNumber(q));
        found.map(CitizenAccountStore.Login::account)
                .filter(a -> a.active() && !Texts.isBlank(a.email()))
                .ifPresent(a -> {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    Instant now = clock.instant();
                    store.insertResetToken(sha256(token), a.id(), now, now.plus(RESET_VALIDITY));
                    resetMail.send(a.fullName(), a.email(), token, RESET_VALIDITY.toMinutes());
                });
    }

    public ResetTokenState resetTokenState(String token) {
        if (Texts.isBlank(token)) {
            return ResetTokenState.UNKNOWN;
        }
        return store.resetToken(sha256(token.trim())).map(t -> t.usedAt() != null ? ResetTokenState.USED
                        : t.expiresAt().isAfter(clock.instant()) ? ResetTokenState.VALID : ResetTokenState.EXPIRED)
                .orElse(ResetTokenState.UNKNOWN);
    }

    /**
     * Sets a new password with a reset token: the token works once and for
     * {@link #RESET_VALIDITY}; the reset lifts any lockout, retires the
     * account's other reset links and, once committed, ends the account's
     * other sessions on every node. A bad password is an {@link InvalidInput}
     * (fields {@code password}, {@code passwordConfirmation}); a used, expired
     * or unknown token a {@link DomainRuleViolation}.
     */
    @Transactional
    public CitizenAccount resetPassword(String token, String password, String confirmation) {
        ResetTokenState state = resetTokenState(token);
        if (state != ResetTokenState.VALID) {
            throw tokenRefused(state);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        passwordRules(password, confirmation, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant now = clock.instant();
        long accountId = store.consumeResetToken(sha256(token.trim()), now)
                .orElseThrow(() -> tokenRefused(resetTokenState(token)));
        store.setPassword(accountId, encoder.encode(password));
        store.retireResetTokens(accountId, now);
        CitizenAccount account = store.byId(accountId).orElseThrow().account();
        sessions.endOthersAfterCommit(account);
        return account;
    }

    /**
     * The signed-in citizen changes the password: the current one must match
     * ({@link InvalidInput} on {@code currentPassword}), the new one follow
     * the rules ({@code password}, {@code passwordConfirmation}). Outstanding
     * reset links stop working, and once committed every other session of the
     * account ends on every node; this one stays signed in.
     */
    @Transactional
    public void changePassword(long accountId, String currentPassword, String password, String confirmation) {
        CitizenAccountStore.Login login = store.byId(accountId).filter(l -> l.account().active())
                .orElseThrow(() -> new NotFound("citizen account " + accountId));
        Map<String, String> errors = new LinkedHashMap<>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            errors.put("currentPassword", "validation.required");
        } else if (login.passwordHash() == null || !encoder.matches(currentPassword, login.passwordHash())) {
            errors.put("currentPassword", "citizen.password.current");
        }
        passwordRules(password, confirmation, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        store.setPassword(accountId, encoder.encode(password));
        store.retireResetTokens(accountId, clock.instant());
        sessions.endOthersAfterCommit(login.account());
    }

    /**
     * The account the identity provider signed in. The login proves the
     * identity number it vouches for, so: the account linked to the subject;
     * else the proven account of that number, then linked to the subject (an
     * account linked to another subject is refused); else a new account made
     * from the claims, proven by VNeID. An unproven account holding the number
     * is never linked (anyone could have made it with the number): it is
     * frozen, gives up the number and its sessions, and its holder is told by
     * e-mail ({@link AccountFreezing}). The identity number must be a valid
     * citizen ID or tax code ({@link InvalidInput} on {@code identityNumber});
     * contact data that is invalid or already someone else's is left out.
     */
    @Transactional
    public CitizenPrincipal signInWithIdentityProvider(IdentityClaims claims) {
        if (Texts.isBlank(claims.subject())) {
            throw InvalidInput.of("subject", "validation.required");
        }
        Optional<CitizenAccountStore.Login> bySubject = store.bySubject(claims.subject());
        if (bySubject.isPresent()) {
            return active(bySubject.get().account()).principal();
        }
        String identity = identityNumber(claims.identityNumber());
        ApplicantKind kind = identity == null ? null
                : CITIZEN_ID.matcher(identity).matches() ? ApplicantKind.PERSON
                : TAX_CODE.matcher(identity).matches() ? ApplicantKind.ORGANIZATION : null;
        if (kind == null) {
            throw InvalidInput.of("identityNumber", Texts.isBlank(identity) ? "validation.required"
                    : "citizen.identityNumber.person");
        }
        Optional<CitizenAccountStore.Login> byIdentity = store.login(identity);
        if (byIdentity.isPresent()) {
            CitizenAccount a = byIdentity.get().account();
            if (a.proven()) {
                active(a);
                if (!store.linkSubject(a.id(), claims.subject())) {
                    throw new DomainRuleViolation("citizen-linked-elsewhere", "citizen.oidc.linkedElsewhere");
                }
                return a.principal();
            }
            if (!freezing.freeze(a, AccountFreezing.Reason.VNEID_OWNER, "vneid",
                    "The holder of the identity number signed in with VNeID")) {
                // proven or frozen meanwhile by another request: the database decides on a second try
                throw new DomainRuleViolation("citizen-account-changed", "citizen.login.disabled");
            }
        }
        String name = Texts.clean(claims.fullName());
        if (Texts.isBlank(name) || name.length() > 255) {
            name = identity;
        }
        String email = Texts.clean(claims.email());
        if (Texts.isBlank(email) || email.length() > 255 || !EMAIL.matcher(email).matches() || store.emailTaken(email)) {
            email = null;
        }
        String phone = phone(claims.phone());
        if (phone != null && !MOBILE.matcher(phone).matches()) {
            phone = null;
        }
        Instant now = clock.instant();
        IdentityProof proof = new IdentityProof(ProofMethod.VNEID, now, "VNeID", "subject " + claims.subject());
        long id = store.insert(kind, identity, name, phone, email, null, null, claims.subject(), now, proof);
        audit.record(AuditEntry.of("citizen.identity.proven", CitizenPrincipal.ACTOR_PREFIX + identity, "citizen", identity)
                .detail("account " + id + "; method VNEID; subject " + claims.subject()));
        return store.byId(id).orElseThrow().account().principal();
    }

    /** The identity number as typed, without spaces or dots; null when blank. */
    public static String identityNumber(String raw) {
        if (Texts.isBlank(raw)) {
            return null;
        }
        return raw.strip().replaceAll("[\\s.]", "");
    }

    static boolean validIdentity(ApplicantKind kind, String identity) {
        return (kind == ApplicantKind.PERSON ? CITIZEN_ID : TAX_CODE).matcher(identity).matches();
    }

    /** A phone number with spaces, dots and dashes removed and +84 written as 0; null when blank. */
    static String phone(String raw) {
        if (Texts.isBlank(raw)) {
            return null;
        }
        String p = raw.strip().replaceAll("[\\s.\\-()]", "");
        if (p.startsWith("+84")) {
            p = "0" + p.substring(3);
        } else if (p.startsWith("84") && p.length() == 11) {
            p = "0" + p.substring(2);
        }
        return p;
    }

    private static void passwordRules(String password, String confirmation, Map<String, String> errors) {
        if (password == null || password.isEmpty()) {
            errors.put("password", "validation.required");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            errors.put("password", "citizen.password.tooLong");
        } else if (password.length() < 8 || !LETTER.matcher(password).find() || !DIGIT.matcher(password).find()) {
            errors.put("password", "citizen.password.policy");
        }
        if (password != null && !password.isEmpty() && !password.equals(confirmation)) {
            errors.put("passwordConfirmation", "citizen.password.mismatch");
        }
    }

    private static CitizenAccount active(CitizenAccount a) {
        if (!a.active()) {
            throw new DomainRuleViolation("citizen-account-disabled", "citizen.login.disabled");
        }
        return a;
    }

    private static DomainRuleViolation tokenRefused(ResetTokenState state) {
        return new DomainRuleViolation("reset-token-" + state.name().toLowerCase(Locale.ROOT),
                "citizen.reset.token." + state.name().toLowerCase(Locale.ROOT));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
