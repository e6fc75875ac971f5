package dev.parley.provider;

import dev.parley.web.Routes;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.OidcTenantConfigBuilder;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite;
import io.quarkus.oidc.runtime.providers.KnownOidcProviders;
import java.util.List;

/**
 * Turns a login provider into the OIDC tenant Quarkus runs the authorization code flow with. A pure
 * function of its inputs, so every preset's configuration is checked by unit tests (Google, X and the
 * rest cannot be reached from the test machines).
 */
public final class TenantConfigs {

    static final String WORDPRESS_API = "https://public-api.wordpress.com";

    private TenantConfigs() {}

    /** Where the provider sends readers back: one path per provider, so answers cannot be mixed up. */
    public static String callbackPath(long providerId) {
        return Routes.signIn(providerId, "callback");
    }

    /** The tenant id changes with every edit of the provider, so a change applies at the next sign-in. */
    public static String tenantId(long providerId, int version) {
        return "provider-" + providerId + "-v" + version;
    }

    /**
     * The tenant of one provider, as the owner set it up.
     *
     * @param clientSecret the decrypted secret (for Apple: the PEM text of the key that signs the secret JWT)
     * @param flowSecret a deployment-wide secret (32+ characters) that encrypts the state cookie (with the
     *     PKCE verifier) and tokens, shared by all instances
     */
    public static OidcTenantConfig forProvider(LoginProvider provider, String clientSecret, String flowSecret) {
        long id = provider.id;
        ProviderKind kind = provider.kind;
        String issuerUrl = provider.issuerUrl;
        String clientId = provider.clientId;
        String idpHint = provider.idpHint;
        List<String> scopes = provider.scopeList();
        OidcTenantConfigBuilder builder = startFrom(kind, issuerUrl);
        // Scopes add up in the builder: add only those the preset does not ask for already.
        List<String> presetScopes = builder.getAuthentication().scopes().orElse(List.of());
        List<String> addedScopes =
                scopes.stream().filter(s -> !presetScopes.contains(s)).toList();
        builder.tenantId(tenantId(id, provider.version))
                .applicationType(ApplicationType.WEB_APP)
                .clientId(clientId);
        if (kind == ProviderKind.APPLE) {
            // Apple takes no fixed secret: a JWT signed with the team's key (ES256) for every code exchange.
            builder.credentials()
                    .jwt()
                    .key(clientSecret)
                    .tokenKeyId(provider.keyId)
                    .issuer(provider.teamId)
                    .subject(clientId)
                    .end()
                    .end();
        } else if (clientSecret != null && !clientSecret.isBlank()) {
            builder.credentials(clientSecret);
        }
        var authentication = builder.authentication()
                .redirectPath(callbackPath(id))
                .errorPath(Routes.signIn(id, "failed"))
                .restorePathAfterRedirect(true)
                .removeRedirectParameters(true)
                .pkceRequired(kind != ProviderKind.WORDPRESS)
                .stateSecret(flowSecret)
                .cookiePath(Routes.signIn(id, ""))
                // Apple answers with a cross-site form POST, which carries only SameSite=None cookies.
                .cookieSameSite(kind == ProviderKind.APPLE ? CookieSameSite.NONE : CookieSameSite.LAX)
                .stateCookieSameSite(kind == ProviderKind.APPLE ? CookieSameSite.NONE : CookieSameSite.LAX)
                .cookieForceSecure(kind == ProviderKind.APPLE)
                .scopes(addedScopes);
        if (kind.needsIssuer()) {
            authentication.nonceRequired(true);
        }
        if (kind.takesIdentityProviderHint() && idpHint != null && !idpHint.isBlank()) {
            authentication.extraParam("kc_idp_hint", idpHint.strip());
        }
        authentication.end();
        builder.tokenStateManager().encryptionSecret(flowSecret).end();
        // Roles are Parley's own: no claim of the provider's tokens becomes a Quarkus role.
        builder.roles().roleClaimPath("parley_never_a_claim").end();
        if (kind.needsIssuer()) {
            // The ID token must come from the issuer the owner configured, not whatever its discovery claims.
            builder.token().issuer(issuerUrl).end();
        }
        return builder.build();
    }

    private static OidcTenantConfigBuilder startFrom(ProviderKind kind, String issuerUrl) {
        if (kind.needsIssuer()) {
            return OidcTenantConfig.authServerUrl(issuerUrl);
        }
        if (kind == ProviderKind.WORDPRESS) {
            // OAuth2 only: no discovery, no ID token; who signed in comes from /rest/v1/me.
            OidcTenantConfigBuilder wordpress = OidcTenantConfig.authServerUrl(WORDPRESS_API)
                    .discoveryEnabled(false)
                    .authorizationPath("oauth2/authorize")
                    .tokenPath("oauth2/token")
                    .userInfoPath("rest/v1/me");
            wordpress
                    .authentication()
                    .idTokenRequired(false)
                    .userInfoRequired(true)
                    .addOpenidScope(false)
                    .end();
            return wordpress;
        }
        return OidcTenantConfig.builder(KnownOidcProviders.provider(kind.quarkusPreset()));
    }
}
