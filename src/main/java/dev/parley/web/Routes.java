package dev.parley.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every link Parley prints, in one place: Java code calls {@code Routes.article(slug)}, templates
 * {@code {routes:article(slug)}}.
 *
 * <p>Parley may run under a path of the host site ({@code PARLEY_PATH_PREFIX}, e.g. {@code /comments}). The
 * UPPER_CASE constants are paths inside Parley, as {@code @Path} and request matching see them; every method
 * gives a link as the browser needs it, with the prefix in front. Redirects and pages use the methods only.
 */
@TemplateExtension(namespace = "routes")
public final class Routes {

    private Routes() {}

    /** A path inside Parley as the browser reaches it: with the path prefix, if Parley runs under one. */
    public static String link(String path) {
        return PathPrefix.current().link(path);
    }

    /**
     * A static file of Parley's ({@code /css/embed.css}), as pages link to it: at its fingerprinted address
     * ({@code /assets/<fingerprint>/css/embed.css}), which browsers and CDNs keep for a year (see {@link Assets}).
     */
    public static String asset(String path) {
        return link(Assets.fingerprinted(path.startsWith("/") ? path : "/" + path));
    }

    public static String article(String slug) {
        return link("/articles/" + encode(slug));
    }

    /** A comment on a page of its thread; page 1 needs no query. */
    public static String comment(String slug, int page, long commentId) {
        return commentPage(slug, page).replace("#comments", "") + "#comment-" + commentId;
    }

    public static String commentPage(String slug, int page) {
        return article(slug) + (page <= 1 ? "" : "?cpage=" + page) + "#comments";
    }

    public static String report(String slug, long commentId) {
        return article(slug) + "/comments/" + commentId + "/report";
    }

    public static String replyTo(String slug, long commentId) {
        return article(slug) + "?replytocom=" + commentId + "#respond";
    }

    public static String cancelReply(String slug) {
        return article(slug) + "#respond";
    }

    public static String postComment(String slug) {
        return article(slug) + "/comments";
    }

    /** "Follow this thread" on an article page: mail about new comments without commenting. */
    public static String follow(String slug) {
        return article(slug) + "/follow";
    }

    public static final String HOME = "/";

    /** The thread fragment a host page includes: {@code ?page=<address>[&id=…][&title=…]}. */
    public static final String EMBED_THREAD = "/embed/thread";
    /** Where the reply form inside a host page posts (no CSRF cookie: checked by origin). */
    public static final String EMBED_COMMENTS = "/embed/comments";

    /** The thread fragment's address, as a host's server or script asks for it (with {@code ?page=…}). */
    public static String embedThread() {
        return link(EMBED_THREAD);
    }

    public static String embedComments() {
        return link(EMBED_COMMENTS);
    }

    /** Where "Follow this thread" inside a host page posts (checked by origin, like the reply form). */
    public static final String EMBED_FOLLOW = "/embed/follow";

    public static String embedFollow() {
        return link(EMBED_FOLLOW);
    }

    public static final String SETUP = "/setup";
    public static final String ADMIN = "/admin";
    public static final String SETTINGS = "/admin/settings";
    public static final String ACCOUNTS = "/admin/accounts";
    /** The signed-in staff member's own account: display name and password. */
    public static final String ACCOUNT = "/account";

    public static final String PROVIDERS = "/admin/providers";

    /** The owner's other websites, whose pages carry threads. */
    public static final String SITES = "/admin/sites";

    public static String sites() {
        return link(SITES);
    }

    public static String site(long id) {
        return link(SITES + "/" + id);
    }

    /** A page of the site's list of threads; page 1 needs no query. */
    public static String sitePage(long id, int page) {
        return site(id) + (page <= 1 ? "" : "?page=" + page);
    }

    public static String siteAction(long id, String action) {
        return site(id) + "/" + action;
    }

    /** One embedded thread in the owner's admin: rename, re-address. */
    public static String siteThread(long siteId, long threadId) {
        return site(siteId) + "/threads/" + threadId;
    }

    public static String siteThreadAction(long siteId, long threadId, String action) {
        return siteThread(siteId, threadId) + "/" + action;
    }

