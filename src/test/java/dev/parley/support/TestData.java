package dev.parley.support;

import dev.parley.article.Article;
import dev.parley.article.BodyFormat;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.audit.Actor;
import dev.parley.identity.Account;
import dev.parley.identity.AccountRole;
import dev.parley.identity.AccountService;
import dev.parley.identity.ReaderService;
import dev.parley.identity.SessionService;
import dev.parley.moderation.Ban;
import dev.parley.moderation.PurgeMark;
import dev.parley.provider.LoginProvider;
import dev.parley.provider.ProviderKind;
import dev.parley.reply.FloodMark;
import dev.parley.settings.SettingsForm;
import dev.parley.settings.SettingsService;
import dev.parley.site.PageAddresses;
import dev.parley.site.Site;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Builds the data a test needs, with unique names so that tests never depend on each other. */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicLong CLOCK =
            new AtomicLong(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());

    @Inject
    AccountService accounts;

    @Inject
    SettingsService settings;

    @Inject
    ReaderService readers;

    /**
     * The discussion settings every test starts from: production defaults, except that flood control and the
     * minimum writing time are off, since tests post many comments from one address within milliseconds.
     * Tests that change settings call this afterwards.
     */
    public void baselineSettings() {
        settings(form -> {});
    }

    /** The baseline settings with some changed, as the owner would save them. */
    public void settings(Consumer<SettingsForm> change) {
        Map<String, String> errors = settings.change(
                form -> {
                    form.threadDepth = "5";
                    form.publishPolicy = "HOLD_ALL";
                    form.requireNameEmail = "yes";
                    form.requireSignIn = null;
                    form.holdLinks = "2";
                    form.moderationWords = "";
                    form.disallowedWords = "";
                    form.closeAfterDays = "0";
                    form.commentsPerPage = "50";
                    form.order = "oldest";
                    form.floodSeconds = "0";
                    form.minFormSeconds = "0";
                    form.reportThreshold = "3";
                    form.trashDays = "30";
                    form.spamDays = "15";
                    form.ipDays = "30";
                    change.accept(form);
                },
                Actor.SYSTEM);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Test settings refused: " + errors);
        }
    }

    void startFromBaseline(@Observes StartupEvent start) {
        baselineSettings();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Inject
    dev.parley.site.SiteRegistry sites;

    /** A registered site whose pages may carry threads, in effect at once. */
    public dev.parley.site.Site site(String name, String... origins) {
        dev.parley.site.Site site = storeSite(name, origins);
        sites.refresh();
        return site;
    }

    @Transactional
    dev.parley.site.Site storeSite(String name, String... origins) {
        dev.parley.site.Site site = new dev.parley.site.Site();
        site.name = name;
        site.origins = String.join("\n", origins);
        site.createdAt = Instant.now();
        site.persist();
        return site;
    }

    /** The thread of a page of a registered site, as its first comment would have made it. */
    @Transactional
    public Article hostThread(dev.parley.site.Site site, String canonicalUrl, String title) {
        Article thread = dev.parley.site.PageThreads.unsaved(
                new dev.parley.site.PageThreads.PageAddress(site.id, canonicalUrl, "url:" + canonicalUrl, title),
                title);
        thread.persist();
        return thread;
    }

    /** The threads of a site's pages, oldest first. */
    @Transactional
    public java.util.List<Article> threadsOf(dev.parley.site.Site site) {
        return Article.list("siteId = ?1 order by id", site.id);
    }

    @Transactional
    public Article article(String title) {
        Article article = new Article();
        article.title = title;
        article.slug = unique("article");
        article.body = "The body of " + title + ".";
        article.bodyFormat = BodyFormat.PLAIN;
        article.commentsOpen = true;
        Instant now = Instant.now();
        article.createdAt = now;
        article.updatedAt = now;
        article.publish(now);
        article.persist();
        return article;
    }

    /** An article first published at the given time (comments may close on old articles). */
    @Transactional
    public Article articlePublishedAt(String title, Instant publishedAt) {
        Article article = article(title);
        Article stored = Article.findById(article.id);
        stored.publishedAt = publishedAt;
        return stored;
    }

    /** An origin of its own for a test's site ({@code https://blog-1a2b3c4d.example.org}): an origin has one site. */
    public static String uniqueOrigin(String prefix) {
        return "https://" + unique(prefix).toLowerCase() + ".example.org";
    }

    /**
     * A thread on a page of the site, as its first comment creates it, at the page's canonical address under the
     * site's rules.
     */
    public Article embeddedThread(Site site, String title, String pageUrl) {
        Site stored = findSite(site.id);
        PageAddresses.Result result = stored.addresses().canonical(pageUrl);
        if (!(result instanceof PageAddresses.Canonical canonical)) {
            throw new IllegalArgumentException(pageUrl + ": " + result);
        }
        return hostThread(stored, canonical.url(), title);
    }

    @Transactional
    Site findSite(long id) {
        return Site.findById(id);
    }

    @Transactional
    public Article findArticle(long id) {
        return Article.findById(id);
    }

    @Transactional
    public void keepCommentsOpen(Article article) {
        Article.<Article>findById(article.id).commentsAlwaysOpen = true;
    }

    @Transactional
    public void setStatus(long commentId, CommentStatus status) {
        Comment.<Comment>findById(commentId).status = status;
    }

    /** As if enough readers reported it: hidden from the thread until a moderator decides. */
    @Transactional
    public void hideByReports(long commentId) {
        Comment comment = Comment.findById(commentId);
        comment.reportCount = 3;
        comment.reportedAt = Instant.now();
        comment.hiddenByReports = true;
    }

    @Transactional
    public void closeComments(Article article) {
        Article.<Article>findById(article.id).commentsOpen = false;
    }

    /** A comment stored directly, as if posted and decided earlier. */
    @Transactional
    public Comment comment(Article article, Long parentId, String author, String text, CommentStatus status) {
        return storedComment(Article.findById(article.id), parentId, author, text, status);
    }

    /**
     * {@code count} comments stored at once, as readers would have written them over time: every eighth starts a
     * new top-level thread, the others answer the comment before them, nesting past the thread depth.
     */
    @Transactional
    public java.util.List<Comment> threadedComments(Article article, int count, CommentStatus status) {
        Article stored = Article.findById(article.id);
        java.util.List<Comment> comments = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long parentId = i % 8 == 0 ? null : comments.get(i - 1).id;
            comments.add(storedComment(stored, parentId, "Thread reader " + i, "Comment number " + i + ".", status));
        }
        return comments;
    }

    /** One top-level comment and {@code replies} approved answers under it, half to it, half to the answer before. */
    @Transactional
    public Comment oneLongThread(Article article, int replies) {
        Article stored = Article.findById(article.id);
        Comment root =
                storedComment(stored, null, "Thread opener", "The comment everyone answers.", CommentStatus.APPROVED);
        Comment previous = root;
        for (int i = 0; i < replies; i++) {
            Long parentId = i % 2 == 0 ? root.id : previous.id;
            previous = storedComment(
                    stored, parentId, "Thread replier " + i, "Answer number " + i + ".", CommentStatus.APPROVED);
        }
        return root;
    }

    /**
     * {@code count} pending comments as the queue meets them, posted just now: replies to an approved comment,
     * comments sent back to the queue by a moderator, reported ones, and plain new ones.
     */
    @Transactional
    public void pendingMix(Article article, int count) {
        Article stored = Article.findById(article.id);
        Comment answered =
                storedComment(stored, null, "Queue parent", "A comment readers answer.", CommentStatus.APPROVED);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            Comment comment = storedComment(
                    stored,
                    i % 3 == 0 ? answered.id : null,
                    "Queued reader " + i,
                    "Held number " + i + ".",
                    CommentStatus.PENDING);
            // Just before now, never after: a later test's comments stay the newest of the site.
            comment.createdAt = now.minusMillis(count - i);
            comment.authorIp = "203.0.113." + (i % 250 + 1);
            if (i % 4 == 1) {
                comment.decidedAt = now;
                comment.reasons = "every comment is held for approval";
            }
            if (i % 5 == 2) {
                comment.reportCount = 1;
                comment.reportedAt = comment.createdAt;
            }
        }
    }

    private static Comment storedComment(
            Article article, Long parentId, String author, String text, CommentStatus status) {
        Comment comment = new Comment();
        comment.article = article;
        comment.parentId = parentId;
        comment.status = status;
        comment.authorName = author;
        comment.authorEmail = author.toLowerCase().replace(' ', '.') + "@example.org";
        comment.body = text;
        // Strictly increasing times keep "oldest first" unambiguous.
        comment.createdAt = Instant.ofEpochMilli(CLOCK.addAndGet(1000));
        comment.persist();
        return comment;
    }

    @Transactional
    public CommentStatus statusOf(long commentId) {
        return Comment.<Comment>findById(commentId).status;
    }

    /**
     * Dates the comments as posted just now, in this order: the newest of the whole site, whatever other tests
     * posted before (the rule trial looks at the site's last comments).
     */
    @Transactional
    public void postedJustNow(Comment... comments) {
        Instant now = Instant.now();
        for (int i = 0; i < comments.length; i++) {
            Comment.update("createdAt = ?1 where id = ?2", now.plusMillis(i), comments[i].id);
        }
    }

    @Transactional
    public long commentsBy(String authorName, Article article) {
        return Comment.count("authorName = ?1 and article.id = ?2", authorName, article.id);
    }

    @Transactional
    public long commentsOn(Article article) {
        return Comment.count("article.id", article.id);
    }

    /** The newest comment by this author. */
    @Transactional
    public Comment latestCommentBy(String authorName) {
        return Comment.<Comment>find("authorName = ?1 order by id desc", authorName)
                .firstResult();
    }

    /**
     * Forgets when each address last posted. Every test posts from 127.0.0.1, so a flood-control test starts
     * from a clean slate rather than from the previous test's posts.
     */
    @Transactional
    public void forgetFloodMarks() {
        FloodMark.deleteAll();
    }

    @Transactional
    public void liftAllBans() {
        Ban.deleteAll();
    }

    /** A comment stored with the given times, as if posted and decided that long ago. */
    @Transactional
    public Comment oldComment(Article article, CommentStatus status, Instant createdAt, Instant decidedAt, String ip) {
        Comment comment = new Comment();
        comment.article = Article.findById(article.id);
        comment.status = status;
        comment.authorName = unique("Old");
        comment.authorEmail = "old@example.org";
        comment.authorIp = ip;
        comment.userAgent = ip == null ? null : "Test agent";
        comment.body = "old " + comment.authorName;
        comment.createdAt = createdAt;
        comment.decidedAt = decidedAt;
        comment.persist();
        return comment;
    }

    /** Starts the IP purge from the beginning again (tests insert comments dated in the past). */
    @Transactional
    public void resetPurgeMarks() {
        PurgeMark.deleteAll();
    }

    /** The comment as stored now, or {@code null} when it was deleted. */
    @Transactional
    public Comment findComment(long id) {
        return Comment.findById(id);
    }

    @Transactional
    public long commentsBy(String authorName) {
        return Comment.count("authorName", authorName);
    }

    /** The one comment by this author on this article (readers who sign in keep their name across tests). */
    @Transactional
    public Comment onlyCommentOn(Article article, String authorName) {
        return Comment.find("article.id = ?1 and authorName = ?2", article.id, authorName)
                .singleResult();
    }

    @Transactional
    public Comment onlyCommentBy(String authorName) {
        return Comment.find("authorName", authorName).singleResult();
    }

    /**
     * Signs a reader in as a login provider would have, without the provider: the state after a real
     * sign-in (proven against Keycloak in the provider tests), for tests of what signed-in readers may do.
     * The provider row is switched off, so no other test sees its button.
     */
    public void signInReader(Browser browser, String name) {
        signInReader(browser, name, false);
    }

    /** A signed-in reader with this address, which their provider did or did not say it verified. */
    public void signInReader(Browser browser, String name, String email, boolean emailVerified) {
        String token = readers.signedIn(
                new ReaderService.ProviderProfile(
                        quietProvider(),
                        "Test provider",
                        "https://issuer.test",
                        unique("subject"),
                        name,
                        email,
                        null,
                        false,
                        emailVerified),
                null);
        browser.setCookie(SessionService.COOKIE, token);
    }

    /** A signed-in reader whose provider says they are a moderator (when the owner lets it). */
    public void signInReader(Browser browser, String name, boolean claimsModerator) {
        String token = readers.signedIn(
                new ReaderService.ProviderProfile(
                        quietProvider(),
                        "Test provider",
                        "https://issuer.test",
                        unique("subject"),
                        name,
                        unique("reader") + "@example.org",
                        null,
                        claimsModerator),
                null);
        browser.setCookie(SessionService.COOKIE, token);
    }

    /** A reader as a login provider would have recorded them, without a session yet. */
    public dev.parley.identity.ReaderIdentity reader(String name) {
        return readers.recorded(new ReaderService.ProviderProfile(
                quietProvider(),
                "Test provider",
                "https://issuer.test",
                unique("subject"),
                name,
                unique("reader") + "@example.org",
                null,
                false));
    }

    @Transactional
    long quietProvider() {
        return LoginProvider.<LoginProvider>find("displayName", "Quiet test provider")
                .firstResultOptional()
                .orElseGet(() -> {
                    LoginProvider provider = new LoginProvider();
                    provider.kind = ProviderKind.OIDC;
                    provider.displayName = "Quiet test provider";
                    provider.buttonLabel = "Quiet";
                    provider.issuerUrl = "https://issuer.test";
                    provider.clientId = "parley";
                    provider.enabled = false;
                    provider.position = 99;
                    provider.updatedAt = Instant.now();
                    provider.persist();
                    return provider;
                })
                .id;
    }

    /** A browser signed in as a new moderator. */
    public Browser moderatorBrowser() {
        Browser browser = new Browser();
        browser.signIn(moderator(), PASSWORD);
        return browser;
    }

    public String owner() {
        return account(AccountRole.OWNER);
    }

    public String moderator() {
        return account(AccountRole.MODERATOR);
    }

    /** Creates an account and returns its email; its password is {@link #PASSWORD}. */
    public String account(AccountRole role) {
        // A site always has an owner before anyone else; without one, /login leads to the set-up page.
        if (role != AccountRole.OWNER && !accounts.ownerExists()) {
            account(AccountRole.OWNER);
        }
        String email = unique(role.name().toLowerCase()) + "@parley.test";
        accounts.create(email, role.label() + " " + email.substring(0, 12), PASSWORD, role);
        // Staff made for a test get no moderation mail unless the test asks (staffWithAlerts): otherwise every
        // comment held anywhere in the suite would be mailed to every moderator any test ever made.
        mailAlerts(email, dev.parley.identity.MailAlerts.NONE);
        return email;
    }

    /** A staff account that gets the moderation mail it chose, as a real one does. */
    public String staffWithAlerts(AccountRole role, dev.parley.identity.MailAlerts alerts) {
        String email = account(role);
        mailAlerts(email, alerts);
        return email;
    }

    /** Sets an account's choice of moderation mail directly (a digest counts from now). */
    @Transactional
    public void mailAlerts(String email, dev.parley.identity.MailAlerts alerts) {
        Account account = Account.findByEmail(email).orElseThrow();
        account.mailAlerts = alerts;
        account.digestSentAt = alerts.isDigest() ? Instant.now() : null;
    }

    /**
     * No staff member gets mail about comments: each alert is a mail of its own, so what posting costs would depend on
     * how many staff other tests left with alerts on.
     */
    @Transactional
    public void noStaffAlerts() {
        Account.update("mailAlerts = ?1", dev.parley.identity.MailAlerts.NONE);
        dev.parley.identity.ReaderIdentity.update("mailAlerts = ?1", dev.parley.identity.MailAlerts.NONE);
    }

    @Transactional
    public Account accountByEmail(String email) {
        return Account.findByEmail(email).orElseThrow();
    }
}
