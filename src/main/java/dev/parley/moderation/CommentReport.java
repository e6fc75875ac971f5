package dev.parley.moderation;

import dev.parley.article.Comment;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reader's report of a comment. One per comment per reader (browser or signed-in identity). */
@Entity
@Table(name = "comment_report")
public class CommentReport extends PanacheEntityBase {

    static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comment_id")
    public Comment comment;

    @Column(nullable = false, length = MAX_REASON)
    public String reason;

    /** Hash of the reporting browser's token or signed-in identity. */
    @Column(name = "reporter_key", nullable = false, length = 64)
    public String reporterKey;

    @Column(name = "reporter_ip", length = 45)
    public String reporterIp;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
