package vn.motcua.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.calendar.CalendarService;
import vn.motcua.dossier.ApplicantContacts;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.portal.internal.AccountFreezing;
import vn.motcua.portal.internal.CitizenAccountStore;
import vn.motcua.portal.internal.CitizenMessages;
import vn.motcua.portal.internal.Masking;
import vn.motcua.portal.internal.OtpStore;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.NotFound;
import vn.motcua.shared.Texts;

/**
 * Proving that an account's identity number is its holder's. Three ways:
 * <ol>
 * <li>a VNeID login ({@link CitizenAccounts#signInWithIdentityProvider});</li>
 * <li>an officer at a one-stop desk (role ONE_STOP_OFFICER, or an
 *     administrator) checks the ID card and confirms the account
 *     ({@link #proveAtDesk}); the staff page and the API call the same method
 *     with the same guard, and the act goes into the audit trail;</li>
 * <li>a six-digit code sent to a phone number or e-mail address that an
 *     officer recorded on a dossier of that number filed in person at a desk
 *     ({@link #sendCode}, {@link #verifyCode}): contacts the account typed
 *     itself prove nothing. The code is stored as a BCrypt hash, works once,
 *     for {@link #CODE_VALIDITY} and {@link #CODE_ATTEMPTS} tries; an account
 *     gets at most {@link #CODES_PER_HOUR} codes an hour. All of it is in the
 *     database, so the limits hold on every node.</li>
 * </ol>
 * An officer who finds that an unproven account is not the holder's freezes
 * it ({@link #freezeAtDesk}), which releases the number.
 */
@Service
public class IdentityProofs {

    public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    public static final int CODE_ATTEMPTS = 5;
    public static final int CODES_PER_HOUR = 3;

    /** What the officer checked at the desk. */
    public enum DocumentChecked {
        /** Thẻ căn cước / căn cước công dân (with or without chip). */
        ID_CARD,
        /** Hộ chiếu. */
        PASSPORT,
        /** For organisations: the business registration certificate and the representative's ID card. */
        BUSINESS_REGISTRATION,
        /** Another paper, named in the note. */
        OTHER
    }

    /** What the officer records when confirming an account. */
    public record DeskProof(DocumentChecked document, String note) {
    }

    /**
     * An account as the desk sees it, with the accounts frozen that held the
     * same number before; times in the province's zone (as every API answer).
     */
    public record AccountCard(long accountId, String identityNumber, ApplicantKind kind, String fullName, String phone,
                              String email, OffsetDateTime createdAt, boolean proven, Proof proof,
                              boolean linkedToVneid, List<FrozenAccount> frozenAccounts) {
    }

    /** How the account was proven ({@link IdentityProof}). */
    public record Proof(ProofMethod method, OffsetDateTime at, String by, String detail) {
    }

    /** An account that held the number and was frozen. */
    public record FrozenAccount(String fullName, OffsetDateTime createdAt, OffsetDateTime frozenAt) {
    }

    /** A contact a code can be sent to, as the citizen sees it: an opaque id and the masked value. */
    public record CodeContact(String id, ApplicantContacts.Contact.Kind kind, String masked) {
    }

    /** Where a code went and until when it works. */
    public record CodeSent(ApplicantContacts.Contact.Kind kind, String masked, Instant expiresAt) {
    }

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final int NOTE_MAX = 500;

    private final CitizenAccountStore accounts;
    private final OtpStore codes;
    private final ApplicantContacts contacts;
    private final AccountFreezing freezing;
    private final CitizenMessages outgoing;
    private final AuditTrail audit;
    private final PasswordEncoder encoder;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdentityProofs(CitizenAccountStore accounts, OtpStore codes, ApplicantContacts contacts, AccountFreezing freezing,
                          CitizenMessages outgoing, AuditTrail audit, PasswordEncoder encoder, MessageSource messages,
                          Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.contacts = contacts;
        this.freezing = freezing;
        this.outgoing = outgoing;
        this.audit = audit;
        this.encoder = encoder;
        this.messages = messages;
        this.clock = clock;
    }

