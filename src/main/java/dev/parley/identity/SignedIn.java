package dev.parley.identity;

/** The account behind a session, as the rest of the application sees it. */
public record SignedIn(long accountId, String email, String displayName, AccountRole role) {}
