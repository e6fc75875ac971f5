package dev.parley.identity;

import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS. */
final class SessionCookies {

    private SessionCookies() {}

    static NewCookie issue(String token, boolean secure) {
        return build(token, (int) SessionService.LIFETIME.toSeconds(), secure);
    }

    static NewCookie expire(boolean secure) {
        return build("", 0, secure);
    }

    private static NewCookie build(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(SessionService.COOKIE)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
