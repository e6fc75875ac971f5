package dev.parley.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a session cookie into a security identity. A stale or unknown cookie makes the request
 * anonymous rather than failing it, so that public pages keep working after a session ends.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    static final String ACCOUNT_ID = "parley.account-id";
    static final String DISPLAY_NAME = "parley.display-name";

    @Inject
    SessionService sessions;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resolve(request.token())
                .<SecurityIdentity>map(SessionIdentityProvider::identityOf)
                .orElseGet(() ->
                        QuarkusSecurityIdentity.builder().setAnonymous(true).build()));
    }

    private static SecurityIdentity identityOf(SignedIn account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.email()))
                .addRoles(account.role().grantedRoles())
                .addAttribute(ACCOUNT_ID, account.accountId())
                .addAttribute(DISPLAY_NAME, account.displayName())
                .build();
    }
}
