package vn.motcua.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is walked from the right, believed only from trusted proxies. */
class TrustedProxiesTests {

    private static String client(TrustedProxies p, String peer, String... headers) {
        return p.clientOf(peer, Collections.enumeration(List.of(headers)));
    }

    @Test
    void nothingIsTrustedByDefaultNotEvenLoopback() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(client(none, "127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
        assertThat(client(TrustedProxies.none(), "::1", "203.0.113.9")).isEqualTo("::1");
    }

    @Test
    void theNearestUntrustedHopIsTheClient() {
        TrustedProxies p = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7");
        // nginx (10.0.0.5) behind a load balancer (192.0.2.7): the client is what nginx saw
        assertThat(client(p, "192.0.2.7", "198.51.100.20, 10.0.0.5")).isEqualTo("198.51.100.20");
        // whatever the client wrote itself, left of its own address, is ignored
        assertThat(client(p, "10.0.0.5", "1.2.3.4, 6.6.6.6, 198.51.100.20")).isEqualTo("198.51.100.20");
        // several headers count as one list, in order
        assertThat(client(p, "10.0.0.5", "1.2.3.4", "198.51.100.21")).isEqualTo("198.51.100.21");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSends() {
        TrustedProxies p = TrustedProxies.parse("10.0.0.0/8");
        assertThat(client(p, "203.0.113.5", "10.0.0.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void allHopsTrustedGivesTheLeftmostAndGarbageStopsTheWalk() {
        TrustedProxies p = TrustedProxies.parse("10.0.0.0/8");
        assertThat(client(p, "10.0.0.5", "10.1.1.1, 10.2.2.2")).isEqualTo("10.1.1.1");
        assertThat(client(p, "10.0.0.5", "evil.example, 10.2.2.2")).isEqualTo("10.2.2.2");
        assertThat(client(p, "10.0.0.5", "unknown")).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6BlocksPortsAndBrackets() {
        TrustedProxies p = TrustedProxies.parse("::1/128 fd00::/8 127.0.0.1/32");
        assertThat(p.trusts("::1")).isTrue();
        assertThat(p.trusts("fd12:3456::1")).isTrue();
        assertThat(p.trusts("fe80::1")).isFalse();
        assertThat(client(p, "::1", "[2001:db8::5]:4711")).isEqualTo("2001:db8::5");
        assertThat(client(p, "127.0.0.1", "198.51.100.7:5555")).isEqualTo("198.51.100.7");
    }

    @Test
    void prefixesCutInsideAByte() {
        TrustedProxies p = TrustedProxies.parse("172.16.0.0/12");
        assertThat(p.trusts("172.31.255.255")).isTrue();
        assertThat(p.trusts("172.32.0.1")).isFalse();
        assertThat(p.trusts("172.15.0.1")).isFalse();
    }

    @Test
    void aTypoStopsTheStartAndNamesAreNeverResolved() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.local")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("300.1.1.1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrustedProxies.literal("localhost")).isNull();
    }
}
