package dev.parley.article;

import dev.parley.settings.Discussion;
import dev.parley.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

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
                        ArticleBody.excerpt(a.body, a.bodyFormat, EXCERPT_LENGTH),
                        a.publishedAt,
                        counts.getOrDefault(a.id, 0L)))
                .toList();
    }

    /**
     * The article page: the published article, its approved comments, and the pending comments this
     * browser posted, nested up to the owner's thread depth, one page of top-level threads at a time.
     *
     * @param authorTokenHash identifies this browser's own comments; may be {@code null}
     * @param replyToId the comment the reader chose to reply to; ignored unless it is in the thread. Its
     *     page is shown, whatever {@code page} says.
     * @param page the page of top-level threads, from 1; {@code null} for the first
     */
    @Transactional
    public Optional<ArticlePage> articlePage(String slug, String authorTokenHash, Long replyToId, Integer page) {
        return Article.findPublished(slug).map(article -> pageOf(article, authorTokenHash, replyToId, page));
    }

    /** The page of a thread already found (the thread of a host page, looked up by its site and key). */
    @Transactional
    public ArticlePage threadPage(Article thread, String authorTokenHash, Long replyToId, Integer page) {
        return pageOf(thread, authorTokenHash, replyToId, page);
    }

    /**
     * The page of a thread on another site that has no comment yet, so no row: an empty thread under a form that
     * posts to {@code post}. Nothing is stored.
     */
    @Transactional
    public ArticlePage newThreadPage(Article unsaved, ArticlePage.PostTo post) {
        ArticlePage empty = pageOf(unsaved, null, null, null);
        return withPost(empty, post);
    }

    /** The same page, with the reply form sent elsewhere (the thread fragment's form posts for its host page). */
    public static ArticlePage withPost(ArticlePage page, ArticlePage.PostTo post) {
        return new ArticlePage(
                page.slug(),
                page.title(),
                page.bodyHtml(),
                page.publishedAt(),
                page.commentsOpen(),
                page.approvedCount(),
                page.thread(),
                page.replyTo(),
                page.commentPage(),
                page.commentPageCount(),
                page.requireSignIn(),
                page.requireNameEmail(),
                page.pageUrl(),
                post);
    }

    private ArticlePage pageOf(Article article, String authorTokenHash, Long replyToId, Integer page) {
        Discussion discussion = settings.discussion();
        ThreadBuilder thread = article.id == null
                ? new ThreadBuilder(discussion.threadDepth(), discussion.newestFirst())
                : threadOf(article, authorTokenHash, discussion);
        int pageCount = thread.pageCount(discussion.commentsPerPage());
        int shown = replyToId != null && thread.contains(replyToId)
                ? thread.pageOf(replyToId, discussion.commentsPerPage())
                : page == null ? 1 : Math.max(1, Math.min(page, pageCount));
        return new ArticlePage(
                article.slug,
                article.title,
                ArticleBody.toHtml(article.body, article.bodyFormat),
                article.publishedAt,
                article.acceptsComments(discussion, Instant.now()),
                thread.approvedCount(),
                thread.page(shown, discussion.commentsPerPage()),
                thread.replyTarget(replyToId),
                shown,
                pageCount,
                discussion.requireSignIn(),
                discussion.requireNameEmail(),
                article.pageUrl,
                ArticlePage.PostTo.article(article.slug));
    }

    /**
     * Where to send the author of a new comment: the comment on the page of its thread that shows it to them (on
     * the host page when that is its first page and the thread is another site's), or empty when the thread does
     * not show it (so that no link points at a missing anchor).
     */
    @Transactional
    public Optional<String> linkToComment(String slug, long commentId, String authorTokenHash) {
        return Article.findPublished(slug)
                .flatMap(article -> pageOf(
                                article,
                                commentId,
                                authorTokenHash,
                                settings.discussion(),
                                () -> Comment.isShown(article, commentId, authorTokenHash))
                        .map(page -> link(article, page, commentId)));
    }

    /**
     * The same, for a comment just stored in this transaction, with its article and the rules it was posted
     * under at hand: no look-up of the article or the settings again, no transaction of its own, and no query
     * to learn whether its author sees it ({@link Comment#showsToItsNewAuthor}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> linkToNewComment(Comment comment, Discussion rules) {
        Article article = comment.article;
        int perPage = rules.commentsPerPage();
        boolean nested = rules.nestsReplies();
        if (perPage > 0 && (comment.parentId == null || !nested) && comment.showsToItsNewAuthor()) {
            // A new top-level thread: its page follows from how many threads come before it (after it, newest
            // first), counted on the indexes, however long the thread.
            long place = ThreadCounts.beside(article, comment.authorTokenHash, comment, rules.newestFirst(), nested);
            return Optional.of(link(article, (int) (place / perPage) + 1, comment.id));
        }
        return pageOf(article, comment.id, comment.authorTokenHash, rules, comment::showsToItsNewAuthor)
                .map(page -> link(article, page, comment.id));
    }

    private static String link(Article article, int page, long commentId) {
        return page == 1 && article.isEmbedded()
                ? article.pageUrl + "#comment-" + commentId
                : dev.parley.web.Routes.comment(article.slug, page, commentId);
    }

    /**
     * The page of the article's thread that shows a comment to this browser, for the link to it after
     * posting; empty when the thread does not show it there (so that no link points at a missing anchor).
     *
     * @param shownAtAll whether the thread shows the comment to this browser at all
     */
    private Optional<Integer> pageOf(
            Article article,
            long commentId,
            String authorTokenHash,
            Discussion discussion,
            BooleanSupplier shownAtAll) {
        int perPage = discussion.commentsPerPage();
        if (perPage <= 0 || !ThreadCounts.moreThan(article, authorTokenHash, perPage, discussion.nestsReplies())) {
            // Everything fits on one page: no need to build the thread to find the comment.
            return shownAtAll.getAsBoolean() ? Optional.of(1) : Optional.empty();
        }
        // Several pages: find the comment's top-level thread from the ids and parents alone.
        OptionalInt page = new ThreadShape(
                        Comment.shapeOfThread(article, authorTokenHash),
                        discussion.threadDepth(),
                        discussion.newestFirst())
                .pageOf(commentId, perPage);
        return page.isPresent() ? Optional.of(page.getAsInt()) : Optional.empty();
    }

    private static ThreadBuilder threadOf(Article article, String authorTokenHash, Discussion discussion) {
        ThreadBuilder thread = new ThreadBuilder(discussion.threadDepth(), discussion.newestFirst());
        Comment.listForThread(article, authorTokenHash).forEach(thread::add);
        return thread;
    }

    /** Nests comments (given oldest first) under their parents, flattening below the maximum depth. */
    static final class ThreadBuilder {

        private final int maxDepth;
        private final Map<Long, Draft> byId = new HashMap<>();
        private final List<Draft> roots = new ArrayList<>();

        private final boolean newestFirst;

        ThreadBuilder(int maxDepth) {
            this(maxDepth, false);
        }

        ThreadBuilder(int maxDepth, boolean newestFirst) {
            this.maxDepth = Math.max(1, maxDepth);
            this.newestFirst = newestFirst;
        }

        boolean contains(long commentId) {
            return byId.containsKey(commentId);
        }

        long approvedCount() {
            return byId.values().stream()
                    .filter(d -> !d.comment.awaitsModeration())
                    .count();
        }

        /** Top-level threads in the owner's order; replies inside a thread stay oldest first. */
        private List<Draft> orderedRoots() {
            if (!newestFirst) {
                return roots;
            }
            List<Draft> reversed = new ArrayList<>(roots);
            java.util.Collections.reverse(reversed);
            return reversed;
        }

        int pageCount(int perPage) {
            return perPage <= 0 ? 1 : Math.max(1, (roots.size() + perPage - 1) / perPage);
        }

        int pageOf(long commentId, int perPage) {
            Draft draft = byId.get(commentId);
            while (draft.parent != null) {
                draft = draft.parent;
            }
            return perPage <= 0 ? 1 : orderedRoots().indexOf(draft) / perPage + 1;
        }

        List<CommentNode> page(int page, int perPage) {
            List<Draft> ordered = orderedRoots();
            List<Draft> shown = perPage <= 0
                    ? ordered
                    : ordered.subList(
                            Math.min(ordered.size(), (page - 1) * perPage), Math.min(ordered.size(), page * perPage));
            return shown.stream().map(Draft::toNode).toList();
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
            if (target == null || target.comment.awaitsModeration()) {
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
                        comment.awaitsModeration(),
                        comment.byStaff,
                        depth,
                        inReplyTo,
                        replies.stream().map(Draft::toNode).toList());
            }
        }
    }
}
