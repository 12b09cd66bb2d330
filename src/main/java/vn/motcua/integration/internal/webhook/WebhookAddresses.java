package vn.motcua.integration.internal.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses a subscription may POST to: http or https only, never a
 * link-local address (169.254.0.0/16, fe80::/10: where cloud metadata
 * services answer) nor a metadata host name; loopback and the wildcard address
 * only when {@code motcua.integration.webhooks.allow-loopback} is true; by
 * default it is false when the {@code prod} profile is active and true
 * otherwise (the partners of the tests listen on loopback). Checked when a subscription is made
 * and again, on the resolved address, before every attempt (a name may
 * resolve elsewhere later). Private ranges stay allowed: partners of a
 * provincial network live there.
 */
@Component
public class WebhookAddresses {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal",
            "metadata.azure.com", "instance-data", "instance-data.ec2.internal");

    private final boolean allowLoopback;

    @org.springframework.beans.factory.annotation.Autowired
    public WebhookAddresses(@Value("${motcua.integration.webhooks.allow-loopback:}") String allowLoopback,
                            org.springframework.core.env.Environment env) {
        this(allowLoopback == null || allowLoopback.isBlank()
                ? !env.acceptsProfiles(org.springframework.core.env.Profiles.of("prod"))
                : Boolean.parseBoolean(allowLoopback.trim()));
    }

    public WebhookAddresses(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why the address is refused when written (a message key), or null when it may be used. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "webhook.url.invalid";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "webhook.url.scheme";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getRawUserInfo() != null) {
            return "webhook.url.invalid";
        }
        if (METADATA_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            return "webhook.url.forbidden";
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (literal.matches("[0-9.]+") || literal.contains(":")) {
            try {
                if (!allowed(InetAddress.getByName(literal))) {
                    return "webhook.url.forbidden";
                }
            } catch (UnknownHostException e) {
                return "webhook.url.invalid";
            }
        }
        return null;
    }

    /** Resolves the host now; throws when it resolves to an address that is refused. */
    public void check(URI uri) throws UnknownHostException {
        for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
            if (!allowed(a)) {
                throw new IllegalStateException("address refused: " + a.getHostAddress());
            }
        }
    }

    boolean allowed(InetAddress a) {
        if (a.isLinkLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
            return allowLoopback;
        }
        return true;
    }
}
