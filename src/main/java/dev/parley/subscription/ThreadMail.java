package dev.parley.subscription;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentEvent;
import dev.parley.article.CommentStatus;
import dev.parley.article.CommentText;
import dev.parley.article.ThreadService;
import dev.parley.mail.MailComposer;
import dev.parley.mail.Outbox;
import dev.parley.mail.PublicLinks;
import dev.parley.web.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Mails readers when a comment is published (a new approved comment, or a held one a moderator approved): every
 * confirmed follower of the thread but the comment's own author, and the author who asked to hear when it was
 * approved. Queued in the transaction that published it, so it is sent exactly when the comment is public. Held,
 * spam and trashed comments mail nobody. Mails name authors only; no reader's address is ever in another's mail.
 */
@ApplicationScoped
public class ThreadMail {

    @Inject
    Outbox outbox;

    @Inject
    MailComposer composer;

    @Inject
    ReaderLinks links;

    @Inject
    PublicLinks publicLinks;

    @Inject
    Subscriptions subscriptions;

    @Inject
    ThreadService threads;

    void onComment(@Observes CommentEvent event) {
        if (event.to() == null || event.to() == CommentStatus.SPAM || event.to() == CommentStatus.TRASH) {
            // A held comment that will not be published: nobody is waiting to hear about it any more.
            Subscription.delete("kind = ?1 and commentId = ?2", SubscriptionKind.APPROVAL, event.commentId());
            return;
        }
        if (event.to() != CommentStatus.APPROVED || event.from() == CommentStatus.APPROVED || !outbox.configured()) {
            return;
        }
        Comment comment = Comment.findById(event.commentId());
        if (comment == null || comment.article == null || comment.article.id == null) {
            return;
        }
        Article article = comment.article;
        String sender = subscriptions.senderName(article);
        String link = linkTo(article, comment);
        Map<String, Object> data = new HashMap<>();
        data.put("title", article.title);
        data.put("authorName", comment.authorName);
        data.put("createdAt", comment.createdAt);
        data.put("text", comment.body);
        data.put("commentHtml", CommentText.toHtml(comment.body));
        data.put("link", link);
        Set<Long> mailed = new HashSet<>();
        List<Subscription> approvals =
                Subscription.list("kind = ?1 and commentId = ?2", SubscriptionKind.APPROVAL, comment.id);
        for (Subscription approval : approvals) {
            MailAddress address = MailAddress.findById(approval.addressId);
            if (event.from() != null && address != null && address.confirmed() && mailed.add(address.id)) {
                send(
                        address,
                        approval,
                        "comment-approved",
                        "Your comment on “" + article.title + "” is now published",
                        data,
                        "You get this mail because you asked to hear when your comment was approved.",
                        sender);
            }
            // Asked once, for this comment: done now that it is public.
            approval.delete();
        }
        String authorEmail =
                comment.authorEmail == null ? null : comment.authorEmail.strip().toLowerCase(Locale.ROOT);
        List<Subscription> followers =
                Subscription.list("articleId = ?1 and kind = ?2 order by id", article.id, SubscriptionKind.FOLLOW);
        for (Subscription follower : followers) {
            MailAddress address = MailAddress.findById(follower.addressId);
            boolean ownComment = address != null && address.email.equals(authorEmail)
                    || follower.identityId != null && follower.identityId.equals(comment.identityId);
            if (address == null || !address.confirmed() || ownComment || !mailed.add(address.id)) {
                continue;
            }
            send(
                    address,
                    follower,
                    "new-comment",
                    "New comment on “" + article.title + "”",
                    data,
                    "You get this mail because you follow the comments on “" + article.title + "”.",
                    sender);
        }
    }

    private void send(
            MailAddress address,
            Subscription subscription,
            String template,
            String subject,
            Map<String, Object> data,
            String footer,
            String sender) {
        outbox.enqueue(composer.compose(
                new MailComposer.Draft(
                        template,
                        address.email,
                        subject,
                        template,
                        data,
                        footer,
                        links.manageUrl(address),
                        links.unsubscribeUrl(subscription),
                        false),
                sender));
    }

    /** The comment on its page: the host page for another site's thread, Parley's article page otherwise. */
    private String linkTo(Article article, Comment comment) {
        String link = threads.linkToComment(article.slug, comment.id, null)
                .orElseGet(() -> article.isEmbedded() && article.pageUrl != null
                        ? article.pageUrl + "#comment-" + comment.id
                        : Routes.comment(article.slug, 1, comment.id));
        return link.startsWith("/") ? publicLinks.absolute(link) : link;
    }
}
