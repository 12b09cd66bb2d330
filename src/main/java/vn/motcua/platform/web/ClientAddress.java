package vn.motcua.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place that says which address a request came from, for the rate
 * limits (and whoever else needs it). Today the connection's peer address;
 * when the application runs behind trusted reverse proxies, this is the
 * method to switch to their {@code X-Forwarded-For} (see LoginThrottle).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The client's address as this node sees it; "unknown" when the container gives none. */
    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
