package dev.parley.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every link Parley prints, in one place: Java code calls {@code Routes.article(slug)}, templates
 * {@code {routes:article(slug)}}.
 */
@TemplateExtension(namespace = "routes")
public final class Routes {

    private Routes() {}

    /** A static file of Parley's ({@code /css/embed.css}), as pages link to it. */
    public static String asset(String path) {
        return path;
    }

    public static String article(String slug) {
        return "/articles/" + encode(slug);
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

    public static final String HOME = "/";

    /** The thread fragment a host page includes: {@code ?page=<address>[&id=…][&title=…]}. */
    public static final String EMBED_THREAD = "/embed/thread";
    /** Where the reply form inside a host page posts (no CSRF cookie: checked by origin). */
    public static final String EMBED_COMMENTS = "/embed/comments";

    public static final String SETUP = "/setup";
    public static final String ADMIN = "/admin";
    public static final String SETTINGS = "/admin/settings";
    public static final String ACCOUNTS = "/admin/accounts";
    /** The signed-in staff member's own account: display name and password. */
    public static final String ACCOUNT = "/account";

    public static final String PROVIDERS = "/admin/providers";

    /** Every address of signing in with a login provider starts with this. */
    public static final String SIGN_IN = "/auth/";

    /** {@code /auth/{id}/{step}}: start, login, callback, failed; an empty step gives the provider's folder. */
    public static String signIn(long providerId, String step) {
        return SIGN_IN + providerId + (step.isEmpty() ? "" : "/" + step);
    }

    public static boolean isSignIn(String path) {
        return path.startsWith(SIGN_IN);
    }

    public static String provider(long id) {
        return PROVIDERS + "/" + id;
    }

    public static String providerAction(long id, String action) {
        return provider(id) + "/" + action;
    }

    /** A page followed by the notice to show there after a change: {@code /admin?done=saved}. */
    public static String withNotice(String page, String notice) {
        return page + (page.contains("?") ? "&" : "?") + "done=" + encode(notice);
    }

    public static final String MODERATION = "/moderation";
    public static final String BANS = "/moderation/bans";
    public static final String LOG = "/moderation/log";

    /** A comment's page in the moderation area: its details and history. */
    public static String moderatedComment(long id) {
        return MODERATION + "/comments/" + id;
    }

    public static String moderatedComment(long id, String action) {
        return moderatedComment(id) + "/" + action;
    }

    /** The queue, filtered to one value: {@code /moderation?email=ann%40example.org}. */
    public static String queueFiltered(String filter, String value) {
        return MODERATION + "?" + filter + "=" + encode(value == null ? "" : value);
    }

    public static String commentLog(long commentId) {
        return LOG + "?comment=" + commentId;
    }

    public static String banForm(String kind, String value) {
        return BANS + "?kind=" + encode(kind) + "&value=" + encode(value == null ? "" : value) + "#ban-form";
    }

    public static String liftBan(long id) {
        return BANS + "/" + id + "/lift";
    }

    public static String editArticle(long id) {
        return "/admin/articles/" + id;
    }

    public static String articleAction(long id, String action) {
        return "/admin/articles/" + id + "/" + action;
    }

    public static String readerRole(long identityId) {
        return ACCOUNTS + "/readers/" + identityId + "/role";
    }

    public static String removeAccount(long id) {
        return "/admin/accounts/" + id + "/remove";
    }

    /**
     * The page whose form posts to {@code postOnlyPath}: the article for a reply, the admin or moderation page
     * for theirs, the front page otherwise (signing out, starting a sign-in).
     */
    public static String formPageOf(String postOnlyPath) {
        for (FormPage page : FORM_PAGES) {
            java.util.regex.Matcher matcher = page.postOnly().matcher(postOnlyPath);
            if (matcher.matches()) {
                return matcher.replaceFirst(page.formPage());
            }
        }
        return HOME;
    }

    /** POST-only addresses, and the page of their form; the first that matches applies. */
    private record FormPage(java.util.regex.Pattern postOnly, String formPage) {
        FormPage(String postOnly, String formPage) {
            this(java.util.regex.Pattern.compile(postOnly), formPage);
        }
    }

    private static final java.util.List<FormPage> FORM_PAGES = java.util.List.of(
            new FormPage("/articles/([^/]+)/comments(/.*)?", "/articles/$1#respond"),
            new FormPage("/admin/(accounts|providers|settings)(/.*)?", "/admin/$1"),
            new FormPage("/admin(/.*)?", ADMIN),
            new FormPage("/moderation/comments/(\\d+)(/.*)?", MODERATION + "/comments/$1"),
            new FormPage("/moderation/bans(/.*)?", BANS),
            new FormPage("/moderation(/.*)?", MODERATION));

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
