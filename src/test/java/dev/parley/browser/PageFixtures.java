package dev.parley.browser;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.audit.Actor;
import dev.parley.identity.ReaderService;
import dev.parley.moderation.Bans;
import dev.parley.moderation.Decision;
import dev.parley.moderation.ModerationService;
import dev.parley.moderation.Reports;
import dev.parley.provider.ProviderAdminService;
import dev.parley.provider.ProviderKind;
import dev.parley.site.Site;
import dev.parley.support.TestData;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The data every page of {@link PageStates} shows: a thread with replies, every queue tab with items, a ban, a
 * log with changes, a login provider (a singleton, without a client proxy, so that its fields can be read). Names carry bidirectional controls, as hostile readers' names do.
 */
@Singleton
public class PageFixtures {

    /** A name with an unclosed right-to-left override, which must not turn the page's own words around. */
    public static final String REVERSED_NAME = "Eve \u202Eevil";

    @Inject
    TestData data;

    @Inject
    ModerationService moderation;

    @Inject
    Reports reports;

    @Inject
    Bans bans;

    @Inject
    ProviderAdminService providers;

    @Inject
    ReaderService readers;

    public Article thread;
    public Article closed;
    /** The thread of a page on another site, with a comment; and that site's origin. */
    public Article hostThread;

    public String hostOrigin;
    public Article closing;
    public Article vanishing;
    public Comment doomed;
    public Comment first;
    public Comment pending;
    public Comment conflicted;
    public long providerId;
    public Site site;
    public Site emptySite;
    public Article embedded;

    /** Builds it all once (the states only read it, or add to it as a person would). */
    public void build() {
        Actor moderator = new Actor("Moderator \u2067Mo", null, null);
        thread = data.article("Threads \u202Ein a title");
        first = data.comment(thread, null, "Ada", "Is anyone there?\n\nhttps://example.org/ says hello.", approved());
        Comment reply = data.comment(thread, first.id, REVERSED_NAME, "Yes \u202Eme.", approved());
        data.comment(thread, reply.id, "Grace", "A reply to a reply.", approved());
        data.comment(thread, null, "Linus", "A second thread.", approved());
        details(reply.id, "203.0.113.9", "https://eve.example.org/");

        pending = data.comment(thread, first.id, REVERSED_NAME, "Held for moderation.", CommentStatus.PENDING);
        details(pending.id, "203.0.113.7", "https://eve.example.org/a/rather/long/address/that/goes/on");
        conflicted = data.comment(thread, null, "Conflicted", "Someone else decides first.", CommentStatus.PENDING);
        details(conflicted.id, "2001:db8::1", null);
        String longName = "Held-" + "unbroken".repeat(10);
        String longWord = "unbroken".repeat(30);
        Comment wide = data.comment(
                thread, null, longName, longWord + " https://example.org/" + "path/".repeat(40), CommentStatus.PENDING);
        details(wide.id, "2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff", "https://example.org/" + "x".repeat(150));
        Comment spam = data.comment(thread, null, "Spammer", "Buy now", CommentStatus.PENDING);
        Comment trashed = data.comment(thread, null, "Trashed", "Off topic", CommentStatus.PENDING);
        Comment edited = data.comment(thread, null, "Edited", "Before", CommentStatus.PENDING);
        moderation.decide(List.of(pick(spam)), Decision.SPAM, moderator);
        moderation.decide(List.of(pick(trashed)), Decision.REJECT, moderator);
        moderation.decide(List.of(pick(edited)), Decision.APPROVE, moderator);
        reports.report(thread.slug, reply.id, Reports.REASONS.get(0), "reporter-a", Optional.empty(), "198.51.100.1");

        closed = data.article("Closed \u202Efor comments");
        data.comment(closed, null, REVERSED_NAME, "Said before it closed.", approved());
        data.closeComments(closed);

        hostOrigin = "https://blog.example.org";
        hostThread = data.hostThread(
                data.site("The \u202Eblog", hostOrigin), hostOrigin + "/2026/hello/", "Hello \u202Efrom the blog");
        data.comment(hostThread, null, "Ada", "Commented under the blog post.", approved());

        closing = data.article("Closing while a reader writes");
        vanishing = data.article("Unpublished while a reader writes");
        doomed = data.comment(thread, null, "Doomed", "Deleted while a moderator edits it.", CommentStatus.SPAM);

        bans.add("email", "eve\u202E@example.org", "Said \u202Enasty things", "7", moderator);
        bans.add("ip", "203.0.113.66", null, "", moderator);
        site = data.site("Notes \u202Eof mine", "https://notes.example.org", "http://www.example.org:8080");
        embedded = data.embeddedThread(
                site,
                "A page \u202Eelsewhere",
                "https://notes.example.org/2026/11/" + "a-rather-long-address-".repeat(8) + "/");
        data.comment(embedded, null, REVERSED_NAME, "Said on the host page.", approved());
        data.comment(embedded, null, "Host reader", "Waiting on the host page.", CommentStatus.PENDING);
        Article closedThread = data.embeddedThread(site, "Closed on the host", "https://notes.example.org/closed");
        data.closeComments(closedThread);
        emptySite = data.site("Nothing yet", "https://empty.example.org");
        providerId = providers.add(
                ProviderKind.GITHUB, "Git \u202EHub", null, "client", "a secret of the client", null, false);
    }

    public TestData data() {
        return data;
    }

    /** A session token of a reader signed in with the provider, as after a real sign-in. */
    public String readerSession() {
        return readers.signedIn(
                new ReaderService.ProviderProfile(
                        providerId,
                        "Git \u202EHub",
                        "https://github.com",
                        TestData.unique("subject"),
                        "Rita \u202EReader",
                        TestData.unique("reader") + "@example.org",
                        null,
                        false),
                null);
    }

    /** Someone else changes the comment while a moderator looks at it. */
    @Transactional
    public void changeBehindTheModeratorsBack(long commentId) {
        Comment.update("version = version + 1 where id = ?1", commentId);
    }

    /** The owner unpublishes the article while a reader is writing. */
    @Transactional
    public void unpublish(Article article) {
        Article.<Article>findById(article.id).unpublish();
    }

    /** Another moderator deletes the comment for good. */
    @Transactional
    public void delete(Comment comment) {
        Comment.deleteById(comment.id);
    }

    @Transactional
    void details(long commentId, String ip, String url) {
        Comment comment = Comment.findById(commentId);
        comment.authorIp = ip;
        comment.authorUrl = url;
    }

    @Transactional
    ModerationService.Pick pick(Comment comment) {
        return new ModerationService.Pick(comment.id, Comment.<Comment>findById(comment.id).version);
    }

    private static CommentStatus approved() {
        return CommentStatus.APPROVED;
    }

    @Inject
    dev.parley.mail.MailTokens mailTokens;

    /** A moderator's one-click link from a mail, fresh, for the held comment (its confirmation page). */
    public String decisionLink(String action) {
        String email = data.moderator();
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Comment comment = Comment.findById(pending.id);
            long accountId = dev.parley.identity.Account.findByEmail(email).orElseThrow().id;
            String token = mailTokens.issue(
                    dev.parley.mail.TokenPurpose.MODERATE,
                    comment.id,
                    action + ":" + comment.version,
                    new dev.parley.mail.MailTokens.Recipient(accountId, null),
                    java.time.Duration.ofDays(7));
            return dev.parley.web.Routes.mailDecision(token);
        });
    }
}
