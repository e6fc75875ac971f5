package dev.parley.article;

import dev.parley.settings.Discussion;
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
import java.util.Optional;

@Entity
public class Article extends PanacheEntityBase {

    public static final int MAX_TITLE = 300;
    public static final int MAX_SLUG = 200;
    public static final int MAX_BODY = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = MAX_SLUG)
    public String slug;

    @Column(nullable = false, length = MAX_TITLE)
    public String title;

    @Column(nullable = false, length = MAX_BODY)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "body_format", nullable = false, length = 16)
    public BodyFormat bodyFormat = BodyFormat.PLAIN;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ArticleStatus status = ArticleStatus.DRAFT;

    @Column(name = "comments_open", nullable = false)
    public boolean commentsOpen = true;

    /** Exempt from "close comments on articles older than N days". */
    @Column(name = "comments_always_open", nullable = false)
    public boolean commentsAlwaysOpen;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The site whose page carries this thread; {@code null} for Parley's own articles. An id, not a relation:
     * sites know their threads, articles need not know sites.
     */
    @Column(name = "site_id")
    public Long siteId;

    /** The canonical address of the host page (embedded threads only). */
    @Column(name = "page_url", length = 2000)
    public String pageUrl;

    /** How the host finds this thread: "url:" + canonical address, or "id:" + its own identifier. */
    @Column(name = "page_key", length = 2100)
    public String pageKey;

    /** A thread under a page of another site, rather than one of Parley's own articles. */
    public boolean isEmbedded() {
        return pageUrl != null;
    }

    /** Whether readers may comment now: not closed by hand, and not too old unless kept open. */
    public boolean acceptsComments(Discussion discussion, Instant now) {
        return commentsOpen && (commentsAlwaysOpen || !discussion.isTooOld(publishedAt, now));
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** Marks the article public; the first publication sets its date. */
    public void publish(Instant now) {
        status = ArticleStatus.PUBLISHED;
        if (publishedAt == null) {
            publishedAt = now;
        }
    }

    public void unpublish() {
        status = ArticleStatus.DRAFT;
    }

    public static Optional<Article> findPublished(String slug) {
        return find("slug = ?1 and status = ?2", slug, ArticleStatus.PUBLISHED).firstResultOptional();
    }

    public static Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Article> listPublishedNewestFirst(int limit) {
        return find("status = ?1 and siteId is null order by publishedAt desc, id desc", ArticleStatus.PUBLISHED)
                .page(0, limit)
                .list();
    }

    public static List<Article> listAllNewestFirst() {
        return find("siteId is null order by createdAt desc, id desc").list();
    }
}
