package dev.parley.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time link handed out in a mail; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "mail_token")
public class MailToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public TokenPurpose purpose;

    /** The comment, account or subscription the link is about. */
    @Column(name = "subject_id")
    public Long subjectId;

    /** What else the link is bound to: the decision ("approve"), or an address. */
    @Column(length = 320)
    public String scope;

    /** The staff member the link was sent to: it acts as them, and only as them. */
    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "identity_id")
    public Long identityId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
