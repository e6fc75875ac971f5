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
import java.util.regex.Pattern;

/**
 * Authenticates browsers by their session cookie (or, on the thread fragment's addresses, by the script tag's
 * reader header) and sends anonymous visitors of protected pages to
 * the sign-in page, remembering where they were going.
 */
@ApplicationScoped
class SessionCookieMechanism implements HttpAuthenticationMechanism {

    /** The signed-in reader's session token as the script tag (embed.js) sends it. */
    static final String READER_HEADER = "X-Parley-Reader";

    /** Where that header counts: the thread fragment and its reply form, nowhere else. */
    private static final Pattern READER_HEADER_PATHS = Pattern.compile("/embed/(thread|comments)");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(SessionService.COOKIE);
        String path = PrefixRouting.pathInside(context);
        // While signing in with a login provider, only the provider's answer says who this is.
        if (Routes.isSignIn(path)) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        SessionTokenRequest request;
        if (cookie != null && !cookie.getValue().isEmpty()) {
            request = new SessionTokenRequest(cookie.getValue(), false);
        } else if (READER_HEADER_PATHS.matcher(path).matches()
                && context.request().getHeader(READER_HEADER) != null) {
            // The script tag's reader (embed.js keeps the session in the host page, where Parley's cookie cannot
            // be): only on the thread's own addresses, so that the token is no credential anywhere else, and as
            // a reader only. A header cannot be sent across sites without CORS, which only registered sites get.
            request = new SessionTokenRequest(context.request().getHeader(READER_HEADER), true);
        } else {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
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