    // --- at the desk -----------------------------------------------------------------------------------

    /** The account holding the number, for an officer; 404 when none holds it, 403 for anyone but desk officers and administrators. */
    @Transactional(readOnly = true)
    public AccountCard card(String identityNumber, StaffPrincipal officer) {
        guard(officer);
        AccountCard card = card(live(identityNumber));
        // the card shows a citizen's personal data (name, phone, e-mail): who looked, from where, is on record
        audit.recordAlone(AuditEntry.of("citizen.account.viewed", officer.username(), "citizen", card.identityNumber())
                .detail("account card at the desk"));
        return card;
    }

    /**
     * The officer has checked the holder's ID card (or, for an organisation,
     * its registration and its representative's card) and confirms that the
     * account is theirs. Recorded on the account (method DESK, when, the
     * officer's username, what was checked) and in the audit trail
     * ({@code citizen.identity.proven}). An account already proven is a 409
     * ({@code identity-already-proven}); the document is required, and so is
     * the note when the document is {@link DocumentChecked#OTHER}.
     */
    @Transactional
    public AccountCard proveAtDesk(String identityNumber, DeskProof proof, StaffPrincipal officer) {
        guard(officer);
        CitizenAccount a = live(identityNumber);
        String note = proof == null ? null : Texts.clean(proof.note());
        Map<String, String> errors = new LinkedHashMap<>();
        if (proof == null || proof.document() == null) {
            errors.put("document", "validation.required");
        } else if (proof.document() == DocumentChecked.OTHER && Texts.isBlank(note)) {
            errors.put("note", "identity.desk.note.required");
        }
        if (note != null && note.length() > NOTE_MAX) {
            errors.put("note", "validation.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        accounts.lock(a.id());
        Instant now = clock.instant();
        String detail = proof.document().name() + (Texts.isBlank(note) ? "" : "; " + note);
        if (!accounts.prove(a.id(), new IdentityProof(ProofMethod.DESK, now, officer.username(), detail))) {
            throw alreadyProvenOrGone(a.id());
        }
        codes.retire(a.id(), now);
        audit.record(AuditEntry.of("citizen.identity.proven", officer.username(), "citizen", a.identityNumber())
                .detail("account " + a.id() + "; method DESK; document " + proof.document().name()).reason(note));
        return card(accounts.byId(a.id()).orElseThrow().account());
    }

    /**
     * The officer found that the unproven account holding the number is not
     * the holder's (the person at the desk holds the ID card and did not open
     * it): the account is frozen and releases the number, so the holder can
     * register or sign in with VNeID. A proven account cannot be frozen here
     * (409 {@code identity-already-proven}); the note saying why is required.
     */
    @Transactional
    public void freezeAtDesk(String identityNumber, String note, StaffPrincipal officer) {
        guard(officer);
        CitizenAccount a = live(identityNumber);
        String why = Texts.clean(note);
        if (Texts.isBlank(why)) {
            throw InvalidInput.of("note", "validation.required");
        }
        if (why.length() > NOTE_MAX) {
            throw InvalidInput.of("note", "validation.tooLong");
        }
        accounts.lock(a.id());
        if (!freezing.freeze(a, AccountFreezing.Reason.DESK, officer.username(), why)) {
            throw alreadyProvenOrGone(a.id());
        }
    }

    /** The guard of every desk act: one-stop officers and administrators, else {@link AccessDeniedException} (403). */
    public void requireDeskOfficer(StaffPrincipal officer) {
        guard(officer);
    }

    private static void guard(StaffPrincipal officer) {
        if (officer == null || !officer.hasAnyRole("ONE_STOP_OFFICER", "ADMIN")) {
            throw new AccessDeniedException("identity proofing is for one-stop officers and administrators");
        }
    }

    private CitizenAccount live(String identityNumber) {
        String n = CitizenAccounts.identityNumber(identityNumber);
        return (n == null ? java.util.Optional.<CitizenAccountStore.Login>empty() : accounts.login(n))
                .map(CitizenAccountStore.Login::account)
                .orElseThrow(() -> new NotFound("citizen account " + identityNumber));
    }

    private AccountCard card(CitizenAccount a) {
        List<FrozenAccount> frozen = accounts.frozenWith(a.identityNumber()).stream()
                .map(f -> new FrozenAccount(f.fullName(), local(f.createdAt()), local(f.frozenAt()))).toList();
        IdentityProof p = a.proof();
        return new AccountCard(a.id(), a.identityNumber(), a.kind(), a.fullName(), a.phone(), a.email(), local(a.createdAt()),
                a.proven(), p == null ? null : new Proof(p.method(), local(p.at()), p.by(), p.detail()),
                a.linkedToIdentityProvider(), frozen);
    }

    private static OffsetDateTime local(Instant t) {
        return t == null ? null : t.atZone(CalendarService.ZONE).toOffsetDateTime();
    }

    private RuntimeException alreadyProvenOrGone(long accountId) {
        CitizenAccount now = accounts.byId(accountId).orElseThrow().account();
        return now.frozen() ? new NotFound("citizen account " + accountId)
                : new DomainRuleViolation("identity-already-proven", "identity.alreadyProven");
    }

    // --- one-time codes ----------------------------------------------------------------------------------

    /** The contacts a code can be sent to: those officers recorded on the citizen's dossiers filed in person. */
    @Transactional(readOnly = true)
    public List<CodeContact> codeContacts(CitizenPrincipal me) {
        return contacts.recordedAtDesk(me.identityNumber()).stream()
                .map(c -> new CodeContact(contactId(me, c), c.kind(), mask(c))).toList();
    }

    /**
     * Sends a new six-digit code to one of {@link #codeContacts}, named by its
     * id ({@link InvalidInput} on {@code contact} for any other). Earlier codes
     * stop working. The fourth code within an hour is refused (409
     * {@code code-throttled}, with the minutes to wait). The code leaves by
     * e-mail or SMS once this transaction has committed.
     */
    @Transactional
    public CodeSent sendCode(CitizenPrincipal me, String contactId) {
        CitizenAccount a = unproven(me, true);
        ApplicantContacts.Contact to = contacts.recordedAtDesk(a.identityNumber()).stream()
                .filter(c -> contactId(me, c).equals(contactId)).findFirst()
                .orElseThrow(() -> InvalidInput.of("contact", "identity.code.contact"));
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        if (codes.sentSince(a.id(), hourAgo) >= CODES_PER_HOUR) {
            Instant free = codes.oldestSince(a.id(), hourAgo).orElse(now).plus(Duration.ofHours(1));
            long minutes = Math.max(1, (Duration.between(now, free).getSeconds() + 59) / 60);
            throw new DomainRuleViolation("code-throttled", "identity.code.throttled", minutes);
        }
        codes.retire(a.id(), now);
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant expires = now.plus(CODE_VALIDITY);
        String masked = mask(to);
        codes.insert(a.id(), channel(to), masked, encoder.encode(code), now, expires);
        audit.record(AuditEntry.of("citizen.identity.code-sent", me.fileOwner(), "citizen", a.identityNumber())
                .detail("account " + a.id() + "; " + channel(to) + " " + masked));
        String subject = messages.getMessage("identity.code.message.subject", null, VI);
        String body = messages.getMessage("identity.code.message.body",
                new Object[] {code, CODE_VALIDITY.toMinutes(), a.identityNumber()}, VI);
        outgoing.sendAfterCommit(to.kind() == ApplicantContacts.Contact.Kind.EMAIL
                ? new NotificationChannel.Recipient(null, to.value(), null)
                : new NotificationChannel.Recipient(null, null, to.value()), subject, body);
        return new CodeSent(to.kind(), masked, expires);
    }

    /**
     * Checks a code against the account's newest one: right, unused,
     * unexpired and within its tries, it proves the account (method OTP, the
     * masked contact it went to) and goes into the audit trail. A wrong code
     * is an {@link InvalidInput} on {@code code} with the tries left (the try
     * counts: it is committed even so); no code, a used or expired one, or no
     * tries left is a 409 ({@code code-none}, {@code code-used},
     * {@code code-expired}, {@code code-attempts}).
     */
    @Transactional(noRollbackFor = {InvalidInput.class, DomainRuleViolation.class})
    public void verifyCode(CitizenPrincipal me, String code) {
        String typed = code == null ? "" : code.replaceAll("\\s+", "");
        if (!typed.matches("\\d{6}")) {
            throw InvalidInput.of("code", "identity.code.format");
        }
        CitizenAccount a = unproven(me, false);
        Instant now = clock.instant();
        OtpStore.Code latest = codes.latest(a.id()).orElseThrow(() -> refused("none"));
        OtpStore.Code counted = codes.countAttempt(latest.id(), CODE_ATTEMPTS, now).orElseThrow(() ->
                refused(latest.usedAt() != null ? "used" : !latest.expiresAt().isAfter(now) ? "expired" : "attempts"));
        if (!encoder.matches(typed, counted.codeHash())) {
            int left = CODE_ATTEMPTS - counted.attempts();
            if (left <= 0) {
                throw refused("attempts");
            }
            throw new InvalidInput(Map.of("code", "identity.code.wrong"), Map.of("code", List.of(left)));
        }
        if (!codes.use(counted.id(), now)) {
            throw refused("used");
        }
        String by = "otp:" + counted.contactMasked();
        String detail = "code sent by " + counted.channel() + " to " + counted.contactMasked()
                + ", a contact recorded on a dossier filed in person";
        if (!accounts.prove(a.id(), new IdentityProof(ProofMethod.OTP, now, by, detail))) {
            throw alreadyProvenOrGone(a.id());
        }
        codes.retire(a.id(), now);
        audit.record(AuditEntry.of("citizen.identity.proven", me.fileOwner(), "citizen", a.identityNumber())
                .detail("account " + a.id() + "; method OTP; " + counted.channel() + " " + counted.contactMasked()));
    }

    /** The signed-in citizen's live account, which must still be unproven (409 {@code identity-already-proven}). */
    private CitizenAccount unproven(CitizenPrincipal me, boolean lock) {
        CitizenAccount a = (lock ? accounts.lock(me.accountId()) : accounts.byId(me.accountId()))
                .map(CitizenAccountStore.Login::account)
                .filter(x -> x.active() && !x.frozen() && x.identityNumber().equals(me.identityNumber()))
                .orElseThrow(() -> new NotFound("citizen account " + me.accountId()));
        if (a.proven()) {
            throw new DomainRuleViolation("identity-already-proven", "identity.alreadyProven");
        }
        return a;
    }

    private static DomainRuleViolation refused(String why) {
        return new DomainRuleViolation("code-" + why, "identity.code." + why);
    }

    private static String channel(ApplicantContacts.Contact c) {
        return c.kind() == ApplicantContacts.Contact.Kind.EMAIL ? "EMAIL" : "SMS";
    }

    private static String mask(ApplicantContacts.Contact c) {
        return c.kind() == ApplicantContacts.Contact.Kind.EMAIL ? Masking.email(c.value()) : Masking.phone(c.value());
    }

    /** A contact's id on the page: opaque, stable, and different for each account. */
    private static String contactId(CitizenPrincipal me, ApplicantContacts.Contact c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (me.accountId() + ":" + c.kind() + ":" + c.value()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
