package dev.parley.web;

import jakarta.ws.rs.core.UriInfo;

/** Decisions about cookies shared by every feature. */
public final class Cookies {

    private Cookies() {}

    /** Cookies are marked Secure whenever the reader reached us over HTTPS (directly or via a proxy). */
    public static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
