package dev.parley.moderation;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentText;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.audit.AuditRow;
import dev.parley.web.Bidi;
import dev.parley.web.TemplateExtensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the queue. Every page is a keyset query on an index that starts with the tab's status (or the
 * filtered column), so the first page and the thousandth cost the same: at most {@link #PAGE_SIZE}+1
 * rows, the articles joined in the same query, the open reports of the page in one more.
 */
@ApplicationScoped
public class QueueReader {

    @Inject
    AuditLog audit;

    static final int PAGE_SIZE = 20;
    static final java.time.Duration COUNTS_FOR = java.time.Duration.ofSeconds(5);

    private volatile Counted counted;

    @Transactional
    public QueuePage page(QueueFilter filter) {
        EntityManager em = Comment.getEntityManager();
        boolean backwards = filter.before() != null;
        Cursor cursor = Cursor.parse(backwards ? filter.before() : filter.after());
        // Newest first reads the index downwards; going back to the previous page reads it the other way.
        boolean descending = !filter.oldestFirst() ^ backwards;
        String sortField = filter.tab() == QueueTab.REPORTED ? "c.reportedAt" : "c.createdAt";

        StringBuilder jpql = new StringBuilder(
                // A left join: with an inner one, H2 may start from the articles and sort every comment.
                "select c from Comment c left join fetch c.article where ");
        Map<String, Object> params = new HashMap<>();
        if (filter.tab() == QueueTab.REPORTED) {
            // "> epoch" rather than "is not null": a range H2 reads from the index instead of scanning it.
            jpql.append("c.reportedAt > :epoch");
            params.put("epoch", Instant.EPOCH);
        } else {
            jpql.append("c.status = :status");
            params.put("status", filter.tab().status());
        }
        if (!addFilters(filter, jpql, params)) {
            return new QueuePage(filter, List.of(), counts(), null, null);
        }
        if (filter.isWindowedSearch()) {
            windowStart(filter.tab(), sortField).ifPresent(start -> {
                jpql.append(" and ").append(sortField).append(" >= :windowStart");
                params.put("windowStart", start);
            });
        }
        if (cursor != null) {
            String beyond = descending ? "<" : ">";
            jpql.append(" and ").append(sortField).append(descending ? " <= :at" : " >= :at");
            jpql.append(" and (")
                    .append(sortField)
                    .append(' ')
                    .append(beyond)
                    .append(" :at or c.id ")
                    .append(beyond)
                    .append(" :id)");
            params.put("at", cursor.at());
            params.put("id", cursor.id());
        }
        String direction = descending ? " desc" : " asc";
        jpql.append(" order by ");
        // The columns the filters fix come first: H2 reads an index in order (either way) only when the order
        // names its leading columns; for PostgreSQL they are constants and change nothing.
        for (String fixed : indexPrefix(filter)) {
            jpql.append(fixed).append(direction).append(", ");
        }
        jpql.append(sortField).append(direction).append(", c.id").append(direction);

        TypedQuery<Comment> query =
                em.createQuery(jpql.toString(), Comment.class).setMaxResults(PAGE_SIZE + 1);
        params.forEach(query::setParameter);
        List<Comment> rows = new ArrayList<>(query.getResultList());
        boolean more = rows.size() > PAGE_SIZE;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        String previous = null;
        String next = null;
        if (!rows.isEmpty()) {
            String first = Cursor.of(rows.get(0), filter.tab()).toString();
            String last = Cursor.of(rows.get(rows.size() - 1), filter.tab()).toString();
            previous = backwards ? (more ? first : null) : (cursor != null ? first : null);
            next = backwards ? last : (more ? last : null);
        }
        return new QueuePage(filter, items(rows), counts(), previous, next);
    }

    /**
     * The equality-filtered columns that lead the index this view reads: an article's comments by status,
     * an IP address's or an author's, or a whole status. Email filters match two spellings, so they sort
     * their (small) result instead.
     */
    private static List<String> indexPrefix(QueueFilter filter) {
        if (filter.tab() == QueueTab.REPORTED) {
            return List.of();
        }
        if (filter.article() != null) {
            return List.of("c.articleId", "c.status");
        }
        if (filter.ip() != null) {
            return List.of("c.authorIp", "c.status");
        }
        if (filter.author() != null) {
            return List.of("c.authorName", "c.status");
        }
        return filter.email() != null ? List.of() : List.of("c.status");
    }

    /** Where the tab's {@link QueueFilter#TEXT_WINDOW} newest comments begin; empty when the tab is smaller. */
    private static Optional<Instant> windowStart(QueueTab tab, String sortField) {
        String where = tab == QueueTab.REPORTED ? "c.reportedAt > :epoch" : "c.status = :status";
        TypedQuery<Instant> query = Comment.getEntityManager()
                .createQuery(
                        "select " + sortField + " from Comment c where " + where + " order by "
                                + (tab == QueueTab.REPORTED ? "" : "c.status desc, ") + sortField + " desc, c.id desc",
                        Instant.class)
                .setFirstResult(QueueFilter.TEXT_WINDOW - 1)
                .setMaxResults(1);
        if (tab == QueueTab.REPORTED) {
            query.setParameter("epoch", Instant.EPOCH);
        } else {
            query.setParameter("status", tab.status());
        }
        return query.getResultStream().findFirst();
    }

    /** @return {@code false} when a filter cannot match anything (an unknown article) */
    private static boolean addFilters(QueueFilter filter, StringBuilder jpql, Map<String, Object> params) {
        if (filter.article() != null) {
            Long articleId = Article.findBySlug(filter.article()).map(a -> a.id).orElse(null);
            if (articleId == null) {
                return false;
            }
            jpql.append(" and c.articleId = :articleId");
            params.put("articleId", articleId);
        }
        if (filter.author() != null) {
            jpql.append(" and c.authorName = :author");
            params.put("author", filter.author());
        }
        if (filter.email() != null) {
            // Stored as typed; both spellings are exact index lookups.
            jpql.append(" and c.authorEmail in (:emails)");
            params.put("emails", List.of(filter.email(), filter.email().toLowerCase(Locale.ROOT)));
        }
        if (filter.ip() != null) {
            jpql.append(" and c.authorIp = :ip");
            params.put("ip", filter.ip());
        }
        if (filter.text() != null) {
            jpql.append(" and lower(c.body) like :text escape '!'");
            params.put("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return true;
    }

    /**
     * Each tab's size, counted up to the cap: index-only counts that never read more than the cap. Kept for
     * {@link #COUNTS_FOR} on this instance (a moderator's own decisions refresh them at once), so that paging
     * through the queue does not count five tabs on every page.
     */
    public Map<QueueTab, Long> counts() {
        Counted last = counted;
        Instant now = Instant.now();
        if (last == null || last.at().plus(COUNTS_FOR).isBefore(now)) {
            last = new Counted(now, countNow());
            counted = last;
        }
        return last.counts();
    }

    /** After a decision here, the next page counts again. */
    void forgetCounts() {
        counted = null;
    }

    private record Counted(Instant at, Map<QueueTab, Long> counts) {}

    @Transactional
    Map<QueueTab, Long> countNow() {
        Map<QueueTab, Long> counts = new EnumMap<>(QueueTab.class);
        EntityManager em = Comment.getEntityManager();
        for (QueueTab tab : QueueTab.values()) {
            String where = tab == QueueTab.REPORTED ? "reported_at > :epoch" : "status = :status";
            var query = em.createNativeQuery("select count(*) from (select 1 from comment where " + where
                    + " fetch first " + QueuePage.COUNT_CAP + " rows only) capped");
            if (tab == QueueTab.REPORTED) {
                query.setParameter(
                        "epoch", java.time.OffsetDateTime.ofInstant(Instant.EPOCH, java.time.ZoneOffset.UTC));
            } else {
                query.setParameter("status", tab.status().name());
            }
            counts.put(tab, ((Number) query.getSingleResult()).longValue());
        }
        return counts;
    }

    /** One comment with all its reports, for its page in the moderation area. */
    @Transactional
    public Optional<QueueItem> item(long id) {
        return Optional.ofNullable(Comment.<Comment>findById(id))
                .map(c -> items(List.of(c)).get(0));
    }

    /** The comments of a "Delete permanently" that still exist, oldest first, for its confirmation page. */
    @Transactional
    public List<DeletionPreview.Doomed> doomed(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Comment.getEntityManager()
                .createQuery(
                        "select c from Comment c left join fetch c.article where c.id in :ids order by c.createdAt, c.id",
                        Comment.class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(c -> new DeletionPreview.Doomed(c.id, c.authorName, excerpt(c.body), c.article.title))
                .toList();
    }

    /** A comment's text as written (for the edit form). */
    @Transactional
    public String text(long id) {
        Comment c = Comment.findById(id);
        return c == null ? "" : c.body;
    }

    /** The audit entries that move a comment between tabs: the newest says who put it where it is. */
    private static final Set<AuditAction> DECISIONS = EnumSet.of(
            AuditAction.APPROVE,
            AuditAction.UNAPPROVE,
            AuditAction.REJECT,
            AuditAction.SPAM,
            AuditAction.NOT_SPAM,
            AuditAction.RESTORE);

    private static final int EXCERPT = 80;

    private List<QueueItem> items(List<Comment> rows) {
        List<Long> reported =
                rows.stream().filter(c -> c.reportCount > 0).map(c -> c.id).toList();
        Map<Long, List<String>> reasons = reported.isEmpty()
                ? Map.of()
                : CommentReport.<CommentReport>find(
                                "comment.id in ?1 and createdAt >= comment.reportedAt order by createdAt", reported)
                        .stream()
                        .collect(Collectors.groupingBy(
                                r -> r.comment.id, Collectors.mapping(r -> r.reason, Collectors.toList())));
        List<Long> decided =
                rows.stream().filter(c -> c.decidedAt != null).map(c -> c.id).toList();
        Map<Long, AuditRow> lastDecisions = audit.lastOfEach(decided, DECISIONS);
        Map<Long, QueueItem.Parent> parents = parents(rows);
        return rows.stream()
                .map(c -> toItem(
                        c,
                        reasons.getOrDefault(c.id, List.of()),
                        c.parentId == null
                                ? null
                                : parents.getOrDefault(c.parentId, new QueueItem.Parent(c.parentId, null, null, true)),
                        Optional.ofNullable(lastDecisions.get(c.id))
                                .map(QueueReader::decisionLine)
                                .orElse(null)))
                .toList();
    }

    /** The comments the replies among these answer, in one query: author and the start of the text. */
    private static Map<Long, QueueItem.Parent> parents(List<Comment> rows) {
        List<Long> parentIds = rows.stream()
                .map(c -> c.parentId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        return Comment.getEntityManager()
                .createQuery("select c.id, c.authorName, c.body from Comment c where c.id in :ids", Object[].class)
                .setParameter("ids", parentIds)
                .getResultStream()
                .collect(Collectors.toMap(
                        row -> (Long) row[0],
                        row -> new QueueItem.Parent((Long) row[0], (String) row[1], excerpt((String) row[2]), false)));
    }

    /** The start of a text on one line: "I disagree with the second point, because…". */
    static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        if (line.length() <= EXCERPT) {
            return line;
        }
        int cut = line.lastIndexOf(' ', EXCERPT);
        return line.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT).stripTrailing() + "…";
    }

    /** "Approved by Bob at 24 November 2026 at 14:02". */
    private static String decisionLine(AuditRow row) {
        return row.action().label() + " by " + Bidi.isolate(row.actorName()) + " at "
                + TemplateExtensions.readable(row.at());
    }

    static QueueItem toItem(Comment c, List<String> reportReasons, QueueItem.Parent parent, String lastDecision) {
        return new QueueItem(
                c.id,
                c.version,
                c.status,
                c.article.title,
                c.article.slug,
                c.article.pageUrl,
                c.authorName,
                c.authorEmail,
                c.authorUrl,
                c.authorIp,
                c.identityId,
                c.createdAt,
                CommentText.toHtml(c.body),
                c.parentId != null,
                c.byStaff,
                c.editedAt != null,
                c.reasons == null ? List.of() : List.of(c.reasons.split("\n")),
                c.reportCount,
                c.hiddenByReports,
                reportReasons,
                parent,
                lastDecision);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A position in the queue: the sort time and id of an item, as {@code 2026-11-24T10:00:00Z_42}. */
    record Cursor(Instant at, long id) {

        static Cursor of(Comment c, QueueTab tab) {
            return new Cursor(tab == QueueTab.REPORTED ? c.reportedAt : c.createdAt, c.id);
        }

        static Cursor parse(String value) {
            if (value == null) {
                return null;
            }
            int split = value.lastIndexOf('_');
            try {
                return new Cursor(Instant.parse(value.substring(0, split)), Long.parseLong(value.substring(split + 1)));
            } catch (RuntimeException unreadable) {
                // A cursor edited by hand: start from the top rather than fail.
                return null;
            }
        }

        @Override
        public String toString() {
            return at + "_" + id;
        }
    }
}
