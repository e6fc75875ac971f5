package dev.parley.article;

import io.quarkus.qute.RawString;
import java.time.Instant;
import java.util.List;

/**
 * Everything the article page shows, built by {@link ThreadService}.
 *
 * @param replyTo where the reply form is placed, or {@code null} for a top-level reply
 * @param commentPage the page of top-level threads shown, from 1
 * @param requireSignIn only signed-in readers may comment: the guest form is not shown
 */
public record ArticlePage(
        String slug,
        String title,
        RawString bodyHtml,
        Instant publishedAt,
        boolean commentsOpen,
        long approvedCount,
        List<CommentNode> thread,
        ReplyTarget replyTo,
        int commentPage,
        int commentPageCount,
        boolean requireSignIn,
        boolean requireNameEmail) {

    /** The approved comment a reply form is placed under. */
    public record ReplyTarget(long id, String authorName) {}

    public Long replyToId() {
        return replyTo == null ? null : replyTo.id();
    }

    public boolean hasCommentPages() {
        return commentPageCount > 1;
    }

    public boolean hasPreviousCommentPage() {
        return commentPage > 1;
    }

    public boolean hasNextCommentPage() {
        return commentPage < commentPageCount;
    }

    /** Whether the reply form goes under this comment. */
    public boolean isReplyTarget(long commentId) {
        return replyTo != null && replyTo.id() == commentId;
    }
}
