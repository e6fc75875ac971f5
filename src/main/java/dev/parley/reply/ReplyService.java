package dev.parley.reply;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.identity.SignedIn;
import dev.parley.provider.ProviderService;
import dev.parley.web.FormState;
import dev.parley.web.FormValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Posts readers' comments. Every new comment is held for moderation. */
@ApplicationScoped
public class ReplyService {

    static final String PARENT_GONE = "The comment you replied to is not available any more."
            + " Your text is still here: send it again to post it as a new comment.";
    static final String CLOSED = "Comments are closed on this article, so your comment was not posted."
            + " Your text is still here if you want to keep a copy.";

    @Inject
    FormValidation validation;

    @Inject
    ProviderService providers;

    /**
     * Validates and stores a comment. The transaction commits before this method returns, so the
     * reader is only told "posted" once the comment is safely stored.
     */
    @Transactional
    PostOutcome post(String slug, ReplyForm form, Origin origin, Optional<SignedIn> reader) {
        Optional<Article> found = Article.findPublished(slug);
        if (found.isEmpty()) {
            return new PostOutcome.NoSuchArticle();
        }
        Article article = found.get();
        if (!article.commentsOpen) {
            return new PostOutcome.NotPosted(PostOutcome.Reason.CLOSED, Map.of(FormState.GLOBAL, CLOSED), null);
        }
        form.normalizeLineBreaks();
        Map<String, String> errors = validation.errorsOf(form);
        if (reader.isPresent()) {
            // Signed in: name and email come from the provider, not from the (hidden) guest fields.
            errors.keySet().removeAll(java.util.Set.of("author", "email", "url"));
        }
        Optional<Long> parentId = form.parentId();
        if (!form.parentReadable() || parentId.isPresent() && !isApprovedCommentOf(article, parentId.get())) {
            errors.put(FormState.GLOBAL, PARENT_GONE);
            return new PostOutcome.NotPosted(PostOutcome.Reason.INVALID, errors, null);
        }
        if (!errors.isEmpty()) {
            return new PostOutcome.NotPosted(PostOutcome.Reason.INVALID, errors, parentId.orElse(null));
        }
        Comment comment = new Comment();
        comment.article = article;
        comment.parentId = parentId.orElse(null);
        if (reader.isPresent()) {
            SignedIn who = reader.get();
            comment.identityId = who.identityId();
            comment.authorName = who.displayName();
            comment.authorEmail = who.email();
            boolean trusted = who.providerId() != null && providers.publishesDirectly(who.providerId());
            comment.status = trusted ? CommentStatus.APPROVED : CommentStatus.PENDING;
        } else {
            comment.status = CommentStatus.PENDING;
            comment.authorName = form.author.strip();
            comment.authorEmail = form.email.strip();
            comment.authorUrl = ReplyForm.trimmedOrNull(form.url);
        }
        comment.body = form.comment.strip();
        comment.authorIp = origin.ip();
        comment.userAgent = origin.userAgent();
        comment.authorTokenHash = origin.authorTokenHash();
        comment.createdAt = Instant.now();
        comment.persist();
        return new PostOutcome.Posted(comment.id);
    }

    private static boolean isApprovedCommentOf(Article article, long commentId) {
        Comment parent = Comment.findById(commentId);
        return parent != null && parent.article.id.equals(article.id) && parent.status == CommentStatus.APPROVED;
    }
}
