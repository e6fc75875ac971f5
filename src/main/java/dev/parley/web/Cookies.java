package dev.parley.web;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

/** How Parley writes cookies: all of them HttpOnly, SameSite=Lax, site-wide, Secure over HTTPS. */
public final class Cookies {

    private Cookies() {}

    /** Cookies are marked Secure whenever the reader reached us over HTTPS (directly or via a proxy). */
    public static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }

    public static boolean secure(io.vertx.ext.web.RoutingContext routing) {
        return "https".equalsIgnoreCase(routing.request().scheme());
    }

    /**
     * A cookie scripts cannot read.
     *
     * @param maxAgeSeconds 0 tells the browser to forget the cookie
     */
    public static NewCookie httpOnly(String name, String value, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
