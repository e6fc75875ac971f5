package dev.parley.provider;

import io.quarkus.oidc.runtime.OidcTenantConfig.Provider;
import java.util.List;

/**
 * What a login provider is. Keycloak and generic OpenID Connect need the issuer's address; the presets
 * know their endpoints (Quarkus's own provider presets, plus WordPress.com, which speaks OAuth2 only).
 */
public enum ProviderKind {
    KEYCLOAK(
            "Keycloak",
            null,
            true,
            List.of("openid", "profile", "email"),
            "In the realm, create a confidential OpenID Connect client with “Standard flow” on, add the callback"
                    + " URL below as a valid redirect URI, your site's address followed by /* as a valid post-logout redirect"
                    + " URI, and copy the client secret from its Credentials tab."
                    + " The issuer is the realm's address, such as https://keycloak.example.org/realms/news."),
    OIDC(
            "OpenID Connect",
            null,
            true,
            List.of("openid", "profile", "email"),
            "Register a web application (authorization code flow) at the provider, with the callback URL below."
                    + " The issuer is the address whose /.well-known/openid-configuration the provider publishes."),
    GOOGLE(
            "Google",
            Provider.GOOGLE,
            false,
            List.of("openid", "profile", "email"),
            "Google Cloud console › APIs & Services › Credentials › Create OAuth client ID › Web application;"
                    + " add the callback URL below under “Authorised redirect URIs”."),
    MICROSOFT(
            "Microsoft",
            Provider.MICROSOFT,
            false,
            List.of("openid", "profile", "email"),
            "Microsoft Entra admin center › App registrations › New registration (accounts in any organisation and"
                    + " personal accounts); add the callback URL below as a Web redirect URI and create a client secret."),
    APPLE(
            "Apple",
            Provider.APPLE,
            false,
            List.of("openid", "email", "name"),
            "Apple Developer › Identifiers › Services IDs: enable Sign in with Apple and add the callback URL below"
                    + " (Apple requires https). Under Keys, create a Sign in with Apple key: its ID goes below, and the"
                    + " contents of the .p8 file go in the client secret field. Parley signs Apple's client secret"
                    + " with it for every sign-in."),
    GITHUB(
            "GitHub",
            Provider.GITHUB,
            false,
            List.of("user:email"),
            "GitHub › Settings › Developer settings › OAuth Apps › New OAuth App; the authorization callback URL"
                    + " is the callback URL below."),
    GITLAB(
            "GitLab",
            null,
            true,
            List.of("openid", "profile", "email"),
            "GitLab › Preferences › Applications › Add new application, with the scopes openid, profile and email"
                    + " and the callback URL below. The issuer is https://gitlab.com, or your own GitLab's address."),
    FACEBOOK(
            "Facebook",
            Provider.FACEBOOK,
            false,
            List.of("email", "public_profile"),
            "Meta for Developers › Create App › Facebook Login › Settings: add the callback URL below under"
                    + " “Valid OAuth Redirect URIs”."),
    X(
            "X (Twitter)",
            Provider.X,
            false,
            List.of("tweet.read", "users.read", "offline.access"),
            "X Developer Portal › Projects & Apps › User authentication settings: type “Web App”, callback URL"
                    + " below. X returns no email address."),
    WORDPRESS(
            "WordPress.com",
            null,
            false,
            List.of("auth"),
            "developer.wordpress.com › My Apps › Create New Application; the redirect URL is the callback URL below.");

    private final String label;
    private final Provider quarkusPreset;
    private final boolean needsIssuer;
    private final List<String> defaultScopes;
    private final String howTo;

    ProviderKind(String label, Provider quarkusPreset, boolean needsIssuer, List<String> defaultScopes, String howTo) {
        this.label = label;
        this.quarkusPreset = quarkusPreset;
        this.needsIssuer = needsIssuer;
        this.defaultScopes = defaultScopes;
        this.howTo = howTo;
    }

    public String label() {
        return label;
    }

    Provider quarkusPreset() {
        return quarkusPreset;
    }

    public boolean needsIssuer() {
        return needsIssuer;
    }

    public List<String> defaultScopes() {
        return defaultScopes;
    }

    public String howTo() {
        return howTo;
    }

    /** Keycloak can send a reader straight to one of its brokered identity providers. */
    public boolean takesIdentityProviderHint() {
        return this == KEYCLOAK;
    }
}
