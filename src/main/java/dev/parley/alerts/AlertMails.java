package dev.parley.alerts;

import dev.parley.article.Comment;
import dev.parley.identity.ReaderIdentity;
import dev.parley.identity.StaffAlerts.Member;
import dev.parley.mail.MailComposer;
import dev.parley.mail.MailHeaders;
import dev.parley.mail.MailTokens;
import dev.parley.mail.Message;
import dev.parley.mail.PublicLinks;
import dev.parley.mail.TokenPurpose;
import dev.parley.moderation.QueueItem;
import dev.parley.moderation.QueueReader;
import dev.parley.site.Site;
import dev.parley.web.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes the mails moderators get: one comment, or a digest of several, with this moderator's own links. */
@ApplicationScoped
class AlertMails {

    /** How long a one-click link works: a week, long enough to come back from a weekend. */
    static final Duration LINKS_WORK_FOR = Duration.ofDays(7);

    @Inject
    QueueReader queue;

    @Inject
    MailComposer composer;

    @Inject
    MailTokens tokens;

    @Inject
    PublicLinks links;

    /** A comment ready to be put into mails, with the name the mail is sent in. */
    record Prepared(AlertItem item, String senderName, String articleTitle) {}

    /** Reads the comment as moderators see it, in the caller's transaction. */
    Optional<Prepared> prepare(long commentId, String why) {
        Comment comment = Comment.findById(commentId);
        if (comment == null) {
            return Optional.empty();
        }
        // Reports and decisions change comments by bulk updates: read what the database has now (the version the
        // links carry included), not what this transaction loaded before.
        Comment.getEntityManager().flush();
        Comment.getEntityManager().refresh(comment);
        QueueItem item = queue.item(commentId).orElse(null);
        if (item == null) {
            return Optional.empty();
        }
        String articleUrl = comment.article.pageUrl != null
                ? comment.article.pageUrl
                : links.absolute(Routes.article(comment.article.slug));
        String provider = comment.identityId == null
                ? null
                : ReaderIdentity.<ReaderIdentity>findByIdOptional(comment.identityId)
                        .map(r -> r.providerName)
                        .orElse(null);
        String sender = comment.article.siteId == null
                ? composer.siteName()
                : Site.<Site>findByIdOptional(comment.article.siteId)
                        .map(s -> s.name)
                        .orElse(composer.siteName());
        AlertItem alert = new AlertItem(
                item,
                why,
                comment.body,
                articleUrl,
                provider,
                links.absolute(Routes.moderatedComment(commentId)),
                List.of());
        return Optional.of(new Prepared(alert, sender, comment.article.title));
    }

    /** Whether the member's address can go into a To header (a provider's address is taken as it came). */
    static boolean canMail(Member member) {
        return member.email() != null
                && !member.email().isBlank()
                && member.email().length() <= 320
                && MailHeaders.isHeaderSafe(member.email());
    }

    /** Whether the comment is this staff member's own: nobody is alerted about what they wrote themselves. */
    static boolean isOwn(QueueItem item, Member member) {
        if (member.identityId() != null) {
            return member.identityId().equals(item.identityId());
        }
        // A local account comments as itself (marked as staff) with its own address; a guest who types a
        // moderator's address is not that moderator and does not silence their mail.
        return item.byStaff()
                && item.identityId() == null
                && item.authorEmail() != null
                && item.authorEmail().equalsIgnoreCase(member.email());
    }

    /** This moderator's one-click links for the decisions that apply to the comment as the mail shows it. */
    AlertItem withLinksFor(AlertItem alert, Member member) {
        List<AlertItem.Link> made = new ArrayList<>();
        for (OneClick action : OneClick.values()) {
            if (!alert.item().offers(action.decision)) {
                continue;
            }
            String token = tokens.issue(
                    TokenPurpose.MODERATE,
                    alert.item().id(),
                    action.scope(alert.item().version()),
                    new MailTokens.Recipient(member.accountId(), member.identityId()),
                    LINKS_WORK_FOR);
            String label = action == OneClick.APPROVE
                    ? alert.item().label(action.decision)
                    : action == OneClick.SPAM ? "Spam" : "Trash";
            made.add(new AlertItem.Link(label, links.absolute(Routes.mailDecision(token))));
        }
        return alert.withLinks(made);
    }

    /** The mail about one comment. */
    Message single(Prepared prepared, Member member, String kind, String subject, String intro) {
        AlertItem item = withLinksFor(prepared.item(), member);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("intro", intro);
        data.put("items", List.of(item));
        data.put("more", 0);
        data.put("queueUrl", links.absolute(Routes.moderation()));
        data.put("expires", "The links work once, for " + LINKS_WORK_FOR.toDays() + " days.");
        return composer.compose(
                new MailComposer.Draft(
                        kind,
                        member.email(),
                        subject,
                        "alert",
                        data,
                        "You get this mail because you moderate comments here and chose a mail for each comment"
                                + " that waits for you.",
                        links.absolute(Routes.account()),
                        null,
                        true),
                prepared.senderName());
    }

    /** A digest: the comments that came since the last one, the first {@code shown} with links. */
    Message digest(List<Prepared> items, int total, Member member, String subject, String intro, String how) {
        List<AlertItem> withLinks =
                items.stream().map(p -> withLinksFor(p.item(), member)).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("intro", intro);
        data.put("items", withLinks);
        data.put("more", total - items.size());
        data.put("queueUrl", links.absolute(Routes.moderation()));
        data.put("expires", "The links work once, for " + LINKS_WORK_FOR.toDays() + " days.");
        return composer.compose(new MailComposer.Draft(
                "alert-digest",
                member.email(),
                subject,
                "alert",
                data,
                "You get this mail because you moderate comments here and chose " + how.toLowerCase(Locale.ROOT) + ".",
                links.absolute(Routes.account()),
                null,
                true));
    }
}