    /** Every address of signing in with a login provider starts with this. */
    public static final String SIGN_IN = "/auth/";

    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";

    public static String home() {
        return link(HOME);
    }

    public static String setup() {
        return link(SETUP);
    }

    public static String login() {
        return link(LOGIN);
    }

    public static String logout() {
        return link(LOGOUT);
    }

    /** Log out, but stay signed in at the login provider (to sign in with another account of it). */
    public static String logoutKeepingProvider() {
        return link(LOGOUT + "?keep-provider=true");
    }

    public static String admin() {
        return link(ADMIN);
    }

    public static String settings() {
        return link(SETTINGS);
    }

    public static String settingsTrial() {
        return link(SETTINGS + "/try");
    }

    public static String accounts() {
        return link(ACCOUNTS);
    }

    public static String account() {
        return link(ACCOUNT);
    }

    public static String accountName() {
        return link(ACCOUNT + "/name");
    }

    public static String accountPassword() {
        return link(ACCOUNT + "/password");
    }

    /** Where a staff member's choice of mail about comments is sent. */
    public static String accountAlerts() {
        return link(ACCOUNT + "/alerts");
    }

    public static String providers() {
        return link(PROVIDERS);
    }

    public static String providerDrafts() {
        return link(PROVIDERS + "/drafts");
    }

    public static String moderation() {
        return link(MODERATION);
    }

    public static String decisions() {
        return link(MODERATION + "/decisions");
    }

    public static String bans() {
        return link(BANS);
    }

    public static String log() {
        return link(LOG);
    }

    /** The editor's address for a new article, and where it posts. */
    public static String newArticle() {
        return link("/admin/articles/new");
    }

    public static String articles() {
        return link("/admin/articles");
    }

    /** {@code /auth/{id}/{step}}: start, login, callback, failed; an empty step gives the provider's folder. */
    public static String signIn(long providerId, String step) {
        return link(SIGN_IN + providerId + (step.isEmpty() ? "" : "/" + step));
    }

    /** Whether a path inside Parley (without the prefix) belongs to signing in with a login provider. */
    public static boolean isSignIn(String path) {
        return path.startsWith(SIGN_IN);
    }

    public static String provider(long id) {
        return link(PROVIDERS + "/" + id);
    }

    public static String providerAction(long id, String action) {
        return provider(id) + "/" + action;
    }

    /** A page followed by the notice to show there after a change: {@code /admin?done=saved}. */
    public static String withNotice(String page, String notice) {
        return page + (page.contains("?") ? "&" : "?") + "done=" + encode(notice);
    }

    // --- Mail: the owner's mail page, and the pages links in mails open (no sign-in needed for those) ---
    public static final String MAIL_ADMIN = "/admin/mail";
    /** A moderator's one-click decision from a mail: a confirmation page whose button decides. */
    public static final String MAIL_DECISION = "/mail/decide";
    /** A guest confirming their address (double opt-in). */
    public static final String MAIL_CONFIRM = "/mail/confirm";
    /** A reader's subscriptions, reached by the signed link in every mail. */
    public static final String MAIL_SUBSCRIPTIONS = "/mail/subscriptions";
    /** One-click unsubscribe (RFC 8058: mail clients POST here without a cookie or token). */
    public static final String MAIL_UNSUBSCRIBE = "/mail/unsubscribe";

    public static final String INVITATION = "/invitation";
    public static final String PASSWORD_FORGOT = "/password/forgot";
    public static final String PASSWORD_RESET = "/password/reset";

    public static String mailAdmin() {
        return link(MAIL_ADMIN);
    }

    /** A page of the mail log; page 1 needs no query. */
    public static String mailAdminPage(int page) {
        return mailAdmin() + (page <= 1 ? "" : "?page=" + page) + "#mail-log";
    }

    public static String mailAdminTest() {
        return link(MAIL_ADMIN + "/test");
    }

    /** "Try again now" for one mail of the log. */
    public static String mailAdminRetry(long id) {
        return link(MAIL_ADMIN + "/" + id + "/retry");
    }

    public static String mailDecision(String token) {
        return link(MAIL_DECISION + "/" + encode(token));
    }

    public static String mailConfirm(String token) {
        return link(MAIL_CONFIRM + "/" + encode(token));
    }

