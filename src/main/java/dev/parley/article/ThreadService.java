package dev.parley.article;

import dev.parley.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds what readers see: the front page and an article with its thread. */
@ApplicationScoped
public class ThreadService {

    static final int FRONT_PAGE_SIZE = 50;
    private static final int EXCERPT_LENGTH = 280;

    @Inject
    SettingsService settings;

    @Transactional
    public List<ArticleSummary> frontPage() {
        List<Article> articles = Article.listPublishedNewestFirst(FRONT_PAGE_SIZE);
        Map<Long, Long> counts =
                Comment.countApprovedByArticle(articles.stream().map(a -> a.id).toList());
        return articles.stream()
                .map(a -> new ArticleSummary(
                        a.slug,
                        a.title,
                        ArticleBody.excerpt(a.body, EXCERPT_LENGTH),
                        a.publishedAt,
                        counts.getOrDefault(a.id, 0L)))
                .toList();
    }

    /**
     * The article page: the published article, its approved comments, and the pending comments this
     * browser posted, nested up to the owner's thread depth.
     *
     * @param authorTokenHash identifies this browser's own comments; may be {@code null}
     * @param replyToId the comment the reader chose to reply to; ignored unless it is in the thread
     */
    @Transactional
    public Optional<ArticlePage> articlePage(String slug, String authorTokenHash, Long replyToId) {
        return Article.findPublished(slug).map(article -> {
            List<Comment> comments = Comment.listForThread(article, authorTokenHash);
            ThreadBuilder thread = new ThreadBuilder(settings.discussion().threadDepth());
            comments.forEach(thread::add);
            long approved = comments.stream()
                    .filter(c -> c.status == CommentStatus.APPROVED)
                    .count();
            return new ArticlePage(
                    article.slug,
                    article.title,
                    ArticleBody.toHtml(article.body, article.bodyFormat),
                    article.publishedAt,
                    article.commentsOpen,
                    approved,
                    thread.roots(),
                    thread.replyTarget(replyToId));
        });
    }

    /** Nests comments (given oldest first) under their parents, flattening below the maximum depth. */
    static final class ThreadBuilder {

        private final int maxDepth;
        private final Map<Long, Draft> byId = new HashMap<>();
        private final List<Draft> roots = new ArrayList<>();

        ThreadBuilder(int maxDepth) {
            this.maxDepth = Math.max(1, maxDepth);
        }

        void add(Comment comment) {
            Draft parent = comment.parentId == null ? null : byId.get(comment.parentId);
            String inReplyTo = null;
            if (parent != null && parent.depth >= maxDepth) {
                // Too deep to indent further: show it beside its parent, saying whom it answers.
                inReplyTo = parent.comment.authorName;
                while (parent != null && parent.depth >= maxDepth) {
                    parent = parent.parent;
                }
            }
            Draft draft = new Draft(comment, parent, parent == null ? 1 : parent.depth + 1, inReplyTo);
            byId.put(comment.id, draft);
            (parent == null ? roots : parent.replies).add(draft);
        }

        List<CommentNode> roots() {
            return roots.stream().map(Draft::toNode).toList();
        }

        /** The comment a reply may be placed under: approved and shown in this thread. */
        ArticlePage.ReplyTarget replyTarget(Long id) {
            Draft target = id == null ? null : byId.get(id);
            if (target == null || target.comment.status != CommentStatus.APPROVED) {
                return null;
            }
            return new ArticlePage.ReplyTarget(target.comment.id, target.comment.authorName);
        }

        private static final class Draft {
            final Comment comment;
            final Draft parent;
            final int depth;
            final String inReplyTo;
            final List<Draft> replies = new ArrayList<>();

            Draft(Comment comment, Draft parent, int depth, String inReplyTo) {
                this.comment = comment;
                this.parent = parent;
                this.depth = depth;
                this.inReplyTo = inReplyTo;
            }

            CommentNode toNode() {
                return new CommentNode(
                        comment.id,
                        comment.authorName,
                        comment.authorUrl,
                        comment.createdAt,
                        CommentText.toHtml(comment.body),
                        comment.status == CommentStatus.PENDING,
                        depth,
                        inReplyTo,
                        replies.stream().map(Draft::toNode).toList());
            }
        }
    }
}
