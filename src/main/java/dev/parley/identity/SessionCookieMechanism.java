package dev.parley.identity;

import dev.parley.web.DatabaseFailures;
import dev.parley.web.PrefixRouting;
import dev.parley.web.Routes;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Authenticates browsers by their session cookie and sends anonymous visitors of protected pages to
 * the sign-in page, remembering where they were going.
 */
@ApplicationScoped
class SessionCookieMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionService.COOKIE);
        // While signing in with a login provider, only the provider's answer says who this is.
        if (cookie == null || cookie.getValue().isEmpty() || Routes.isSignIn(PrefixRouting.pathInside(context))) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        SessionTokenRequest request = new SessionTokenRequest(cookie.getValue());
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (Boolean.TRUE.equals(context.get(SessionIdentityProvider.DATABASE_UNAVAILABLE))) {
            // Not a reason to sign in again: the session could not be checked. Try again shortly.
            return Uni.createFrom()
                    .item(new ChallengeData(
                            503, HttpHeaderNames.RETRY_AFTER, String.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS)));
        }
        if (Routes.isSignIn(PrefixRouting.pathInside(context))) {
            // Signing in with a login provider: the provider's code flow answers the challenge.
            return Uni.createFrom().nullItem();
        }
        String location = Routes.login();
        if (context.request().method() == HttpMethod.GET) {
            // The request's path here is the one inside Parley; the browser comes back through the prefix.
            location +=
                    "?next=" + URLEncoder.encode(Routes.link(context.request().uri()), StandardCharsets.UTF_8);
        }
        return Uni.createFrom().item(new ChallengeData(303, HttpHeaderNames.LOCATION, location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionService.COOKIE));
    }
}
