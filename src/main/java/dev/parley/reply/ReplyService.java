package dev.parley.reply;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentEvent;
import dev.parley.article.CommentStatus;
import dev.parley.article.ThreadLocator;
import dev.parley.article.ThreadService;
import dev.parley.identity.SignedIn;
import dev.parley.settings.Discussion;
import dev.parley.settings.SettingsService;
import dev.parley.subscription.Subscriptions;
import dev.parley.web.FormState;
import dev.parley.web.FormValidation;
import dev.parley.web.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts readers' comments: checks the form and the discussion rules, refuses duplicates and floods, and
 * lets {@link Screening} decide whether the comment is published, held or spam.
 */
@ApplicationScoped
public class ReplyService {

    static final String PARENT_GONE = "The comment you replied to is not available any more."
            + " Your text is still here: send it again to post it as a new comment.";
    static final String CLOSED = "Comments are closed on this article, so your comment was not posted."
            + " Your text is still here if you want to keep a copy.";
    static final String SIGN_IN_REQUIRED = "Please sign in to comment: this site takes comments from signed-in"
            + " readers only. Your text is still here.";
    static final String DUPLICATE = "You've already said that: this comment is already on this article."
            + " Your text is still here if you want to change it.";
    static final String ANONYMOUS = "Anonymous";
    static final String NO_ADDRESS_FROM_SIGN_IN = "Your sign-in gave Parley no usable email address, so it cannot"
            + " mail you: untick the box to post your comment.";

    @Inject
    FormValidation validation;

    @Inject
    SettingsService settings;

    @Inject
    Screening screening;

    @Inject
    FloodGate flood;

    @Inject
    Event<CommentEvent> events;

    @Inject
    Subscriptions subscriptions;

    @Inject
    ThreadService threads;

    /**
     * Validates and stores a comment. The transaction commits before this method returns, so the reader is
     * only told "posted" once the comment is safely stored.
     */
    @Transactional
    PostOutcome post(ThreadLocator thread, ReplyForm form, Origin origin, Optional<SignedIn> reader) {
        String slug = thread.slug();
        Optional<Article> found = thread.locate();
        if (found.isEmpty()) {
            return new PostOutcome.NoSuchArticle();
        }
        Article article = found.get();
        Discussion rules = settings.discussion();
        Instant now = Instant.now();
        Optional<Long> parentId = form.parentId();
        if (!article.acceptsComments(rules, now)) {
            return refused(PostOutcome.Reason.CLOSED, CLOSED, null);
        }
        if (rules.requireSignIn() && reader.isEmpty()) {
            return refused(PostOutcome.Reason.SIGN_IN_REQUIRED, SIGN_IN_REQUIRED, parentId.orElse(null));
        }
        form.normalizeLineBreaks();
        Optional<Comment> sameKey = withKey(form.requestKeyOrNull());
        if (sameKey.isPresent() && isSameSubmission(sameKey.get(), slug, form)) {
            // The same form sent twice (a double click, a retried request): the first one stands.
            return new PostOutcome.Posted(sameKey.get().id);
        }
        Map<String, String> errors = validation.errorsOf(form);
        if (reader.isPresent()) {
            // Signed in (with a provider or a staff account): name and email come from the sign-in, not from
            // the (absent) guest fields.
            errors.keySet().removeAll(Set.of("author", "email", "url"));
        } else if (!rules.requireNameEmail()) {
            if (isBlank(form.author)) {
                errors.remove("author");
            }
            if (isBlank(form.email)) {
                errors.remove("email");
            }
        }
        String mailTo = null;
        if (form.wantsFollowUps() || form.wantsApprovalMail()) {
            // Mail goes to the address typed (guests) or the one the sign-in gave (signed-in readers and staff).
            mailTo = reader.isPresent() ? reader.get().email() : form.email;
            Optional<String> problem = Subscriptions.problemWith(mailTo);
            if (problem.isPresent()) {
                if (reader.isPresent()) {
                    errors.put(ReplyForm.SUBSCRIBE_COMMENTS, NO_ADDRESS_FROM_SIGN_IN);
                } else {
                    errors.putIfAbsent("email", problem.get());
                }
            }
        }
        if (!form.parentReadable() || parentId.isPresent() && !isApprovedCommentOf(article, parentId.get())) {
            errors.put(FormState.GLOBAL, PARENT_GONE);
            return new PostOutcome.NotPosted(PostOutcome.Reason.INVALID, errors, null);
        }
        if (!errors.isEmpty()) {
            return new PostOutcome.NotPosted(PostOutcome.Reason.INVALID, errors, parentId.orElse(null));
        }
        Comment comment = newComment(article, parentId, form, origin, reader, now);
        boolean staff = screening.isStaff(reader);
        comment.byStaff = staff;
        if (sameKey.isPresent()) {
            // A form brought back (the Back button) with other text: a new comment, and the key stays with the first.
            comment.requestKey = null;
        }
        if (isDuplicate(comment)) {
            return refused(PostOutcome.Reason.DUPLICATE, DUPLICATE, parentId.orElse(null));
        }
        if (!staff
                && !flood.admit(
                        FloodGate.keysOf(comment.authorIp, comment.authorEmail),
                        Duration.ofSeconds(rules.floodSeconds()),
                        now)) {
            return refused(PostOutcome.Reason.TOO_SOON, tooSoon(rules.floodSeconds()), parentId.orElse(null));
        }
        Verdict verdict = screening.screen(comment, form, reader, rules, now);
        comment.status = verdict.status();
        comment.reasons = verdict.storedReasons();
        if (article.id == null) {
            // The first comment on a page of another site creates its thread: never a page view, never a
            // refused comment.
            article.persist();
        }
        comment.persist();
        events.fire(CommentEvent.posted(comment.id, comment.status));
        Subscriptions.Answer mail = null;
        if (mailTo != null && comment.status != CommentStatus.SPAM) {
            // Spam is answered as if posted (bots are not told), and asks for no mail.
            Long approval = form.wantsApprovalMail() && comment.status == CommentStatus.PENDING ? comment.id : null;
            if (form.wantsFollowUps() || approval != null) {
                mail = subscriptions.subscribe(article, mailTo, comment.identityId, form.wantsFollowUps(), approval);
            }
        }
        String link = threads.linkToNewComment(comment, rules).orElseGet(() -> Routes.commentPage(slug, 1));
        return new PostOutcome.Posted(comment.id, mail, link);
    }

