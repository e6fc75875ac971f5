package dev.parley.identity;

import java.time.Duration;

/** The outcome of a sign-in attempt. */
public sealed interface SignInResult {

    record SignedInWith(String sessionToken) implements SignInResult {}

    /** Wrong email or password; which of the two is never said. */
    record Rejected() implements SignInResult {}

    /** Too many failures in a row: the account accepts no password until the wait is over. */
    record Throttled(Duration retryAfter) implements SignInResult {}
}
