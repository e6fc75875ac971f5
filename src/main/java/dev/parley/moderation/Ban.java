package dev.parley.moderation;

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

/** A person whose comments go to spam without telling them, until the ban expires or is lifted. */
@Entity
@Table(name = "ban")
public class Ban extends PanacheEntityBase {

    static final int MAX_VALUE = 500;
    static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public BanKind kind;

    @Column(name = "ban_value", nullable = false, length = MAX_VALUE)
    public String value;

    @Column(length = MAX_REASON)
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 245)
    public String createdBy;

    /** {@code null}: until lifted. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    boolean isActive(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
