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

    /** The {@link SignedIn} behind the identity. */
    static final String SIGNED_IN = "parley.signed-in";

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

    private static SecurityIdentity identityOf(SignedIn who) {
        String principal = who.accountId() != null ? who.email() : "reader-" + who.identityId();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addAttribute(SIGNED_IN, who);
        if (who.role() != null) {
            identity.addRoles(who.role().grantedRoles());
        }
        return identity.build();
    }
}
