package dev.parley.provider;

import dev.parley.identity.ReaderService;
import dev.parley.identity.ReaderService.ProviderProfile;
import dev.parley.identity.SessionService;
import dev.parley.web.Cookies;
import dev.parley.web.HostPages;
import dev.parley.web.Routes;
import dev.parley.web.SafeRedirect;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.oidc.UserInfo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Signing in with a login provider, from the reply form and back to it:
 *
 * <ol>
 *   <li>{@code POST /auth/{id}/start}: a sign-in button of the reply form sends the form here; what the
 *       reader typed is kept as a draft and where they were is remembered;
 *   <li>{@code GET /auth/{id}/login}: starts the provider's authorization code flow (PKCE, state, nonce);
 *       the provider answers at {@code /auth/{id}/callback}, then Quarkus comes back here with the person;
 *   <li>Parley records the reader, starts its own session, drops the provider's tokens and returns to the
 *       article, where the draft waits in the form.
 * </ol>
 */
@Path("/auth/{id}")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    static final String RETURN_COOKIE = "parley_signin_return";
    /** Set by the owner's "Test" button: the sign-in reports what came back and signs nobody in. */
    static final String TEST_COOKIE = "parley_provider_test";
    /**
     * The nonce of a sign-in started from the script tag's thread (embed.js sends it as {@link #SCRIPT_FIELD}):
     * the sign-in then ends with a one-time code for the page's script instead of Parley's session cookie.
     */
    static final String SCRIPT_COOKIE = "parley_signin_script";

    static final String SCRIPT_FIELD = "parley_signin";
    /** The fragment of the host page's address that carries the code to embed.js. */
    public static final String SCRIPT_FRAGMENT = "parley-signin=";

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    @CheckedTemplate(basePath = "provider")
    static class Templates {
        static native TemplateInstance failed(String provider, String back, String reason, String error);

        static native TemplateInstance tested(String provider, ProviderProfile profile, String back);
    }

    @Inject
    ProviderService providers;

    @Inject
    Drafts drafts;

    @Inject
    HostPages hostPages;

    @Inject
    ReaderService readers;

    @Inject
    SessionService sessions;

    @Inject
    ScriptSignIns scriptSignIns;

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession oidcSession;

    @POST
    @Path("start")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(
            @RestPath long id,
            @RestForm String slug,
            @RestForm String comment,
            @RestForm("comment_parent") String parent,
            @RestForm String page,
            @RestForm(SCRIPT_FIELD) String scriptNonce,
            @Context UriInfo uri) {
        providers.enabled(id).orElseThrow(NotFoundException::new);
        boolean secure = Cookies.secure(uri);
        List<NewCookie> cookies = new ArrayList<>();
        String back = Routes.home();
        boolean fromScript = false;
        if (slug != null && SLUG.matcher(slug).matches()) {
            Long parentId = parent != null && parent.matches("[1-9]\\d{0,17}") ? Long.valueOf(parent) : null;
            back = (parentId == null ? Routes.article(slug) : Routes.replyTo(slug, parentId)).replace("#respond", "")
                    + "#respond";
            if (comment != null && !comment.isBlank()) {
                cookies.add(drafts.keep(slug, parentId, comment, secure));
            }
            // From the thread inside another site's page: back to that page, where the draft waits in the form.
            Optional<String> hostPage = page == null ? Optional.empty() : hostPages.knownPage(page);
            if (hostPage.isPresent()) {
                back = hostPage.get() + "#respond";
            }
            fromScript = hostPage.isPresent()
                    && scriptNonce != null
                    && ScriptSignIns.TOKEN_SHAPE.matcher(scriptNonce).matches();
            if (fromScript && (comment == null || comment.isBlank())) {
                // The script is handed the draft of this browser: not one left from another page's sign-in.
                cookies.add(Cookies.httpOnly(Drafts.COOKIE, "", 0, secure));
            }
        }
        cookies.add(Cookies.httpOnly(RETURN_COOKIE, back, 30 * 60, secure));
        // Set or cleared: an earlier sign-in from a script tag must not turn this one into a hand-over.
        cookies.add(Cookies.httpOnly(SCRIPT_COOKIE, fromScript ? scriptNonce : "", fromScript ? 30 * 60 : 0, secure));
        return Response.seeOther(URI.create(Routes.signIn(id, "login")))
                .cookie(cookies.toArray(NewCookie[]::new))
                .build();
    }

    @GET
    @Path("login")
    @PermitAll
    public Response login(
            @RestPath long id,
            @CookieParam(RETURN_COOKIE) String back,
            @CookieParam(TEST_COOKIE) String test,
            @CookieParam(SessionService.COOKIE) String currentSession,
            @CookieParam(SCRIPT_COOKIE) String scriptNonce,
            @CookieParam(Drafts.COOKIE) String draftToken,
            @Context UriInfo uri) {
        boolean testing = providers.isTestTicket(test, id);
        ProviderButton provider = providers.usable(id, testing).orElseThrow(NotFoundException::new);
        if (back == null && !testing) {
            // Sign-ins start from a form of Parley's (POST /start, with its CSRF token) or the owner's Test
            // button: a link from elsewhere cannot sign a visitor in with an account of the link-maker's choosing.
            return Response.seeOther(URI.create(Routes.home())).build();
        }
        if (identity.getCredential(AccessTokenCredential.class) == null) {
            // Not back from the provider yet: the code flow's challenge sends the reader there.
            throw new UnauthorizedException();
        }
        ProviderProfile profile = profileFrom(provider);
        String providerLogout = providerLogout();
        // Parley keeps its own session; the provider's tokens are not needed any more.
        oidcSession.logout().await().indefinitely();
        boolean secure = Cookies.secure(uri);
        if (testing) {
            return Response.ok(Templates.tested(provider.displayName(), profile, Routes.provider(id)))
                    .cookie(Cookies.httpOnly(TEST_COOKIE, "", 0, secure))
                    .build();
        }
        if (profile.subject() == null || profile.subject().isBlank()) {
            return Response.seeOther(
                            URI.create(Routes.signIn(id, "failed") + "?error=" + SignInProblem.NO_SUBJECT_CODE))
                    .build();
        }
        // A new sign-in replaces whatever session this browser had, which ends on the server too.
        sessions.end(currentSession);
        String target = SafeRedirect.localOrHostPage(back, Routes.home(), hostPages);
        if (scriptNonce != null
                && ScriptSignIns.TOKEN_SHAPE.matcher(scriptNonce).matches()
                && SafeRedirect.localPathOr(target, null) == null) {
            return handOverToScript(profile, providerLogout, target, scriptNonce, draftToken, secure);
        }
        String token = readers.signedIn(profile, providerLogout);
        return Response.seeOther(URI.create(target))
                .cookie(
                        Cookies.httpOnly(
                                SessionService.COOKIE, token, (int) SessionService.LONGEST.toSeconds(), secure),
                        Cookies.httpOnly(RETURN_COOKIE, "", 0, secure))
                .build();
    }

    /**
     * Back to the host page of a script tag, with a one-time code in the fragment (never sent to any server) that
     * the page's script exchanges for the reader's session. No session cookie: the reader is signed in in that
     * page only, and "Log Out" there ends it; the draft goes to the script with the session.
     */
    private Response handOverToScript(
            ProviderProfile profile,
            String providerLogout,
            String hostPage,
            String nonce,
            String draftToken,
            boolean secure) {
        String page = hostPage.replaceFirst("#.*$", "");
        URI address = URI.create(page);
        String origin = address.getScheme() + "://" + address.getRawAuthority();
        String code = scriptSignIns.issue(readers.recorded(profile), origin, nonce, draftToken, providerLogout);
        return Response.seeOther(URI.create(page + "#" + SCRIPT_FRAGMENT + code))
                .cookie(
                        Cookies.httpOnly(RETURN_COOKIE, "", 0, secure),
                        Cookies.httpOnly(SCRIPT_COOKIE, "", 0, secure),
                        Cookies.httpOnly(Drafts.COOKIE, "", 0, secure))
                .build();
    }

    /**
     * A genuine answer from the provider is taken by the code flow before this runs. Reaching it means the
     * answer did not belong to a sign-in this browser started (forged, replayed, or from another browser).
     */
    @GET
    @Path("callback")
    @PermitAll
    public Response callback(@RestPath long id, @CookieParam(TEST_COOKIE) String test) {
        providers.usable(id, providers.isTestTicket(test, id)).orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create(Routes.signIn(id, "failed") + "?error=" + SignInProblem.INVALID_STATE_CODE))
                .build();
    }

    /** The provider refused or failed (denied consent, wrong secret, provider down). */
    @GET
    @Path("failed")
    @PermitAll
    public Response failed(
            @RestPath long id,
            @CookieParam(RETURN_COOKIE) String back,
            @CookieParam(TEST_COOKIE) String test,
            @RestQuery String error,
            @Context UriInfo uri) {
        boolean testing = providers.isTestTicket(test, id);
        String name =
                providers.usable(id, testing).map(ProviderButton::displayName).orElseThrow(NotFoundException::new);
        String target = testing ? Routes.provider(id) : SafeRedirect.localOrHostPage(back, Routes.home(), hostPages);
        // The reader reads what happened in words; the code (only a well-formed one: the query string is anyone's
        // to write) is a detail shown to the site owner testing the provider. The provider's error_description
        // is never shown: it is free text from whoever wrote the link.
        String code = error != null && error.matches("[a-z_]{1,40}") ? error : null;
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(Templates.failed(name, target, SignInProblem.of(code).explain(name), testing ? code : null))
                .cookie(Cookies.httpOnly(TEST_COOKIE, "", 0, Cookies.secure(uri)))
                .build();
    }

    /**
     * Where "Log Out" sends the reader to end the provider's session too (RP-initiated logout), when the
     * provider publishes an end-session endpoint and gave an ID token to name the session with.
     */
    private String providerLogout() {
        OidcConfigurationMetadata metadata = identity.getAttribute("configuration-metadata");
        IdTokenCredential idToken = identity.getCredential(IdTokenCredential.class);
        if (metadata == null || metadata.getEndSessionUri() == null || idToken == null || idToken.isInternal()) {
            return null;
        }
        String address =
                metadata.getEndSessionUri() + (metadata.getEndSessionUri().contains("?") ? "&" : "?") + "id_token_hint="
                        + URLEncoder.encode(idToken.getToken(), StandardCharsets.UTF_8);
        return address.length() > 8000 ? null : address;
    }

    private ProviderProfile profileFrom(ProviderButton provider) {
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        UserInfo info = identity.getAttribute("userinfo");
        // Keyed by the issuer the owner configured (which the ID token was checked against), never by a claim.
        String issuer = provider.identityIssuer();
        String subject = first(claim(token, "sub"), info, "sub", "id", "ID");
        String name = first(claim(token, "name"), info, "name", "display_name", "username", "login");
        if (name == null) {
            name = first(claim(token, "preferred_username"), info, "preferred_username");
        }
        String email = first(claim(token, "email"), info, "email");
        String picture = first(claim(token, "picture"), info, "picture", "avatar_url", "avatar_URL");
        return new ProviderProfile(
                provider.id(),
                provider.displayName(),
                issuer,
                subject,
                name == null || name.isBlank() ? provider.displayName() + " user" : name,
                email,
                picture,
                claimsModerator(provider, token),
                vouchesFor(token, info));
    }

    /**
     * Whether the provider says it verified the address (OpenID Connect's {@code email_verified}, true as a
     * boolean or, from some providers' user info, as the string "true"). Absent means not verified.
     */
    private static boolean vouchesFor(JsonWebToken token, UserInfo info) {
        Object claim = token == null ? null : token.getClaim("email_verified");
        if (claim == null && info != null) {
            claim = info.getJsonObject().get("email_verified");
        }
        if (claim instanceof jakarta.json.JsonValue json) {
            return json == jakarta.json.JsonValue.TRUE
                    || json.getValueType() == jakarta.json.JsonValue.ValueType.STRING
                            && "true".equalsIgnoreCase(((jakarta.json.JsonString) json).getString());
        }
        return Boolean.TRUE.equals(claim) || claim != null && "true".equalsIgnoreCase(claim.toString());
    }

    /**
     * Roles are Parley's own: a provider's claims grant none, unless the owner named one for this provider
     * (a Keycloak realm role, or a claim that is {@code true}) to mark its staff as moderators. Keycloak puts
     * realm roles in the access token by default, so both tokens are consulted; the access token came to us
     * directly from the provider's token endpoint.
     */
    private boolean claimsModerator(ProviderButton provider, JsonWebToken idToken) {
        String wanted = provider.moderatorClaim();
        if (wanted == null || wanted.isBlank()) {
            return false;
        }
        List<JsonObject> claimSets = new ArrayList<>();
        if (idToken != null) {
            claimSets.add(Json.createObjectBuilder(idToken.getClaimNames().stream()
                            .filter(n -> idToken.getClaim(n) instanceof JsonValue)
                            .collect(java.util.stream.Collectors.toMap(n -> n, n -> (JsonValue) idToken.getClaim(n))))
                    .build());
        }
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        if (access != null && access.getToken() != null && access.getToken().split("\\.").length == 3) {
            try {
                byte[] payload = Base64.getUrlDecoder().decode(access.getToken().split("\\.")[1]);
                claimSets.add(Json.createReader(new java.io.ByteArrayInputStream(payload))
                        .readObject());
            } catch (RuntimeException notAJwt) {
                // An opaque access token carries no claims.
            }
        }
        return claimSets.stream()
                .anyMatch(claims -> hasRealmRole(claims, wanted) || JsonValue.TRUE.equals(claims.get(wanted)));
    }

    private static boolean hasRealmRole(JsonObject claims, String role) {
        if (claims.get("realm_access") instanceof JsonObject access && access.get("roles") instanceof JsonArray roles) {
            return roles.stream()
                    .anyMatch(r ->
                            r instanceof JsonString name && name.getString().equals(role));
        }
        return false;
    }

    private static String claim(JsonWebToken token, String name) {
        if (token == null) {
            return null;
        }
        Object value = token.getClaim(name);
        return value == null ? null : value.toString();
    }

    private static String first(String fromToken, UserInfo info, String... names) {
        if (fromToken != null && !fromToken.isBlank()) {
            return fromToken;
        }
        if (info == null) {
            return null;
        }
        // X answers {"data": {"id": ..., "name": ...}}.
        if (info.getJsonObject().get("data") instanceof jakarta.json.JsonObject data) {
            info = new UserInfo(data.toString());
        }
        for (String name : names) {
            Object value = info.get(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }
}
