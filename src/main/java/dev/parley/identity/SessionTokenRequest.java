package dev.parley.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session token presented by a browser (its cookie, or embed.js's header), to be checked against the database. */
final class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;
    private final boolean readerOnly;

    /**
     * @param readerOnly the token came in the script tag's header: it counts only for a reader who signed in with a
     *     login provider, and gives no role (no staff session can travel that way)
     */
    SessionTokenRequest(String token, boolean readerOnly) {
        this.token = token;
        this.readerOnly = readerOnly;
    }

    String token() {
        return token;
    }

    boolean readerOnly() {
        return readerOnly;
    }
}
