package dev.parley.identity;

import dev.parley.web.Cookies;
import jakarta.ws.rs.core.NewCookie;

/** The session cookie, living as long as the session. */
final class SessionCookies {

    private SessionCookies() {}

    static NewCookie issue(String token, boolean secure) {
        // The server decides when a session ends (after two idle weeks); the cookie only has to outlive it.
        return build(token, (int) SessionService.LONGEST.toSeconds(), secure);
    }

    static NewCookie expire(boolean secure) {
        return build("", 0, secure);
    }

    private static NewCookie build(String value, int maxAge, boolean secure) {
        return Cookies.httpOnly(SessionService.COOKIE, value, maxAge, secure);
    }
}
