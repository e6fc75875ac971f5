package dev.parley.provider;

import dev.parley.web.Hmac;
import io.quarkus.oidc.OidcTenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The owner's login providers, as buttons for readers and as OIDC tenants for Quarkus. */
@ApplicationScoped
public class ProviderService {

    private final SecretBox secrets;
    private final String flowSecret;

    ProviderService(
            @ConfigProperty(name = "parley.secrets-key") String secretsKey,
            @ConfigProperty(name = "parley.session-key") String sessionKey) {
        this.secrets = new SecretBox(secretsKey);
        this.flowSecret = derive(sessionKey, "oidc-flow");
    }

    @Transactional
    public List<ProviderButton> buttons() {
        return LoginProvider.listEnabledInOrder().stream()
                .map(ProviderService::buttonOf)
                .toList();
    }

    @Transactional
    public Optional<ProviderButton> enabled(long id) {
        return usable(id, false);
    }

    /**
     * A provider that may be used for signing in: enabled ones, and, while the owner tests it, a disabled one
     * too (a test never signs anyone in, it only reports what the provider answered).
     */
    @Transactional
    public Optional<ProviderButton> usable(long id, boolean testing) {
        return Optional.ofNullable(LoginProvider.<LoginProvider>findById(id))
                .filter(p -> p.enabled || testing)
                .map(ProviderService::buttonOf);
    }

    /** Whether comments by readers signed in with this provider skip the moderation queue. */
    @Transactional
    public boolean publishesDirectly(long providerId) {
        LoginProvider provider = LoginProvider.findById(providerId);
        return provider != null && provider.enabled && provider.publishDirectly;
    }

    /** The OIDC tenant of an enabled provider; empty for unknown or disabled ones. */
    @Transactional
    public Optional<OidcTenantConfig> tenantFor(long id, boolean testing) {
        LoginProvider provider = LoginProvider.findById(id);
        if (provider == null || !(provider.enabled || testing)) {
            return Optional.empty();
        }
        String secret = provider.clientSecret == null ? null : secrets.open(provider.clientSecret);
        return Optional.of(TenantConfigs.forProvider(provider, secret, flowSecret));
    }

    /**
     * A ticket for the owner's "Test" sign-in: the provider's id and an expiry, signed, so that nobody can
     * forge one to use a switched-off provider.
     */
    public String testTicket(long id) {
        String payload = id + "." + (java.time.Instant.now().getEpochSecond() + TEST_SECONDS);
        return payload + "." + derive(flowSecret, "test:" + payload);
    }

    public boolean isTestTicket(String ticket, long id) {
        if (ticket == null) {
            return false;
        }
        String[] parts = ticket.split("\\.");
        if (parts.length != 3 || !parts[0].equals(String.valueOf(id)) || !parts[1].matches("\\d{1,12}")) {
            return false;
        }
        boolean fresh = Long.parseLong(parts[1]) > java.time.Instant.now().getEpochSecond();
        return fresh && Hmac.matches(flowSecret, "test:" + parts[0] + "." + parts[1], parts[2]);
    }

    static final int TEST_SECONDS = 10 * 60;

    /** Seals a client secret for storage. */
    String seal(String clientSecret) {
        return secrets.seal(clientSecret);
    }

    private static ProviderButton buttonOf(LoginProvider p) {
        return new ProviderButton(
                p.id, p.buttonLabel, p.displayName, p.kind, p.iconUrl, p.moderatorClaim, identityIssuer(p));
    }

    /**
     * The issuer readers are keyed under: the configured issuer (which the ID token must match), or one fixed
     * name per preset. Never the provider's own claim, so one provider cannot pose as another.
     */
    static String identityIssuer(LoginProvider p) {
        return p.kind.needsIssuer()
                ? p.issuerUrl
                : "urn:parley:" + p.kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A purpose-bound secret derived from a deployment key, so one key never serves two purposes. */
    private static String derive(String key, String purpose) {
        return Hmac.sign(key, purpose);
    }
}
