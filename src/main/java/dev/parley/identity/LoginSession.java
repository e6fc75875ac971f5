package dev.parley.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signed-in browser. The cookie holds a random token; only its keyed hash is stored, so a copy of
 * the database cannot be used to sign in, and deleting the row signs the browser out everywhere.
 */
@Entity
@Table(name = "login_session")
public class LoginSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    /** Set for the owner and moderators. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "account_id")
    public Account account;

    /** Set for readers who signed in with a login provider. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "identity_id")
    public ReaderIdentity identity;

    /** The provider's end-session address (with the ID token hint), when it supports RP-initiated logout. */
    @Column(name = "provider_logout", length = 8000)
    public String providerLogout;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
