package dev.parley.article;

import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.web.Bidi;
import dev.parley.web.FormValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The owner's work on articles: writing, publishing, closing comments, deleting. */
@ApplicationScoped
public class ArticleAdminService {

    @Inject
    AuditLog audit;

    @Inject
    FormValidation validation;

    @Transactional
    public List<ArticleRow> list() {
        List<Article> articles = Article.listAllNewestFirst();
        Map<Long, Long> counts =
                Comment.countApprovedByArticle(articles.stream().map(a -> a.id).toList());
        return articles.stream()
                .map(a -> rowOf(a, counts.getOrDefault(a.id, 0L)))
                .toList();
    }

    @Transactional
    public Optional<Map<String, String>> formValues(long id) {
        return ownArticle(id).map(ArticleForm::of);
    }

    /** Outcome of saving: the article's id, or the message per field. */
    public record Saved(Long id, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Creates ({@code id == null}) or updates an article.
     *
     * @return empty when the article to update does not exist
     */
    @Transactional
    public Optional<Saved> save(Long id, ArticleForm form) {
        Article article = id == null ? new Article() : ownArticle(id).orElse(null);
        if (article == null) {
            return Optional.empty();
        }
        Map<String, String> errors = validation.errorsOf(form);
        String slug = form.slug == null || form.slug.isBlank()
                ? (article.slug != null ? article.slug : Slugs.fromTitle(form.title == null ? "" : form.title))
                : form.slug.strip();
        Optional<Article> holder = Article.findBySlug(slug);
        if (holder.isPresent() && !holder.get().id.equals(article.id)) {
            if (form.slug == null || form.slug.isBlank()) {
                slug = freeSlugLike(slug);
            } else {
                errors.putIfAbsent("slug", "The address is already used by “" + holder.get().title + "”.");
            }
        }
        if (!errors.isEmpty()) {
            return Optional.of(new Saved(id, errors));
        }
        Instant now = Instant.now();
        article.title = form.title.strip();
        article.slug = slug;
        article.body = form.body;
        article.bodyFormat = form.bodyFormat();
        article.commentsOpen = form.isCommentsOpen();
        article.commentsAlwaysOpen = form.isCommentsAlwaysOpen();
        if (form.isPublished()) {
            article.publish(now);
        } else {
            article.unpublish();
        }
        article.updatedAt = now;
        boolean created = article.id == null;
        if (created) {
            article.createdAt = now;
            article.persist();
        }
        audit.recordByCurrentUser(
                AuditAction.ARTICLE,
                (created ? "Created" : "Saved") + " the article “" + Bidi.isolate(article.title) + "” ("
                        + (article.isPublished() ? "published" : "draft") + "; comments "
                        + (!article.commentsOpen ? "closed" : article.commentsAlwaysOpen ? "always open" : "open")
                        + ")");
        return Optional.of(new Saved(article.id, Map.of()));
    }

    @Transactional
    public boolean setPublished(long id, boolean published) {
        return ownArticle(id)
                .map(article -> {
                    if (published) {
                        article.publish(Instant.now());
                    } else {
                        article.unpublish();
                    }
                    article.updatedAt = Instant.now();
                    audit.recordByCurrentUser(
                            AuditAction.ARTICLE,
                            (published ? "Published" : "Unpublished") + " the article “" + Bidi.isolate(article.title)
                                    + "”");
                    return true;
                })
                .orElse(false);
    }

    @Transactional
    public boolean setCommentsOpen(long id, boolean open) {
        return ownArticle(id)
                .map(article -> {
                    article.commentsOpen = open;
                    article.updatedAt = Instant.now();
                    audit.recordByCurrentUser(
                            AuditAction.ARTICLE,
                            (open ? "Opened" : "Closed") + " comments on the article “" + Bidi.isolate(article.title)
                                    + "”");
                    return true;
                })
                .orElse(false);
    }

    @Transactional
    public Optional<ArticleRow> row(long id) {
        return ownArticle(id).map(a -> rowOf(a, Comment.countApproved(a)));
    }

    private static ArticleRow rowOf(Article a, long approvedComments) {
        return new ArticleRow(
                a.id, a.slug, a.title, a.isPublished(), a.commentsOpen, a.publishedAt, a.updatedAt, approvedComments);
    }

    /** Deletes the article and all its comments. */
    @Transactional
    public boolean delete(long id) {
        return ownArticle(id)
                .map(article -> {
                    audit.recordByCurrentUser(
                            AuditAction.ARTICLE,
                            "Deleted the article “" + Bidi.isolate(article.title) + "” and its "
                                    + Comment.count("article", article) + " comments");
                    article.delete();
                    return true;
                })
                .orElse(false);
    }

    private static String freeSlugLike(String base) {
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (Article.findBySlug(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    /**
     * One of Parley's own articles: a thread under another site's page is an article row too, but it is the
     * owner's to change in Sites, not in the article editor (its address and key belong to the host page).
     */
    private static Optional<Article> ownArticle(long id) {
        return Article.<Article>findByIdOptional(id).filter(article -> !article.isEmbedded());
    }
}
