package dev.parley.audit;

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

/** One recorded action. Entries are only ever added, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    static final int MAX_SUMMARY = 1000;
    static final int MAX_STATE = 65535;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_name", nullable = false, length = 245)
    public String actorName;

    @Column(name = "actor_account")
    public Long actorAccount;

    @Column(name = "actor_identity")
    public Long actorIdentity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public AuditAction action;

    /** The comment acted on, if any; kept after the comment is deleted, so its history stays readable. */
    @Column(name = "comment_id")
    public Long commentId;

    @Column(nullable = false, length = MAX_SUMMARY)
    public String summary;

    @Column(name = "before_state", length = MAX_STATE)
    public String beforeState;

    @Column(name = "after_state", length = MAX_STATE)
    public String afterState;
}
