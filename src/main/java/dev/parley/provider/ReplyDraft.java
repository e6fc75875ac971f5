package dev.parley.provider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment a reader had begun when they left to sign in; keyed by the hash of a browser cookie. */
@Entity
@Table(name = "reply_draft")
public class ReplyDraft extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "article_slug", nullable = false, length = 200)
    public String articleSlug;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(nullable = false, length = Drafts.MAX_BODY)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
