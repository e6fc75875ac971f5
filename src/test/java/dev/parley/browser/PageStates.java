package dev.parley.browser;

import static dev.parley.browser.Visit.Who.GUEST;
import static dev.parley.browser.Visit.Who.MODERATOR;
import static dev.parley.browser.Visit.Who.OWNER;
import static dev.parley.browser.Visit.Who.READER;

import dev.parley.browser.Visit.Who;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every page of Parley in every state worth seeing, one line each: a name, who looks, and how to get there.
 * {@link EveryPageTest} checks each of them with axe-core and for sideways scrolling. A new page or state is one
 * more line here (the data it shows comes from {@link PageFixtures}).
 */
final class PageStates {

    /** One page in one state. */
    record PageState(String name, Who who, Consumer<Visit> reach) {}

    private PageStates() {}

    static final List<PageState> ALL = List.of(
            // The set-up page exists only until the site has an owner: it comes first.
            new PageState("set-up", GUEST, v -> v.open("/setup")),
            new PageState("set-up with mistakes", GUEST, v -> {
                v.open("/setup");
                v.pressUnchecked("#setupform button[type=submit]");
                v.sees(".field.has-error");
            }),
            new PageState("front page", GUEST, v -> v.open("/")),
            new PageState("article with threads", GUEST, v -> v.open(article(v))),
            new PageState("reply form under a comment", GUEST, v -> {
                v.open(article(v) + "?replytocom=" + v.fixtures().first.id + "#respond");
                v.sees("#cancel-comment-reply-link");
            }),
            new PageState("reply form with mistakes", GUEST, v -> {
                v.open(article(v));
                v.type("#email", "not an address");
                v.pressUnchecked("#submit");
                v.sees(".field.has-error");
            }),
            new PageState("own pending comment", GUEST, v -> {
                v.open(article(v));
                v.type("#comment", "My own words, waiting.");
                v.type("#author", "Reader \u202Eown");
                v.type("#email", "own@example.org");
                v.press("#submit");
                v.sees(".comment.awaiting");
            }),
            new PageState("reply form with the notify boxes and a mistake", GUEST, v -> {
                v.open(article(v));
                v.type("#comment", "Tell me about replies.");
                v.click("#subscribe_comments");
                v.click("#subscribe_approval");
                v.type("#email", "not an address");
                v.pressUnchecked("#submit");
                v.sees(".field.has-error");
                v.sees("#subscribe_comments[checked]");
            }),
            new PageState("own comment, confirmation mail on its way", GUEST, v -> {
                v.open(article(v));
                v.type("#comment", "Notify me, please.");
                v.type("#author", "Follower");
                v.type("#email", "page-states-follower@example.org");
                v.click("#subscribe_comments");
                v.press("#submit");
                v.sees("#mail-answer");
            }),
            new PageState("follow this thread with a mistake", GUEST, v -> {
                v.open(article(v));
                v.type("#follow_email", "not an address");
                v.pressUnchecked("#followform button");
                v.sees(".field.has-error");
            }),
            new PageState("follow this thread answered", GUEST, v -> {
                v.open(article(v));
                v.type("#follow_email", "page-states-reader@example.org");
                v.press("#followform button");
                v.sees("#follow-answer");
            }),
            new PageState("confirm a subscription", GUEST, v -> {
                v.open(mailLink(
                        "page-states-reader@example.org", "Confirm your subscription", "Confirm your subscription"));
                v.sees("#confirmform");
            }),
            new PageState("subscription confirmed", GUEST, v -> {
                v.open(mailLink(
                        "page-states-reader@example.org", "Confirm your subscription", "Confirm your subscription"));
                v.press("#confirmform button");
                v.sees("#confirmed");
            }),
            new PageState("manage mail about comments", GUEST, v -> {
                v.open(mailLink("page-states-reader@example.org", "Confirm your subscription", "Manage your mail"));
                v.sees("#subscriptions");
            }),
            new PageState("unsubscribe", GUEST, v -> {
                v.open(mailLink("page-states-reader@example.org", "Confirm your subscription", "Unsubscribe"));
                v.sees("#unsubscribeform");
            }),
            new PageState("unsubscribed", GUEST, v -> {
                v.open(mailLink("page-states-reader@example.org", "Confirm your subscription", "Unsubscribe"));
                v.press("#unsubscribeform button");
                v.sees("#unsubscribed");
            }),
            new PageState("closed article", GUEST, v -> v.open("/articles/" + v.fixtures().closed.slug)),
            new PageState(
                    "thread of another site's page", GUEST, v -> v.open("/articles/" + v.fixtures().hostThread.slug)),
            new PageState("host page's reply form with mistakes", GUEST, v -> {
                v.open("/embed/thread?page="
                        + java.net.URLEncoder.encode(
                                v.fixtures().hostOrigin + "/2026/hello/", java.nio.charset.StandardCharsets.UTF_8));
                v.type("#comment", "Typed under the blog post.");
                v.type("#email", "not an address");
                v.pressUnchecked("#submit");
                v.sees(".field.has-error");
                v.sees("#back-to-page");
            }),
            new PageState("closed while writing, text kept", GUEST, v -> {
                v.open("/articles/" + v.fixtures().closing.slug);
                v.type("#comment", "Written while the article closed.");
                v.type("#author", "Late");
                v.type("#email", "late@example.org");
                v.fixtures().data().closeComments(v.fixtures().closing);
                v.press("#submit");
                v.sees("textarea#comment[readonly]");
            }),
            new PageState("article gone while writing, text kept", GUEST, v -> {
                v.open("/articles/" + v.fixtures().vanishing.slug);
                v.type("#comment", "Written while the article went away.");
                v.type("#author", "Later");
                v.type("#email", "later@example.org");
                v.fixtures().unpublish(v.fixtures().vanishing);
                v.press("#submit");
                v.sees("textarea#comment[readonly]");
            }),
            new PageState("report form", GUEST, v -> v.open(report(v))),
            new PageState("report form with mistakes", GUEST, v -> {
                v.open(report(v));
                v.pressUnchecked("#reportform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("report sent", GUEST, v -> {
                v.open(report(v));
                v.click("#reason-0");
                v.press("#reportform button[type=submit]");
                v.sees("#report-thanks");
            }),
            new PageState(
                    "comment that cannot be reported",
                    GUEST,
                    v -> v.open("/articles/" + v.fixtures().thread.slug + "/comments/" + v.fixtures().pending.id
                            + "/report")),
            new PageState("sign-in failed at the provider", GUEST, v -> {
                v.open("/auth/" + v.fixtures().providerId + "/failed?error=access_denied");
                v.sees(".message.reason");
            }),
            new PageState("page not found", GUEST, v -> v.open("/articles/no-such-article")),
            new PageState("login", GUEST, v -> {
                v.siteHasOwner(); // or /login leads to the set-up page
                v.open("/login");
            }),
            new PageState("login with mistakes", GUEST, v -> {
                v.siteHasOwner();
                v.open("/login");
                v.pressUnchecked("#loginform button[type=submit]");
                v.sees(".form-error, .has-error");
            }),
            new PageState("forgot password", GUEST, v -> {
                v.siteHasOwner();
                v.open("/password/forgot");
            }),
            new PageState("forgot password, the answer", GUEST, v -> {
                v.siteHasOwner();
                v.open("/password/forgot");
                v.type("#email", "nobody-" + java.util.UUID.randomUUID() + "@example.org");
                v.press("#forgotform button[type=submit]");
                v.sees("#reset-answer");
            }),
            new PageState("reset password with a mistake", GUEST, v -> {
                String email = v.fixtures().data().moderator();
                v.open("/password/forgot");
                v.type("#email", email);
                v.press("#forgotform button[type=submit]");
                v.sees("#reset-answer");
                v.open(dev.parley.support.Browser.pathOf(dev.parley.support.Mailbox.await(email, "Reset your password")
                        .link("Choose a new password")));
                v.type("#newPassword", "short");
                v.pressUnchecked("#resetform button[type=submit]");
                v.sees(".field.has-error");
            }),
            new PageState("mail link refused", GUEST, v -> v.open("/password/reset/" + "x".repeat(43))),
            new PageState("signed-in reader", READER, v -> {
                v.open(article(v));
                v.sees(".logged-in-as");
            }),
            new PageState("queue: pending", MODERATOR, v -> v.open("/moderation")),
            new PageState("queue: reported", MODERATOR, v -> v.open("/moderation?tab=reported")),
            new PageState("queue: approved", MODERATOR, v -> v.open("/moderation?tab=approved")),
            new PageState("queue: spam", MODERATOR, v -> v.open("/moderation?tab=spam")),
            new PageState("queue: trash", MODERATOR, v -> v.open("/moderation?tab=trash")),
            new PageState("queue: nothing found", MODERATOR, v -> v.open("/moderation?author=nobody")),
            new PageState("queue: nothing ticked", MODERATOR, v -> {
                v.open("/moderation");
                v.press("#queue .bulk-actions button");
                v.sees(".form-error");
            }),
            new PageState("queue: someone else decided first", MODERATOR, v -> {
                long id = v.fixtures().conflicted.id;
                v.open("/moderation");
                v.fixtures().changeBehindTheModeratorsBack(id);
                v.press("#queue-" + id + " button.approve");
                v.sees("#conflicts");
            }),
            new PageState("comment page", MODERATOR, v -> {
                v.open("/moderation/comments/" + v.fixtures().pending.id);
                v.fillsItsBox(".queue-item.single .queue-text", ".queue-item");
                v.fillsItsBox(".queue-item.single .queue-meta", ".queue-item");
            }),
            new PageState("edit a comment", MODERATOR, v -> v.open(moderated(v, "/edit"))),
            new PageState("edit a comment with mistakes", MODERATOR, v -> {
                v.open(moderated(v, "/edit"));
                v.clear("#comment");
                v.pressUnchecked("#editform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("comment deleted while editing", MODERATOR, v -> {
                v.open("/moderation/comments/" + v.fixtures().doomed.id + "/edit");
                v.type("#comment", "My edit, not saved.");
                v.fixtures().delete(v.fixtures().doomed);
                v.press("#editform button[type=submit]");
                v.sees("textarea#comment[readonly]");
            }),
            new PageState("staff reply", MODERATOR, v -> {
                v.open(moderated(v, "/reply"));
                v.fillsItsBox(".queue-item.single .queue-text", ".queue-item");
            }),
            new PageState("staff reply with mistakes", MODERATOR, v -> {
                v.open(moderated(v, "/reply"));
                v.pressUnchecked("#replyform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("bans", MODERATOR, v -> v.open("/moderation/bans")),
            new PageState("bans with mistakes", MODERATOR, v -> {
                v.open("/moderation/bans");
                v.pressUnchecked("#banform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("log", MODERATOR, v -> v.open("/moderation/log")),
            new PageState(
                    "log of one comment", MODERATOR, v -> v.open("/moderation/log?comment=" + v.fixtures().pending.id)),
            new PageState("queue: delete permanently, dialog", MODERATOR, v -> {
                v.open("/moderation?tab=spam");
                v.click(".queue-actions button.delete");
                v.sees("dialog.confirm-dialog[open]");
            }),
            new PageState("queue: delete permanently, confirmation page", MODERATOR, v -> {
                v.open("/moderation?tab=spam");
                v.pressWithoutDialog(".queue-actions button.delete");
                v.sees(".confirm-page");
            }),
            new PageState("your account", MODERATOR, v -> v.open("/account")),
            new PageState("your account with mistakes", MODERATOR, v -> {
                v.open("/account");
                v.pressUnchecked("#passwordform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("your account: mail choice saved", MODERATOR, v -> {
                v.open("/account");
                v.click("#alerts-daily");
                v.press("#alertsform button[type=submit]");
                v.sees(".notice");
            }),
            new PageState(
                    "mail link: decision confirmation",
                    GUEST,
                    v -> v.open(v.fixtures().decisionLink("trash"))),
            new PageState("mail link: refused", GUEST, v -> {
                v.open("/mail/decide/not-a-link-we-sent");
                v.sees("#decision-refused");
            }),
            new PageState("admin refused to a moderator", MODERATOR, v -> v.open("/admin")),
            new PageState("admin: articles", OWNER, v -> v.open("/admin")),
            new PageState("admin: new article", OWNER, v -> v.open("/admin/articles/new")),
            new PageState("admin: new article with mistakes", OWNER, v -> {
                v.open("/admin/articles/new");
                v.pressUnchecked("#articleform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("admin: edit article", OWNER, v -> v.open("/admin/articles/" + v.fixtures().thread.id)),
            new PageState(
                    "admin: delete article",
                    OWNER,
                    v -> v.open("/admin/articles/" + v.fixtures().closed.id + "/delete")),
            new PageState("admin: discussion settings", OWNER, v -> v.open("/admin/settings")),
            new PageState("admin: discussion settings with mistakes", OWNER, v -> {
                v.open("/admin/settings");
                v.clear("#threadDepth");
                v.pressUnchecked("#save-settings");
                v.sees(".has-error");
            }),
            new PageState("admin: try these rules", OWNER, v -> {
                v.open("/admin/settings");
                v.type("#moderationWords", "evil\nHeld");
                v.press("#try-rules");
                v.sees("#trial-result");
            }),
            new PageState("admin: login providers", OWNER, v -> v.open("/admin/providers")),
            new PageState("admin: new provider", OWNER, v -> v.open("/admin/providers/new?kind=APPLE")),
            new PageState("admin: new provider with mistakes", OWNER, v -> {
                v.open("/admin/providers/new?kind=OIDC");
                v.pressUnchecked("#providerform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("admin: edit provider", OWNER, v -> v.open("/admin/providers/" + v.fixtures().providerId)),
            new PageState("admin: accounts", OWNER, v -> v.open("/admin/accounts")),
            new PageState("invitation: choose a password", OWNER, v -> {
                String email = "invited-" + java.util.UUID.randomUUID() + "@example.org";
                v.open("/admin/accounts");
                v.type("#inviteName", "Invited Moderator");
                v.type("#inviteEmail", email);
                v.press("#inviteform button[type=submit]");
                v.sees(".notice");
                v.sees(".invited");
                v.open(dev.parley.support.Browser.pathOf(
                        dev.parley.support.Mailbox.await(email, "invited").link("Choose your password")));
                v.sees("#invitationform");
            }),
            new PageState("admin: remove a moderator, confirmation page", OWNER, v -> {
                v.open("/admin/accounts");
                v.pressWithoutDialog("form[action$='/remove'] button");
                v.sees(".confirm-actions");
            }),
            new PageState("admin: delete a provider, confirmation page", OWNER, v -> {
                v.open("/admin/providers");
                v.pressWithoutDialog("#provider-" + v.fixtures().providerId + " button.danger");
                v.sees(".confirm-actions");
            }),
            new PageState(
                    "admin: provider just created, callback shown",
                    OWNER,
                    v -> v.open("/admin/providers/" + v.fixtures().providerId + "?done=drafted")),
            new PageState("admin: sites", OWNER, v -> v.open("/admin/sites")),
            new PageState("admin: add a site with mistakes", OWNER, v -> {
                v.open("/admin/sites");
                v.type("#origins", "ftp://files.example.org/path");
                v.pressUnchecked("#siteform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("admin: a site, its threads and settings", OWNER, v -> v.open(site(v))),
            new PageState(
                    "admin: a site without threads", OWNER, v -> v.open("/admin/sites/" + v.fixtures().emptySite.id)),
            new PageState("admin: a site's settings with mistakes", OWNER, v -> {
                v.open(site(v));
                v.clear("#name");
                v.pressUnchecked("#siteform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("admin: a thread of a site", OWNER, v -> v.open(siteThread(v))),
            new PageState("admin: a thread of a site with mistakes", OWNER, v -> {
                v.open(siteThread(v));
                v.type("#pageUrl", "https://elsewhere.example.net/page");
                v.pressUnchecked("#threadform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState(
                    "admin: delete a site, confirmation page",
                    OWNER,
                    v -> v.open("/admin/sites/" + v.fixtures().emptySite.id + "/delete")),
            new PageState("admin: delete a site with threads, refused", OWNER, v -> v.open(site(v) + "/delete")),
            new PageState(
                    "queue: a comment on another site's page",
                    MODERATOR,
                    v -> v.open("/moderation?article=" + v.fixtures().embedded.slug)),
            new PageState("admin: mail, set up, a test mail in its log", OWNER, v -> {
                v.open("/admin/mail");
                v.type("#to", "every-page@example.org");
                v.press("#testmailform button[type=submit]");
                v.sees("#mail-log-table .mail-row");
            }),
            new PageState("admin: mail, a test mail address with a mistake", OWNER, v -> {
                v.open("/admin/mail");
                v.type("#to", "not an address");
                v.pressUnchecked("#testmailform button[type=submit]");
                v.sees(".has-error");
            }),
            new PageState("admin: accounts with mistakes", OWNER, v -> {
                v.open("/admin/accounts");
                v.pressUnchecked("#moderatorform button[type=submit]");
                v.sees(".has-error");
            }));

    private static String article(Visit v) {
        return "/articles/" + v.fixtures().thread.slug;
    }

    private static String site(Visit v) {
        return "/admin/sites/" + v.fixtures().site.id;
    }

    private static String siteThread(Visit v) {
        return site(v) + "/threads/" + v.fixtures().embedded.id;
    }

    private static String report(Visit v) {
        return "/articles/" + v.fixtures().thread.slug + "/comments/" + v.fixtures().first.id + "/report";
    }

    private static String moderated(Visit v, String action) {
        return "/moderation/comments/" + v.fixtures().pending.id + action;
    }

    /** The path of a link in the latest mail to {@code to} whose subject has {@code subject}. */
    private static String mailLink(String to, String subject, String linkText) {
        return dev.parley.support.Browser.pathOf(
                dev.parley.support.Mailbox.await(to, subject).link(linkText));
    }
}