    public static String mailSubscriptions(String token) {
        return link(MAIL_SUBSCRIPTIONS + "/" + encode(token));
    }

    public static String mailSubscriptionStop(String token, long subscriptionId) {
        return mailSubscriptions(token) + "/stop/" + subscriptionId;
    }

    public static String mailSubscriptionsStopAll(String token) {
        return mailSubscriptions(token) + "/stop-all";
    }

    public static String mailUnsubscribe(String token) {
        return link(MAIL_UNSUBSCRIBE + "/" + encode(token));
    }

    public static String invitation(String token) {
        return link(INVITATION + "/" + encode(token));
    }

    public static String passwordForgot() {
        return link(PASSWORD_FORGOT);
    }

    public static String passwordReset(String token) {
        return link(PASSWORD_RESET + "/" + encode(token));
    }

    public static final String MODERATION = "/moderation";
    public static final String BANS = "/moderation/bans";
    public static final String LOG = "/moderation/log";

    /** A comment's page in the moderation area: its details and history. */
    public static String moderatedComment(long id) {
        return link(MODERATION + "/comments/" + id);
    }

    public static String moderatedComment(long id, String action) {
        return moderatedComment(id) + "/" + action;
    }

    /** The queue, filtered to one value: {@code /moderation?email=ann%40example.org}. */
    public static String queueFiltered(String filter, String value) {
        return link(MODERATION + "?" + filter + "=" + encode(value == null ? "" : value));
    }

    public static String commentLog(long commentId) {
        return link(LOG + "?comment=" + commentId);
    }

    public static String banForm(String kind, String value) {
        return link(BANS + "?kind=" + encode(kind) + "&value=" + encode(value == null ? "" : value) + "#ban-form");
    }

    public static String liftBan(long id) {
        return link(BANS + "/" + id + "/lift");
    }

    public static String editArticle(long id) {
        return link("/admin/articles/" + id);
    }

    public static String articleAction(long id, String action) {
        return link("/admin/articles/" + id + "/" + action);
    }

    public static String readerRole(long identityId) {
        return link(ACCOUNTS + "/readers/" + identityId + "/role");
    }

    /** The owner invites a moderator by mail (Admin › Accounts). */
    public static String inviteModerator() {
        return link(ACCOUNTS + "/invite");
    }

    /** Sends an invited moderator a new invitation link. */
    public static String resendInvitation(long id) {
        return link(ACCOUNTS + "/" + id + "/invitation");
    }

    public static String removeAccount(long id) {
        return link(ACCOUNTS + "/" + id + "/remove");
    }

    /**
     * The page whose form posts to {@code postOnlyPath} (a path inside Parley): the article for a reply, the
     * admin or moderation page for theirs, the front page otherwise (signing out, starting a sign-in).
     */
    public static String formPageOf(String postOnlyPath) {
        for (FormPage page : FORM_PAGES) {
            java.util.regex.Matcher matcher = page.postOnly().matcher(postOnlyPath);
            if (matcher.matches()) {
                return link(matcher.replaceFirst(page.formPage()));
            }
        }
        return home();
    }

    /** POST-only addresses, and the page of their form; the first that matches applies. */
    private record FormPage(java.util.regex.Pattern postOnly, String formPage) {
        FormPage(String postOnly, String formPage) {
            this(java.util.regex.Pattern.compile(postOnly), formPage);
        }
    }

    private static final java.util.List<FormPage> FORM_PAGES = java.util.List.of(
            new FormPage("/articles/([^/]+)/comments(/.*)?", "/articles/$1#respond"),
            new FormPage("/articles/([^/]+)/follow", "/articles/$1#follow"),
            new FormPage("/admin/sites/(\\d+)(/.*)?", SITES + "/$1"),
            new FormPage("/admin/(accounts|providers|settings|sites|mail)(/.*)?", "/admin/$1"),
            new FormPage("/admin(/.*)?", ADMIN),
            new FormPage("/moderation/comments/(\\d+)(/.*)?", MODERATION + "/comments/$1"),
            new FormPage("/moderation/bans(/.*)?", BANS),
            new FormPage("/moderation(/.*)?", MODERATION));

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
