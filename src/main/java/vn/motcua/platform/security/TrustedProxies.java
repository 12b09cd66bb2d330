package vn.motcua.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed, as a list of
 * CIDR blocks or single addresses ({@code 10.0.0.0/8}, {@code 192.0.2.7},
 * {@code ::1/128}). Nothing is trusted unless configured, not even loopback: a
 * header a client made up must never pick the address the login throttle and
 * the audit trail see.
 *
 * <p>The client of a request is found by walking {@code X-Forwarded-For} from
 * the right (the hop nearest to us) to the left: as long as the address at hand
 * is a trusted proxy, the next one to the left is what that proxy saw. The first
 * address that is not a trusted proxy is the client. Entries that are not IP
 * literals stop the walk (the last good address is kept); host names are never
 * looked up.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;
    private final String description;

    private TrustedProxies(List<Block> blocks, String description) {
        this.blocks = List.copyOf(blocks);
        this.description = description;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), "");
    }

    /**
     * Parses a comma- or space-separated list of CIDR blocks or addresses.
     *
     * @throws IllegalArgumentException for an entry that is not one (so a typo stops the start-up)
     */
    public static TrustedProxies parse(String spec) {
        List<Block> blocks = new ArrayList<>();
        if (spec != null) {
            for (String entry : spec.split("[,\\s]+")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] parts = entry.trim().split("/", -1);
                byte[] address = literal(parts[0]);
                if (address == null || parts.length > 2) {
                    throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
                }
                int max = address.length * 8;
                int prefix = max;
                if (parts.length == 2) {
                    try {
                        prefix = Integer.parseInt(parts[1]);
                    } catch (NumberFormatException e) {
                        prefix = -1;
                    }
                    if (prefix < 0 || prefix > max) {
                        throw new IllegalArgumentException("bad prefix length in " + entry);
                    }
                }
                blocks.add(new Block(address, prefix));
            }
        }
        return new TrustedProxies(blocks, spec == null ? "" : spec.trim());
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusts(String address) {
        byte[] a = literal(address);
        return a != null && blocks.stream().anyMatch(b -> b.contains(a));
    }

    /**
     * The client's address: the peer's own unless the peer is a trusted proxy, else the
     * nearest address of {@code X-Forwarded-For} (all its headers, in order) that is not one.
     */
    public String clientOf(String peer, Enumeration<String> forwardedFor) {
        if (blocks.isEmpty() || !trusts(peer) || forwardedFor == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        while (forwardedFor.hasMoreElements()) {
            for (String h : forwardedFor.nextElement().split(",")) {
                if (!h.isBlank()) {
                    hops.add(h.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalise(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    /** An IP literal as written in a header (IPv6 possibly in brackets, IPv4 possibly with a port); null if none. */
    static String normalise(String hop) {
        String h = hop;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return null;
            }
            h = h.substring(1, end);
        } else if (h.indexOf(':') > 0 && h.indexOf(':') == h.lastIndexOf(':') && IPV4.matcher(h.substring(0, h.indexOf(':'))).matches()) {
            h = h.substring(0, h.indexOf(':'));
        }
        return literal(h) == null ? null : h;
    }

    /** The bytes of an IPv4 or IPv6 literal; null for anything else (no name is ever resolved). */
    static byte[] literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 45) {
            return null;
        }
        boolean v4 = IPV4.matcher(s).matches();
        if (!v4 && !IPV6.matcher(s).matches()) {
            return null;
        }
        if (v4) {
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            // a literal: InetAddress parses it without any lookup
            return InetAddress.getByName(v4 ? s : "[" + s + "]").getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return description.isEmpty() ? "(none)" : description;
    }
}
