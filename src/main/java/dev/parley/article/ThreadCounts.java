package dev.parley.article;

import jakarta.persistence.TypedQuery;

/**
 * Counts of the top-level threads a thread shows one browser, taken on the indexes without reading the comments:
 * what the link back to a new comment needs to know on which page it is. They count exactly what {@link
 * ThreadService}'s thread shows (see {@link Comment#listForThread}) in two parts that never overlap: the published
 * comments, on the thread index, and the browser's own that only it sees (held, marked as spam by the rules, or
 * hidden by reports), on its token's index.
 */
final class ThreadCounts {

    private static final String PUBLISHED = "%1$s.status = :approved and %1$s.hiddenByReports = false";

    private static final String OWN_ONLY = "%1$s.authorTokenHash = :token and (%1$s.status = :pending"
            + " or %1$s.status = :spam and %1$s.decidedAt is null"
            + " or %1$s.status = :approved and %1$s.hiddenByReports = true)";

    /**
     * A comment that starts a top-level thread: one without a parent, or whose parent the thread does not show (a
     * reply to a comment a moderator removed stays, as a thread of its own).
     */
    private static final String STARTS_A_THREAD = " and (c.parentId is null or not exists (select p.id from Comment p"
            + " where p.id = c.parentId and p.article = c.article and (" + PUBLISHED.formatted("p") + " or "
            + OWN_ONLY.formatted("p") + ")))";

    /**
     * The thread index's order ({@code comment_thread_idx}). Asking for it makes H2 walk that index: left to its
     * statistics, which are empty on a new site and skewed while one article has all the comments, H2 read every
     * comment of the article through the article key's own index, or every published comment of the site through
     * the queue index, on each post.
     */
    private static final String THREAD_INDEX_ORDER = " order by c.article.id, c.status, c.createdAt, c.id";

    private ThreadCounts() {}

    /**
     * Whether the thread shows this browser more than {@code limit} top-level threads: whether it has pages. Read
     * without counting the whole thread (a post asks this, and a busy thread has thousands of comments waiting): at
     * most {@code limit + 1} published threads, then the browser's own.
     *
     * @param nested whether the thread nests replies (a thread depth over 1); without nesting every comment is a
     *     thread of its own
     */
    static boolean moreThan(Article article, String authorTokenHash, int limit, boolean nested) {
        int published = query(
                        "select c.id from Comment c where c.article = :article and " + PUBLISHED.formatted("c")
                                + startsAThread(nested) + THREAD_INDEX_ORDER,
                        article,
                        authorTokenHash,
                        nested)
                .setMaxResults(limit + 1)
                .getResultList()
                .size();
        return published > limit || published + ownOnly(article, authorTokenHash, nested, null, false) > limit;
    }

    /**
     * How many top-level threads the browser is shown before this one (oldest first), or after it: its place on the
     * thread's pages.
     */
    static long beside(Article article, String authorTokenHash, Comment thread, boolean after, boolean nested) {
        // The ids, in the index's order, counted here: a count cannot carry the order that keeps H2 on the index.
        // Either way the database passes each of these threads' index entries once.
        long published = at(
                        query(
                                "select c.id from Comment c where c.article = :article and "
                                        + PUBLISHED.formatted("c") + startsAThread(nested) + place(after)
                                        + THREAD_INDEX_ORDER,
                                article,
                                authorTokenHash,
                                nested),
                        thread)
                .getResultList()
                .size();
        return published + ownOnly(article, authorTokenHash, nested, thread, after);
    }

    /** The browser's own threads, all of them or those before (after) {@code thread} when it is given. */
    private static long ownOnly(
            Article article, String authorTokenHash, boolean nested, Comment thread, boolean after) {
        TypedQuery<Long> count = query(
                "select count(c) from Comment c where c.article = :article and " + OWN_ONLY.formatted("c")
                        + startsAThread(nested) + (thread == null ? "" : place(after)),
                article,
                authorTokenHash,
                true);
        return (thread == null ? count : at(count, thread)).getSingleResult();
    }

    private static String startsAThread(boolean nested) {
        return nested ? STARTS_A_THREAD : "";
    }

    /**
     * Before or after a thread in the thread's order (oldest first: its time, then its id). The thread itself is left
     * out by its id: the database may keep its time less precisely than the comment in hand.
     */
    private static String place(boolean after) {
        // The bound on the time alone is implied by the condition after it; it is there so that the index's range
        // starts (or stops) at the thread instead of at the article's first published comment.
        return " and c.id <> :id"
                + (after
                        ? " and c.createdAt >= :at and (c.createdAt > :at or c.id > :id)"
                        : " and c.createdAt <= :at and (c.createdAt < :at or c.id < :id)");
    }

    private static <T> TypedQuery<T> at(TypedQuery<T> query, Comment thread) {
        return query.setParameter("at", thread.createdAt).setParameter("id", thread.id);
    }

    /** The query with the parameters its conditions name; the browser's own ones only where they are used. */
    private static TypedQuery<Long> query(String hql, Article article, String authorTokenHash, boolean usesOwn) {
        TypedQuery<Long> query = Comment.getEntityManager()
                .createQuery(hql, Long.class)
                .setParameter("article", article)
                .setParameter("approved", CommentStatus.APPROVED);
        if (usesOwn) {
            query.setParameter("token", authorTokenHash == null ? "" : authorTokenHash)
                    .setParameter("pending", CommentStatus.PENDING)
                    .setParameter("spam", CommentStatus.SPAM);
        }
        return query;
    }
}
