package dev.parley.provider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A sign-in from the script tag's thread, waiting for the host page's script to fetch its session: keyed by the
 * hash of the one-time code that travels in the page address's fragment.
 */
@Entity
@Table(name = "script_signin")
public class ScriptSignIn extends PanacheEntityBase {

    @Id
    @Column(name = "code_hash", length = 64)
    public String codeHash;

    @Column(name = "identity_id", nullable = false)
    public Long identityId;

    @Column(nullable = false, length = 300)
    public String origin;

    @Column(name = "nonce_hash", nullable = false, length = 64)
    public String nonceHash;

    @Column(name = "draft_hash", length = 64)
    public String draftHash;

    @Column(name = "provider_logout", length = 8000)
    public String providerLogout;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
