package dev.parley.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A reader as a login provider knows them. Keyed by (issuer, subject) only: two providers that report
 * the same email address are still two people to Parley, so nobody can take over another's comments by
 * registering their address elsewhere.
 */
@Entity
@Table(name = "reader_identity")
public class ReaderIdentity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "provider_id")
    public Long providerId;

    @Column(nullable = false, length = 500)
    public String issuer;

    @Column(nullable = false, length = 255)
    public String subject;

    @Column(name = "display_name", nullable = false, length = 245)
    public String displayName;

    /** Private: shown to moderators only, never published. */
    @Column(length = 100)
    public String email;

    /** The provider vouched for {@link #email} (email_verified): mail to it needs no confirmation first. */
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "picture_url", length = 500)
    public String pictureUrl;

    /** The provider's display name when the reader last signed in ("Google"). */
    @Column(name = "provider_name", nullable = false, length = 100)
    public String providerName;

    /** A role the owner granted this person; {@code null} for readers. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(length = 16)
    public AccountRole role;

    /** Whether the provider's opted-in claim made them a moderator at their last sign-in. */
    @Column(name = "claimed_moderator", nullable = false)
    public boolean claimedModerator;

    /** The role in force: the owner's grant, or moderator by the provider's claim. */
    AccountRole effectiveRole() {
        return role != null ? role : claimedModerator ? AccountRole.MODERATOR : null;
    }

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_sign_in_at", nullable = false)
    public Instant lastSignInAt;

    /** Which mail about comments that need a moderator this person gets while they have a role. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "mail_alerts", nullable = false, length = 16)
    public MailAlerts mailAlerts = MailAlerts.EACH;

    /** The end of the window the last digest covered (digest mail only). */
    @Column(name = "digest_sent_at")
    public Instant digestSentAt;

    static Optional<ReaderIdentity> find(String issuer, String subject) {
        return find("issuer = ?1 and subject = ?2", issuer, subject).firstResultOptional();
    }
}
