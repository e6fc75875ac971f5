package dev.parley.provider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A login provider as the owner set it up. */
@Entity
@Table(name = "login_provider")
public class LoginProvider extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProviderKind kind;

    @Column(name = "display_name", nullable = false, length = 100)
    public String displayName;

    @Column(name = "button_label", nullable = false, length = 100)
    public String buttonLabel;

    /** An https image for the button; {@code null} shows a letter badge. */
    @Column(name = "icon_url", length = 500)
    public String iconUrl;

    @Column(name = "issuer_url", length = 500)
    public String issuerUrl;

    @Column(name = "client_id", nullable = false, length = 300)
    public String clientId;

    /** Encrypted by {@link SecretBox}. */
    @Column(name = "client_secret", length = 1000)
    public String clientSecret;

    /** Space-separated; empty means the kind's defaults. */
    @Column(length = 500)
    public String scopes;

    /** Keycloak only: the alias of a brokered identity provider to go straight to ({@code kc_idp_hint}). */
    @Column(name = "idp_hint", length = 100)
    public String idpHint;

    /** Apple only: the developer team that signs the client-secret JWT. */
    @Column(name = "team_id", length = 100)
    public String teamId;

    /** Apple only: the id of the private key (the key itself is kept, sealed, as the client secret). */
    @Column(name = "key_id", length = 100)
    public String keyId;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false)
    public int position;

    /** Comments by readers signed in here skip the moderation queue. */
    @Column(name = "publish_directly", nullable = false)
    public boolean publishDirectly;

    /** Opt-in: a Keycloak realm role, or a claim that is {@code true}, that makes a reader a moderator. */
    @Column(name = "moderator_claim", length = 200)
    public String moderatorClaim;

    /** Changes with every edit, so that every instance builds a fresh OIDC tenant after a change. */
    @Version
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> scopeList() {
        if (scopes == null || scopes.isBlank()) {
            return kind.defaultScopes();
        }
        return Arrays.stream(scopes.trim().split("[\\s,]+")).toList();
    }

    /**
     * Whether it has what signing in needs. A provider added from the list first has only its kind and name, so
     * that the owner sees its callback URL before the provider gives them a client ID and secret.
     */
    public boolean isSetUp() {
        return clientId != null
                && !clientId.isBlank()
                && clientSecret != null
                && (!kind.needsIssuer() || (issuerUrl != null && !issuerUrl.isBlank()))
                && (kind != ProviderKind.APPLE || (teamId != null && keyId != null));
    }

    public static List<LoginProvider> listEnabledInOrder() {
        return list("enabled = true order by position, id");
    }
}
