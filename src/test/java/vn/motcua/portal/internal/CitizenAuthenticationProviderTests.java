package vn.motcua.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditTrail;
import vn.motcua.support.CountingPasswordEncoder;
import vn.motcua.dossier.ApplicantKind;
import vn.motcua.platform.security.LoginThrottle;
import vn.motcua.portal.CitizenAccount;
import vn.motcua.portal.CitizenAccounts;
import vn.motcua.portal.CitizenPrincipal;

/**
 * Every refusal of a citizen login looks and costs the same: one exception type
 * and message, one BCrypt check (against a dummy hash when there is no password
 * to check), and the real reason only in the audit trail, with the client's
 * address. Counted with a wrapping encoder, not timed.
 */
class CitizenAuthenticationProviderTests {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final String PASSWORD = "MatKhau2026";

    private final CountingPasswordEncoder encoder = new CountingPasswordEncoder();
    private final CitizenAccountStore store = mock(CitizenAccountStore.class);
    private final CitizenAccounts accounts = mock(CitizenAccounts.class);
    private final AuditTrail audit = mock(AuditTrail.class);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(clock);
    private final CitizenAuthenticationProvider provider =
            new CitizenAuthenticationProvider(store, accounts, encoder, throttle, audit, clock);
    private final String hash = encoder.encode(PASSWORD);

    private static CitizenAccount account(long id, String identity, boolean active, Instant frozenAt) {
        return new CitizenAccount(id, ApplicantKind.PERSON, identity, "Nguyễn Văn An", "0912345678", "an@example.vn", null,
                active, true, false, NOW.minusSeconds(3600), null, frozenAt);
    }

    private CitizenAccountStore.Login login(long id, String identity, boolean active, Instant lockedUntil, String hash) {
        return new CitizenAccountStore.Login(account(id, identity, active, null), hash, lockedUntil == null ? 0 : 5, lockedUntil);
    }

    private static Authentication attempt(String identity, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/portal/login");
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(identity, password);
        token.setDetails(new WebAuthenticationDetails((HttpServletRequest) request));
        return token;
    }

    private BadCredentialsException refusal(String identity, String password, String address) {
        return catchThrowableOfType(BadCredentialsException.class, () -> provider.authenticate(attempt(identity, password, address)));
    }

    @Test
    void unknownWrongLockedDisabledFrozenAndPasswordlessAreOneAnswerEachAfterOneBcryptCheck() {
        when(store.login(anyString())).thenReturn(Optional.empty());
        when(store.frozenWith(anyString())).thenReturn(List.of());
        when(store.login("079100000002")).thenReturn(Optional.of(login(2, "079100000002", true, null, hash)));
        when(store.login("079100000003")).thenReturn(Optional.of(login(3, "079100000003", true, NOW.plusSeconds(60), hash)));
        when(store.login("079100000004")).thenReturn(Optional.of(login(4, "079100000004", false, null, hash)));
        when(store.frozenWith("079100000005")).thenReturn(List.of(account(5, "079100000005", false, NOW.minusSeconds(60))));
        // made by VNeID: no password until one is set by a reset
        when(store.login("079100000006")).thenReturn(Optional.of(login(6, "079100000006", true, null, null)));
        encoder.matches.set(0);

        String[][] attempts = {
            {"079100000001", PASSWORD, "203.0.113.1"},
            {"079100000002", "SaiMatKhau1", "203.0.113.2"},
            {"079100000003", PASSWORD, "203.0.113.3"},
            {"079100000004", PASSWORD, "203.0.113.4"},
            {"079100000005", PASSWORD, "203.0.113.5"},
            {"079100000006", PASSWORD, "203.0.113.6"},
        };
        List<String> messages = new ArrayList<>();
        for (String[] a : attempts) {
            int before = encoder.matches.get();
            BadCredentialsException e = refusal(a[0], a[1], a[2]);
            assertThat(e).as(a[0]).isNotNull();
            assertThat(encoder.matches.get() - before).as("BCrypt checks for " + a[0]).isEqualTo(1);
            messages.add(e.getMessage());
        }
        assertThat(messages).containsOnly("bad credentials");

        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit, times(attempts.length)).recordAlone(entries.capture());
        List<AuditEntry> all = entries.getAllValues();
        assertThat(all).extracting(AuditEntry::kind).containsOnly("citizen.login.failed");
        assertThat(all).extracting(AuditEntry::reason)
                .containsExactly("UNKNOWN", "BAD_PASSWORD", "LOCKED", "DISABLED", "FROZEN", "BAD_PASSWORD");
        for (int i = 0; i < attempts.length; i++) {
            assertThat(all.get(i).actor()).isEqualTo("citizen:" + attempts[i][0]);
            assertThat(all.get(i).address()).isEqualTo(attempts[i][2]);
        }
        assertThat(all.get(0).subjectId()).as("no account to name").isNull();
        assertThat(all.get(2).subjectType()).isEqualTo("citizen");
        assertThat(all.get(2).subjectId()).isEqualTo("079100000003");
        // the password of a locked or disabled account is not checked against its hash, nor does it count
        verify(accounts).recordFailedLogin(2);
        verify(accounts).recordFailedLogin(6);
        verify(accounts, never()).recordFailedLogin(3);
        verify(accounts, never()).recordFailedLogin(4);
    }

    @Test
    void aSuccessIsAuditedWithTheAddressAndAThrottledAddressIsRefusedAndAuditedWithoutAnyCheck() {
        when(store.login("079100000010")).thenReturn(Optional.of(login(10, "079100000010", true, null, hash)));
        Authentication ok = provider.authenticate(attempt("0791 0000 0010", PASSWORD, "203.0.113.10"));
        assertThat(ok.getPrincipal()).isInstanceOfSatisfying(CitizenPrincipal.class,
                p -> assertThat(p.identityNumber()).isEqualTo("079100000010"));
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).recordAlone(entry.capture());
        assertThat(entry.getValue().kind()).isEqualTo("citizen.login.succeeded");
        assertThat(entry.getValue().actor()).isEqualTo("citizen:079100000010");
        assertThat(entry.getValue().subjectId()).isEqualTo("079100000010");
        assertThat(entry.getValue().address()).isEqualTo("203.0.113.10");
        verify(accounts, never()).recordFailedLogin(anyLong());

        // failures of any kind from one address count towards its throttle, locked and disabled included
        when(store.login("079100000011")).thenReturn(Optional.of(login(11, "079100000011", false, null, hash)));
        for (int i = 0; i < 20; i++) {
            assertThat(refusal("079100000011", PASSWORD, "203.0.113.11")).isNotNull();
        }
        assertThat(throttle.blocked("203.0.113.11")).isTrue();
        encoder.matches.set(0);
        assertThat(refusal("079100000010", PASSWORD, "203.0.113.11")).hasMessage("bad credentials");
        assertThat(encoder.matches.get()).as("a throttled address gets no BCrypt time").isZero();
        ArgumentCaptor<AuditEntry> all = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit, times(22)).recordAlone(all.capture());
        AuditEntry last = all.getAllValues().get(21);
        assertThat(last.reason()).isEqualTo("THROTTLED");
        assertThat(last.address()).isEqualTo("203.0.113.11");
    }
}
