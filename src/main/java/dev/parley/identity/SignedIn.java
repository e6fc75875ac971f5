package dev.parley.identity;

/**
 * Who a session belongs to, as the rest of the application sees it: a local account (owner or
 * moderator) or a reader signed in with a login provider.
 *
 * @param accountId set for local accounts
 * @param identityId set for readers signed in with a provider
 * @param role {@code null} for readers
 */
public record SignedIn(
        Long accountId,
        Long identityId,
        String email,
        String displayName,
        AccountRole role,
        Long providerId,
        String providerName,
        String pictureUrl) {

    static SignedIn of(Account account) {
        return new SignedIn(account.id, null, account.email, account.displayName, account.role, null, null, null);
    }

    static SignedIn of(ReaderIdentity reader) {
        return new SignedIn(
                null,
                reader.id,
                reader.email,
                reader.displayName,
                reader.effectiveRole(),
                reader.providerId,
                reader.providerName,
                reader.pictureUrl);
    }
}
