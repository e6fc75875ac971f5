package dev.parley.provider;

import dev.parley.identity.SessionService;
import io.quarkus.oidc.OidcTenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The owner's login providers, as buttons for readers and as OIDC tenants for Quarkus. */
@ApplicationScoped
public class ProviderService {

    private final SecretBox secrets;
    private final SessionService sessions;
    private final String flowSecret;

    ProviderService(
            @ConfigProperty(name = "parley.secrets-key") String secretsKey,
            @ConfigProperty(name = "parley.session-key") String sessionKey,
            SessionService sessions) {
        this.secrets = new SecretBox(secretsKey);
        this.sessions = sessions;
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
        return Optional.ofNullable(LoginProvider.<LoginProvider>findById(id))
                .filter(p -> p.enabled)
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
    public Optional<OidcTenantConfig> tenantFor(long id) {
        LoginProvider provider = LoginProvider.findById(id);
        if (provider == null || !provider.enabled) {
            return Optional.empty();
        }
        String secret = provider.clientSecret == null ? null : secrets.open(provider.clientSecret);
        return Optional.of(TenantConfigs.forProvider(
                provider.id,
                provider.version,
                provider.kind,
                provider.issuerUrl,
                provider.clientId,
                secret,
                provider.scopeList(),
                provider.idpHint,
                flowSecret));
    }

    /** A provider as the owner describes it. */
    public record ProviderSetup(
            ProviderKind kind,
            String displayName,
            String buttonLabel,
            String issuerUrl,
            String clientId,
            String clientSecret,
            String scopes,
            String idpHint,
            boolean enabled,
            boolean publishDirectly) {}

    /** Adds a provider at the end of the list; its secret is stored encrypted. */
    @Transactional
    public long add(ProviderSetup setup) {
        LoginProvider provider = new LoginProvider();
        provider.kind = setup.kind();
        provider.displayName = setup.displayName();
        provider.buttonLabel = setup.buttonLabel();
        provider.issuerUrl = setup.issuerUrl();
        provider.clientId = setup.clientId();
        provider.clientSecret =
                setup.clientSecret() == null || setup.clientSecret().isBlank()
                        ? null
                        : secrets.seal(setup.clientSecret());
        provider.scopes = setup.scopes();
        provider.idpHint = setup.idpHint();
        provider.enabled = setup.enabled();
        provider.publishDirectly = setup.publishDirectly();
        provider.position = (int) LoginProvider.count();
        provider.updatedAt = Instant.now();
        provider.persist();
        return provider.id;
    }

    /**
     * Turns a provider on or off. Turning it off also ends the sessions of everyone signed in with it: they
     * are guests again at their next request, on every instance.
     */
    @Transactional
    public void setEnabled(long id, boolean enabled) {
        LoginProvider provider = LoginProvider.findById(id);
        if (provider == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        provider.enabled = enabled;
        provider.updatedAt = Instant.now();
        if (!enabled) {
            sessions.endAllOfProvider(id);
        }
    }

    private static ProviderButton buttonOf(LoginProvider p) {
        return new ProviderButton(p.id, p.buttonLabel, p.displayName, p.kind);
    }

    /** A purpose-bound secret derived from a deployment key, so one key never serves two purposes. */
    private static String derive(String key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
