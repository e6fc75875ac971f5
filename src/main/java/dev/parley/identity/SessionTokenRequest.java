package dev.parley.identity;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie presented by a browser, to be checked against the database. */
final class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    SessionTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
