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
     * <p>The path is "/" also when Parley runs under a path prefix (PARLEY_PATH_PREFIX), on purpose: when the
     * host site's server includes a thread into its page (nginx SSI, Varnish ESI), the include is a sub-request
     * of the page's own request, whose cookies are those the browser sends with the page's address. A cookie
     * limited to the prefix would never reach it, and the reader would not see their own pending comment or
     * stay signed in inside the host page.
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
