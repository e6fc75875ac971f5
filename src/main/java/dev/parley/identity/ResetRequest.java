package dev.parley.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One "Forgot password?" request, kept for an hour so that requests can be counted per address and per IP. */
@Entity
@Table(name = "password_reset_request")
public class ResetRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "address_key", nullable = false, length = Account.MAX_EMAIL)
    public String addressKey;

    @Column(nullable = false, length = 64)
    public String ip;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
}
