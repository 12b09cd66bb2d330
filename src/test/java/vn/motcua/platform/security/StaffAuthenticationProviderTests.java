package vn.motcua.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.support.CountingPasswordEncoder;
import vn.motcua.organization.LoginAccount;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.Role;

/**
 * Every refusal of a staff login looks and costs the same: one exception type and
 * message, one BCrypt check (against a dummy hash when there is no account to
 * check), and the real reason only in the audit trail.
 */
class StaffAuthenticationProviderTests {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private final CountingPasswordEncoder encoder = new CountingPasswordEncoder();
    private final OrganizationService org = mock(OrganizationService.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StaffAuthenticationProvider provider =
            new StaffAuthenticationProvider(org, encoder, new LoginThrottle(clock), audit, clock);
    private final String hash = encoder.encode("Dung@12345");

    private LoginAccount account(String username, boolean active, Instant lockedUntil) {
        return new LoginAccount(7, username, "Cán bộ", hash, active, lockedUntil, lockedUntil == null ? 0 : 5,
                Set.of(Role.SPECIALIST));
    }

    private BadCredentialsException refusal(String username, String password) {
        return catchThrowableOfType(BadCredentialsException.class,
                () -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)));
    }

    @Test
    void unknownWrongLockedAndDisabledAreOneAnswerEachAfterOneBcryptCheck() {
        when(org.loginAccount(anyString())).thenReturn(Optional.empty());
        when(org.loginAccount("sai")).thenReturn(Optional.of(account("sai", true, null)));
        when(org.loginAccount("khoa")).thenReturn(Optional.of(account("khoa", true, NOW.plusSeconds(60))));
        when(org.loginAccount("nghi")).thenReturn(Optional.of(account("nghi", false, null)));
        encoder.matches.set(0);

        List<String> messages = new ArrayList<>();
        String[][] attempts = {{"khong.co", "Dung@12345"}, {"sai", "Sai@12345"}, {"khoa", "Dung@12345"}, {"nghi", "Dung@12345"}};
        for (String[] a : attempts) {
            int before = encoder.matches.get();
            BadCredentialsException e = refusal(a[0], a[1]);
            assertThat(e).as(a[0]).isNotNull();
            assertThat(encoder.matches.get() - before).as("BCrypt checks for " + a[0]).isEqualTo(1);
            messages.add(e.getMessage());
        }
        assertThat(messages).containsOnly("bad credentials");

        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit, times(4)).recordAlone(entries.capture());
        assertThat(entries.getAllValues()).extracting(AuditEntry::kind).containsOnly(StaffAuthenticationProvider.FAILED);
        assertThat(entries.getAllValues()).extracting(AuditEntry::reason)
                .containsExactly("UNKNOWN_USER", "BAD_PASSWORD", "LOCKED", "DISABLED");
        assertThat(entries.getAllValues()).extracting(AuditEntry::actor).containsExactly("khong.co", "sai", "khoa", "nghi");
        // the password of a locked account is not checked against the real hash, nor does its failure count
        verify(org, never()).recordFailedLogin("khoa");
        verify(org).recordFailedLogin("sai");
    }

    @Test
    void aRememberedBasicPasswordNeverOutlivesTheHashItWasCheckedAgainst() {
        LoginAccount before = account("nho", true, null);
        when(org.loginAccount("nho")).thenReturn(Optional.of(before));
        assertThat(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nho", "Dung@12345"))
                .isAuthenticated()).isTrue();
        encoder.matches.set(0);
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nho", "Dung@12345"));
        assertThat(encoder.matches.get()).as("remembered").isZero();

        // the password was changed (on any node): the memory does not vouch for the old one
        LoginAccount changed = new LoginAccount(7, "nho", "Cán bộ", encoder.encode("Moi@123456"), true, null, 0, Set.of(Role.SPECIALIST));
        when(org.loginAccount("nho")).thenReturn(Optional.of(changed));
        assertThat(refusal("nho", "Dung@12345")).isNotNull();

        // deactivated (on any node): refused before the memory is asked
        when(org.loginAccount("nho")).thenReturn(Optional.of(account("nho", false, null)));
        assertThat(refusal("nho", "Dung@12345")).isNotNull();
    }

    @Test
    void successesAreAuditedOncePerCheckNotOncePerRememberedCall() {
        when(org.loginAccount("dung")).thenReturn(Optional.of(account("dung", true, null)));
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("dung", "Dung@12345"));
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("dung", "Dung@12345"));
        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).recordAlone(entries.capture());
        assertThat(entries.getValue().kind()).isEqualTo(StaffAuthenticationProvider.SUCCEEDED);
        assertThat(entries.getValue().subjectId()).isEqualTo("7");
        verify(org, never()).recordFailedLogin(any());
    }
}
