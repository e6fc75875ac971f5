package dev.parley.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** An address a reader gave to get mail about threads; nothing but its confirmation goes to it until confirmed. */
@Entity
@Table(name = "mail_address")
public class MailAddress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Trimmed and lower-case. */
    @Column(nullable = false, length = 100)
    public String email;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** Covered by the manage link's signature: a new value makes every earlier manage link stop working. */
    @Column(name = "manage_nonce", nullable = false, length = 64)
    public String manageNonce;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean confirmed() {
        return confirmedAt != null;
    }

    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static Optional<MailAddress> findByEmail(String email) {
        return find("email", normalized(email)).firstResultOptional();
    }
}
