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
 * @param pageUrl the page of another site that carries this thread; {@code null} for Parley's own articles
 * @param post where the reply form goes
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
        boolean requireNameEmail,
        String pageUrl,
        PostTo post) {

    /**
     * Where the reply form is sent, with the hidden fields that say which thread it is for.
     *
     * @param fromHostPage the form is part of another site's page (a server-side include or the script tag): it
     *     carries no CSRF token, since one rendering is shared by every reader, and is checked by its origin
     */
    public record PostTo(String action, java.util.Map<String, String> threadFields, boolean fromHostPage) {

        public static PostTo article(String slug) {
            return new PostTo(dev.parley.web.Routes.postComment(slug), java.util.Map.of(), false);
        }
    }

    /** A thread under a page of another site, rather than one of Parley's own articles. */
    public boolean embedded() {
        return pageUrl != null;
    }

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
