package dev.parley.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

@Entity
public class Comment extends PanacheEntityBase {

    // WordPress's limits, so that comments move between the two without truncation.
    public static final int MAX_AUTHOR_NAME = 245;
    public static final int MAX_AUTHOR_EMAIL = 100;
    public static final int MAX_AUTHOR_URL = 200;
    public static final int MAX_BODY = 65525;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    public Article article;

    /**
     * The article's id, read from the same column: queries that filter by article use the comment's own
     * column and its index, not the joined article's key.
     */
    @Column(name = "article_id", insertable = false, updatable = false)
    public Long articleId;

    /** The comment this one replies to; kept as an id so that a thread loads in one query. */
    @Column(name = "parent_id")
    public Long parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CommentStatus status = CommentStatus.PENDING;

    @Column(name = "author_name", nullable = false, length = MAX_AUTHOR_NAME)
    public String authorName;

    @Column(name = "author_email", length = MAX_AUTHOR_EMAIL)
    public String authorEmail;

    @Column(name = "author_url", length = MAX_AUTHOR_URL)
    public String authorUrl;

    @Column(nullable = false, length = MAX_BODY)
    public String body;

    @Column(name = "author_ip", length = 45)
    public String authorIp;

    @Column(name = "user_agent", length = 255)
    public String userAgent;

    /** The signed-in reader who wrote it ({@code null} for guests). */
    @Column(name = "identity_id")
    public Long identityId;

    /** Hash of the posting browser's commenter token: lets that browser see its own pending comment. */
    @Column(name = "author_token_hash", length = 64)
    public String authorTokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The account that made the last moderation decision. */
    @Column(name = "decided_by")
    public Long decidedBy;

    /** Why an automatic rule held it or marked it as spam, one reason per line; {@code null} otherwise. */
    @Column(length = 2000)
    public String reasons;

    /** The key of the form that posted it: a resubmitted form finds this comment instead of making another. */
    @Column(name = "request_key", length = 64)
    public String requestKey;

    /** Hash of the normalised text, for "you've already said that". */
    @Column(name = "body_hash", length = 64)
    public String bodyHash;

    /** When reports started waiting for a moderator; cleared by their decision. */
    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "report_count", nullable = false)
    public int reportCount;

    /** Hidden from the thread because enough readers reported it, until a moderator decides. */
    @Column(name = "hidden_by_reports", nullable = false)
    public boolean hiddenByReports;

    /** Written by staff from the queue; the thread marks it. */
    @Column(name = "by_staff", nullable = false)
    public boolean byStaff;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Version
    public int version;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The hash duplicates are found by: the text with case, formatting and spacing folded away. */
    public static String hashOf(String body) {
        return dev.parley.web.Tokens.sha256(WHITESPACE
                .matcher(dev.parley.rules.TextFolding.fold(body))
                .replaceAll(" ")
                .strip());
    }

    /**
     * What a thread shows: approved comments (unless hidden by readers' reports) to everyone, and to the
     * browser that wrote them its own comments that wait for a moderator: pending, hidden by reports, or
     * marked as spam by the automatic rules. Automatic spam shows to its author like a held comment, so that
     * neither a person caught by mistake loses sight of their words nor a bot or a banned reader learns what
     * was decided. Spam a moderator chose ({@code decidedAt} set) and trash stay hidden, as decisions.
     */
    private static final String SHOWN = "article = ?1 and (status = ?2 and hiddenByReports = false"
            + " or authorTokenHash = ?4 and (status in (?2, ?3) or status = ?5 and decidedAt is null))";

    private static Object[] shownParameters(Article article, String authorTokenHash, Object... more) {
        Object[] parameters = new Object[5 + more.length];
        parameters[0] = article;
        parameters[1] = CommentStatus.APPROVED;
        parameters[2] = CommentStatus.PENDING;
        parameters[3] = authorTokenHash == null ? "" : authorTokenHash;
        parameters[4] = CommentStatus.SPAM;
        System.arraycopy(more, 0, parameters, 5, more.length);
        return parameters;
    }

    /** Comments an article's thread shows this browser, oldest first (see {@link #SHOWN}). */
    public static List<Comment> listForThread(Article article, String authorTokenHash) {
        return find(SHOWN + " order by createdAt, id", shownParameters(article, authorTokenHash))
                .list();
    }

    /**
     * The ids and parents of what {@link #listForThread} shows, in its order: enough to tell which top-level thread
     * a comment is in, without loading the comments' text.
     */
    public static List<ThreadShape.Entry> shapeOfThread(Article article, String authorTokenHash) {
        TypedQuery<ThreadShape.Entry> query = getEntityManager()
                .createQuery(
                        "select new dev.parley.article.ThreadShape$Entry(id, parentId) from Comment where " + SHOWN
                                + " order by createdAt, id",
                        ThreadShape.Entry.class);
        Object[] parameters = shownParameters(article, authorTokenHash);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    /**
     * Whether the thread shows this comment, just posted, to the browser that posted it: {@link #SHOWN} for a comment
     * that carries that browser's token, is not hidden by reports and has no moderator's decision yet.
     */
    public boolean showsToItsNewAuthor() {
        return status == CommentStatus.APPROVED || authorTokenHash != null && status != CommentStatus.TRASH;
    }

    /** Whether the thread shows this comment to this browser (a reply whose parent is hidden shows at the top). */
    public static boolean isShown(Article article, long commentId, String authorTokenHash) {
        return exists(SHOWN + " and id = ?6", shownParameters(article, authorTokenHash, commentId));
    }

    /**
     * Whether a comment matches: stops at the first row. Written out rather than Panache's {@code count}, which
     * translates its query to SQL again on every call; this one Hibernate translates once.
     */
    public static boolean exists(String where, Object... parameters) {
        TypedQuery<Long> query = getEntityManager().createQuery("select id from Comment where " + where, Long.class);
        bind(query, parameters);
        return !query.setMaxResults(1).getResultList().isEmpty();
    }

    /** How many comments match, with a query Hibernate translates to SQL once (see {@link #exists}). */
    public static long countWhere(String where, Object... parameters) {
        TypedQuery<Long> query =
                getEntityManager().createQuery("select count(*) from Comment where " + where, Long.class);
        bind(query, parameters);
        return query.getSingleResult();
    }

    private static void bind(TypedQuery<Long> query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
    }

    /** Whether readers see it as waiting for a moderator rather than as published. */
    public boolean awaitsModeration() {
        return status != CommentStatus.APPROVED || hiddenByReports;
    }

    public static long countApproved(Article article) {
        return count("article = ?1 and status = ?2", article, CommentStatus.APPROVED);
    }

    /** Approved-comment counts of several articles in one query. */
    public static Map<Long, Long> countApprovedByArticle(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery(
                        "select c.article.id, count(c) from Comment c"
                                + " where c.article.id in :ids and c.status = :status group by c.article.id",
                        Object[].class)
                .setParameter("ids", articleIds)
                .setParameter("status", CommentStatus.APPROVED)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }
}
