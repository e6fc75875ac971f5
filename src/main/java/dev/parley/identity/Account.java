package dev.parley.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A local account: the site owner or a moderator. */
@Entity
public class Account extends PanacheEntityBase {

    public static final int MAX_EMAIL = 100;
    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Always stored lower-case, so that sign-in ignores case. */
    @Column(nullable = false, length = MAX_EMAIL)
    public String email;

    @Column(name = "display_name", nullable = false, length = MAX_NAME)
    public String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AccountRole role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Which mail about comments that need a moderator this staff member gets. */
    @Enumerated(EnumType.STRING)
    @Column(name = "mail_alerts", nullable = false, length = 16)
    public MailAlerts mailAlerts = MailAlerts.EACH;

    /** The end of the window the last digest covered (digest mail only). */
    @Column(name = "digest_sent_at")
    public Instant digestSentAt;

    /**
     * When the owner invited this moderator by mail; {@code null} once they chose their password (or for an
     * account added with a password). While set, the stored hash is of a password nobody knows.
     */
    @Column(name = "invited_at")
    public Instant invitedAt;

    public boolean invited() {
        return invitedAt != null;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Account> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }

    public static boolean ownerExists() {
        return count("role", AccountRole.OWNER) > 0;
    }

    public static List<Account> listByRoleThenName() {
        return find("order by role, displayName").list();
    }
}
