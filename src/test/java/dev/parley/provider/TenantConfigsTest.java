package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.OidcTenantConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What Parley sends to each kind of provider. Google, X and the rest are not reachable here: check the configuration. */
class TenantConfigsTest {

    private static final String FLOW_SECRET = "f".repeat(40);

    private static LoginProvider provider(long id, int version, ProviderKind kind, String issuer, String idpHint) {
        LoginProvider provider = new LoginProvider();
        provider.id = id;
        provider.version = version;
        provider.kind = kind;
        provider.issuerUrl = issuer;
        provider.clientId = "client-" + id;
        provider.idpHint = idpHint;
        return provider;
    }

    private static OidcTenantConfig config(ProviderKind kind, String issuer, String idpHint) {
        return TenantConfigs.forProvider(provider(7, 3, kind, issuer, idpHint), "secret-7", FLOW_SECRET);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void everyKindRunsTheCodeFlowWithItsOwnCallbackAndSecrets(ProviderKind kind) {
        OidcTenantConfig config = config(kind, "https://id.example.org/realms/news", null);

        assertEquals(Optional.of("provider-7-v3"), config.tenantId());
        assertEquals(Optional.of("client-7"), config.clientId());
        if (kind != ProviderKind.APPLE) {
            assertEquals(Optional.of("secret-7"), config.credentials().secret());
        }
        assertEquals("WEB_APP", config.applicationType().orElseThrow().name());
        assertEquals(Optional.of("/auth/7/callback"), config.authentication().redirectPath());
        assertEquals(Optional.of("/auth/7"), Optional.of(config.authentication().cookiePath()));
        assertEquals(Optional.of(FLOW_SECRET), config.authentication().stateSecret());
        assertEquals(Optional.of(FLOW_SECRET), config.tokenStateManager().encryptionSecret());
        assertEquals(
                Set.copyOf(kind.defaultScopes()),
                Set.copyOf(config.authentication().scopes().orElseThrow()));
        assertEquals(
                kind != ProviderKind.WORDPRESS,
                config.authentication().pkceRequired().orElse(false));
    }

    @Test
    void keycloakUsesTheRealmAsIssuerAndCanGoStraightToABrokeredProvider() {
        OidcTenantConfig config = config(ProviderKind.KEYCLOAK, "https://kc.example.org/realms/news", "google");
        assertEquals(Optional.of("https://kc.example.org/realms/news"), config.authServerUrl());
        assertTrue(config.discoveryEnabled().orElse(true));
        assertTrue(config.authentication().nonceRequired());
        assertEquals("google", config.authentication().extraParams().get("kc_idp_hint"));
    }

    @Test
    void theHintIsForKeycloakOnly() {
        assertFalse(config(ProviderKind.OIDC, "https://id.example.org", "google")
                .authentication()
                .extraParams()
                .containsKey("kc_idp_hint"));
    }

    @Test
    void googleUsesItsPublishedIssuer() {
        OidcTenantConfig config = config(ProviderKind.GOOGLE, null, null);
        assertEquals(Optional.of("https://accounts.google.com"), config.authServerUrl());
    }

    @Test
    void githubIsOAuth2WithUserInfo() {
        OidcTenantConfig config = config(ProviderKind.GITHUB, null, null);
        assertEquals(Optional.of("https://github.com/login/oauth"), config.authServerUrl());
        assertFalse(config.discoveryEnabled().orElse(true));
        assertFalse(config.authentication().idTokenRequired().orElse(true));
        assertTrue(config.authentication().userInfoRequired().orElse(false));
        assertEquals(Optional.of("https://api.github.com/user"), config.userInfoPath());
    }

    @Test
    void xIsOAuth2WithUserInfoAndPkce() {
        OidcTenantConfig config = config(ProviderKind.X, null, null);
        assertTrue(
                config.authServerUrl().orElseThrow().contains("x.com")
                        || config.authServerUrl().orElseThrow().contains("twitter.com"),
                config.authServerUrl()::toString);
        assertFalse(config.authentication().idTokenRequired().orElse(true));
        assertTrue(config.authentication().userInfoRequired().orElse(false));
        assertTrue(config.authentication().pkceRequired().orElse(false));
    }

    @Test
    void facebookAndMicrosoftAndAppleStartFromTheirPresets() {
        assertTrue(config(ProviderKind.FACEBOOK, null, null)
                .authServerUrl()
                .orElseThrow()
                .contains("facebook.com"));
        assertTrue(config(ProviderKind.MICROSOFT, null, null)
                .authServerUrl()
                .orElseThrow()
                .contains("microsoftonline"));
        assertEquals(
                Optional.of("https://appleid.apple.com/"),
                config(ProviderKind.APPLE, null, null).authServerUrl());
    }

    @Test
    void appleSignsItsClientSecretWithTheTeamsKeyAndTakesItsFormPostAnswer() {
        LoginProvider apple = provider(9, 1, ProviderKind.APPLE, null, null);
        apple.clientId = "org.example.parley";
        apple.teamId = "TEAM123456";
        apple.keyId = "KEY1234567";
        OidcTenantConfig config = TenantConfigs.forProvider(
                apple, "-----BEGIN PRIVATE KEY-----\nMIGTAgEA\n-----END PRIVATE KEY-----", FLOW_SECRET);
        var jwt = config.credentials().jwt();
        assertEquals(Optional.of("TEAM123456"), jwt.issuer());
        assertEquals(Optional.of("KEY1234567"), jwt.tokenKeyId());
        assertEquals(Optional.of("org.example.parley"), jwt.subject());
        assertTrue(jwt.key().orElseThrow().contains("BEGIN PRIVATE KEY"));
        assertEquals(Optional.empty(), config.credentials().secret(), "no fixed secret is sent to Apple");
        assertEquals("NONE", config.authentication().cookieSameSite().name());
        assertTrue(config.authentication().cookieForceSecure());
    }

    @Test
    void wordpressComIsOAuth2AgainstItsPublicApi() {
        OidcTenantConfig config = config(ProviderKind.WORDPRESS, null, null);
        assertEquals(Optional.of("https://public-api.wordpress.com"), config.authServerUrl());
        assertFalse(config.discoveryEnabled().orElse(true));
        assertEquals(Optional.of("oauth2/authorize"), config.authorizationPath());
        assertEquals(Optional.of("oauth2/token"), config.tokenPath());
        assertEquals(Optional.of("rest/v1/me"), config.userInfoPath());
        assertFalse(config.authentication().idTokenRequired().orElse(true));
        assertTrue(config.authentication().userInfoRequired().orElse(false));
        assertFalse(config.authentication().addOpenidScope().orElse(true));
        assertEquals(Optional.of(List.of("auth")), config.authentication().scopes());
    }
}
