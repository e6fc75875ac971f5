package dev.parley.identity;

import dev.parley.web.DatabaseFailures;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
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

    /** Routing-context flag: the session could not be checked because the database is unavailable. */
    static final String DATABASE_UNAVAILABLE = "parley.database-unavailable";

    @Inject
    SessionService sessions;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            try {
                return sessions.resolve(request.token())
                        .filter(who -> !request.readerOnly() || who.identityId() != null)
                        .<SecurityIdentity>map(who -> identityOf(who, !request.readerOnly()))
                        .orElseGet(SessionIdentityProvider::anonymous);
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    throw e;
                }
                // The session cannot be checked while the database is away: carry on anonymously, marked so
                // that a protected page answers 503 rather than sending a signed-in person to the sign-in
                // page. Public pages need the database too and answer 503 themselves.
                RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
                if (routing != null) {
                    routing.put(DATABASE_UNAVAILABLE, Boolean.TRUE);
                }
                return anonymous();
            }
        });
    }

    private static SecurityIdentity anonymous() {
        return QuarkusSecurityIdentity.builder().setAnonymous(true).build();
    }

    private static SecurityIdentity identityOf(SignedIn who, boolean withRoles) {
        String principal = who.accountId() != null ? who.email() : "reader-" + who.identityId();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addAttribute(SIGNED_IN, who);
        if (withRoles && who.role() != null) {
            identity.addRoles(who.role().grantedRoles());
        }
        return identity.build();
    }
}