    /** The comment an earlier submission of this very form (same key, article and text) made, if any. */
    @Transactional
    Optional<Long> postedWith(String slug, ReplyForm form) {
        form.normalizeLineBreaks();
        return withKey(form.requestKeyOrNull())
                .filter(c -> isSameSubmission(c, slug, form))
                .map(c -> c.id);
    }

    private static Optional<Comment> withKey(String requestKey) {
        return requestKey == null
                ? Optional.empty()
                : Comment.<Comment>find("requestKey", requestKey).firstResultOptional();
    }

    private static boolean isSameSubmission(Comment earlier, String slug, ReplyForm form) {
        return earlier.article.slug.equals(slug)
                && form.comment != null
                && Comment.hashOf(form.comment.strip()).equals(earlier.bodyHash);
    }

    private static Comment newComment(
            Article article,
            Optional<Long> parentId,
            ReplyForm form,
            Origin origin,
            Optional<SignedIn> reader,
            Instant now) {
        Comment comment = new Comment();
        comment.article = article;
        comment.parentId = parentId.orElse(null);
        if (reader.isPresent()) {
            SignedIn who = reader.get();
            comment.identityId = who.identityId();
            comment.authorName = who.displayName();
            comment.authorEmail = who.email();
        } else {
            comment.authorName = isBlank(form.author) ? ANONYMOUS : form.author.strip();
            comment.authorEmail = ReplyForm.trimmedOrNull(form.email);
            comment.authorUrl = ReplyForm.trimmedOrNull(form.url);
        }
        comment.body = form.comment.strip();
        comment.bodyHash = Comment.hashOf(comment.body);
        comment.requestKey = form.requestKeyOrNull();
        comment.authorIp = origin.ip();
        comment.userAgent = origin.userAgent();
        comment.authorTokenHash = origin.authorTokenHash();
        comment.createdAt = now;
        return comment;
    }

    /**
     * The same text by the same author on the same article, published or held. Spam is left out, so that a
     * banned reader is never told about a comment they cannot see.
     */
    private static boolean isDuplicate(Comment c) {
        if (c.article.id == null) {
            return false; // a thread not created yet has no comments
        }
        String author;
        Object who;
        if (c.identityId != null) {
            author = "identityId";
            who = c.identityId;
        } else if (c.authorEmail != null) {
            author = "lower(authorEmail)";
            who = c.authorEmail.toLowerCase(java.util.Locale.ROOT);
        } else {
            author = "authorName";
            who = c.authorName;
        }
        return Comment.exists(
                "article = ?1 and bodyHash = ?2 and (status = ?3 or status = ?4) and " + author + " = ?5",
                c.article,
                c.bodyHash,
                CommentStatus.PENDING,
                CommentStatus.APPROVED,
                who);
    }

    /** The flood answer, for a post that lost the race for a flood key to another post a moment ago. */
    PostOutcome tooSoon(ReplyForm form) {
        return refused(
                PostOutcome.Reason.TOO_SOON,
                tooSoon(settings.discussion().floodSeconds()),
                form.parentId().orElse(null));
    }

    private static String tooSoon(int seconds) {
        return "You are posting comments too quickly: please wait " + seconds
                + " seconds between comments, then send it again. Your text is still here.";
    }

    private static PostOutcome refused(PostOutcome.Reason reason, String message, Long replyTo) {
        return new PostOutcome.NotPosted(reason, Map.of(FormState.GLOBAL, message), replyTo);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isApprovedCommentOf(Article article, long commentId) {
        Comment parent = Comment.findById(commentId);
        return parent != null
                && article.id != null
                && parent.article.id.equals(article.id)
                && parent.status == CommentStatus.APPROVED;
    }
}
