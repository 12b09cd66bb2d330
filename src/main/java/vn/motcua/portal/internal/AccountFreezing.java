package vn.motcua.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.portal.CitizenAccount;
import vn.motcua.portal.NotificationChannel;
import vn.motcua.shared.Texts;

/**
 * Freezes an unproven account whose identity number turned out not to be its
 * holder's: the number's owner signed in with VNeID, or an officer at a desk
 * found the account was not the person's. In the caller's transaction: the
 * account can no longer sign in and gives up its number and e-mail address,
 * its reset links and codes stop working, the act goes into the audit trail;
 * after the commit its sessions end on every node and its holder is told at
 * the e-mail address the account gave.
 */
@Component
public class AccountFreezing {

    /** Why an account was frozen (stored as {@code frozen_reason}). */
    public enum Reason { VNEID_OWNER, DESK }

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final CitizenAccountStore store;
    private final OtpStore codes;
    private final AuditTrail audit;
    private final CitizenSessions sessions;
    private final CitizenMessages outgoing;
    private final MessageSource messages;
    private final String publicUrl;
    private final Clock clock;

    AccountFreezing(CitizenAccountStore store, OtpStore codes, AuditTrail audit, CitizenSessions sessions,
                    CitizenMessages outgoing, MessageSource messages,
                    @Value("${motcua.public-url:http://localhost:8080}") String publicUrl, Clock clock) {
        this.store = store;
        this.codes = codes;
        this.audit = audit;
        this.sessions = sessions;
        this.outgoing = outgoing;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /**
     * Freezes the account if it is unproven and not frozen yet; false
     * otherwise (nothing changes). {@code actor} is who decided (a staff
     * username, or {@code vneid} for the owner's login); {@code note} why.
     */
    public boolean freeze(CitizenAccount account, Reason reason, String actor, String note) {
        Instant now = clock.instant();
        if (!store.freeze(account.id(), reason.name(), now)) {
            return false;
        }
        store.retireResetTokens(account.id(), now);
        codes.retire(account.id(), now);
        audit.record(AuditEntry.of("citizen.account.frozen", actor, "citizen", account.identityNumber())
                .detail("account " + account.id() + "; " + reason.name()).reason(note));
        sessions.endOthersAfterCommit(account);
        if (!Texts.isBlank(account.email())) {
            String key = "citizen.frozen.mail." + (reason == Reason.VNEID_OWNER ? "vneid" : "desk");
            String subject = messages.getMessage("citizen.frozen.mail.subject", null, VI);
            String body = messages.getMessage(key, new Object[] {account.fullName(), account.identityNumber(),
                    publicUrl + "/portal/login"}, VI);
            outgoing.sendAfterCommit(new NotificationChannel.Recipient(account.fullName(), account.email(), null), subject, body);
        }
        return true;
    }
}
