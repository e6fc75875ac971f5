package dev.parley.subscription;

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

/** One thing a reader's address gets mail about; it waits while the address is not confirmed. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "address_id", nullable = false)
    public Long addressId;

    @Column(name = "article_id", nullable = false)
    public Long articleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public SubscriptionKind kind;

    /** For {@link SubscriptionKind#APPROVAL}: the held comment. */
    @Column(name = "comment_id")
    public Long commentId;

    /** The signed-in reader who asked, if any: they are never mailed about their own comments. */
    @Column(name = "identity_id")
    public Long identityId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
