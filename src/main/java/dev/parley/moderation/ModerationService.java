package dev.parley.moderation;

import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.article.CommentText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The queue of pending comments and the decisions moderators make on them. */
@ApplicationScoped
public class ModerationService {

    static final int PAGE_SIZE = 20;

    /** Pending comments, newest first; the article of each is fetched in the same query. */
    @Transactional
    public QueuePage pending(int page) {
        long total = Comment.count("status", CommentStatus.PENDING);
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pageCount);
        List<QueueItem> items = Comment.getEntityManager()
                .createQuery(
                        "select c from Comment c join fetch c.article where c.status = :status"
                                + " order by c.createdAt desc, c.id desc",
                        Comment.class)
                .setParameter("status", CommentStatus.PENDING)
                .setFirstResult((current - 1) * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE)
                .getResultStream()
                .map(ModerationService::toItem)
                .toList();
        return new QueuePage(items, total, current, PAGE_SIZE);
    }

    /**
     * Applies a decision to pending comments. Comments already decided (by someone else, a moment ago)
     * are left as they are: the update only matches comments still pending, so two moderators deciding at
     * once never overwrite each other and neither gets an error.
     *
     * @param moderatorId the local account deciding; {@code null} for a moderator signed in with a provider
     *     (recorded by the audit log)
     *
     * @return how many comments changed
     */
    @Transactional
    public int decide(Collection<Long> commentIds, Decision decision, Long moderatorId) {
        if (commentIds.isEmpty()) {
            return 0;
        }
        return Comment.update(
                "status = ?1, decidedAt = ?2, decidedBy = ?3, version = version + 1"
                        + " where id in ?4 and status = ?5",
                decision.outcome(),
                Instant.now(),
                moderatorId,
                commentIds,
                CommentStatus.PENDING);
    }

    private static QueueItem toItem(Comment c) {
        return new QueueItem(
                c.id,
                c.article.title,
                c.article.slug,
                c.authorName,
                c.authorEmail,
                c.authorUrl,
                c.authorIp,
                c.createdAt,
                CommentText.toHtml(c.body),
                c.parentId != null);
    }
}
