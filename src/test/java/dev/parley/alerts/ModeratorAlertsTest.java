package dev.parley.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.identity.AccountRole;
import dev.parley.identity.MailAlerts;
import dev.parley.mail.MailToken;
import dev.parley.support.Browser;
import dev.parley.support.Mailbox;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Moderators hear of comments that need them by mail, and decide from the mail through a confirmation page. */
@QuarkusTest
class ModeratorAlertsTest {

    @Inject
    TestData data;

    @Inject
    Digests digests;

    private final List<String> staff = new ArrayList<>();

    @AfterEach
    void quiet() {
        // Staff made here stop getting mail, so that later tests' comments do not mail them.
        staff.forEach(email -> data.mailAlerts(email, MailAlerts.NONE));
        data.baselineSettings();
    }

    private String staffMember(AccountRole role, MailAlerts alerts) {
        String email = data.staffWithAlerts(role, alerts);
        staff.add(email);
        return email;
    }

    /** A guest's comment, held by a moderation word; returns it as stored. */
    private Comment heldComment(Article article, String author, String text) {
        Browser guest = new Browser();
        Page page = guest.open("/articles/" + article.slug);
        Response posted = guest.submit(
                page,
                "#commentform",
                Map.of(
                        "comment",
                        text,
                        "author",
                        author,
                        "email",
                        author.toLowerCase() + "@example.org",
                        "url",
                        "https://" + author.toLowerCase() + ".example.org"));
        assertEquals(303, posted.statusCode(), posted::asString);
        Comment comment = data.latestCommentBy(author);
        assertEquals(CommentStatus.PENDING, comment.status);
        return comment;
    }

    @Test
    void everyModeratorWhoWantsEachCommentGetsItsMailAndApprovesItThroughTheConfirmationPage() {
        data.settings(s -> s.moderationWords = "casino");
        String ann = staffMember(AccountRole.MODERATOR, MailAlerts.EACH);
        String none = staffMember(AccountRole.MODERATOR, MailAlerts.NONE);
        String owner = staffMember(AccountRole.OWNER, MailAlerts.EACH);
        Article article = data.article(TestData.unique("Tides & <moons>"));
        String author = TestData.unique("Guest");
        Comment held = heldComment(article, author, "Try the casino <b>now</b>\n\nSecond line");

        Mailbox.Received mail = Mailbox.await(ann, "Please moderate: “" + article.title + "”");
        Mailbox.await(owner, "Please moderate: “" + article.title + "”");

        assertEquals("Parley", mail.fromName());
        assertTrue(mail.text().contains("Try the casino <b>now</b>\n\nSecond line"), mail.text());
        assertTrue(mail.text().contains("IP address: 127.0.0.1"), mail.text());
        assertTrue(mail.text().contains("Held: moderation word"), mail.text());
        var html = mail.document();
        assertEquals(
                "Try the casino <b>now</b>",
                html.select("p").stream()
                        .filter(p -> p.text().startsWith("Try the casino"))
                        .findFirst()
                        .orElseThrow()
                        .text());
        assertTrue(html.text().contains(author.toLowerCase() + "@example.org"), mail.html());
        assertTrue(html.text().contains("https://" + author.toLowerCase() + ".example.org"));
        assertTrue(html.text().contains("Held: moderation word"), html.text());
        assertTrue(mail.link(article.title).endsWith("/articles/" + article.slug), mail.link(article.title));
        assertTrue(mail.link("Manage your mail").endsWith("/account"));
        assertTrue(Mailbox.to(none).isEmpty(), "a staff member who chose no mail gets none");

        // A mail scanner follows the link: nothing changes.
        Browser anyone = new Browser();
        Page confirm = anyone.open(mail.link("Approve"));
        assertEquals(200, confirm.status());
        assertEquals("Approve this comment", confirm.text("#decisionform button"));
        assertTrue(confirm.text(".queue-text").contains("Try the casino <b>now</b>"));
        assertEquals(CommentStatus.PENDING, data.statusOf(held.id));
        assertEquals(
                List.of("no-referrer"),
                anyone.getRaw(mail.link("Approve")).headers().getValues("Referrer-Policy"),
                "the token in the address reaches no other site");
        assertEquals("no-store", anyone.getRaw(mail.link("Approve")).header("Cache-Control"));

        Response decided = anyone.submit(confirm, "#decisionform", Map.of());

        assertEquals(200, decided.statusCode(), decided::asString);
        Page done = Page.of("decided", decided);
        assertTrue(done.text("#decision-done").startsWith("Approved: the comment by " + author), done.text("h1"));
        assertEquals(CommentStatus.APPROVED, data.statusOf(held.id));
        assertTrue(new Browser().open("/articles/" + article.slug).has("#comment-" + held.id));
        Page log = data.moderatorBrowser().open("/moderation/log?comment=" + held.id);
        assertTrue(log.text("#log tbody tr").contains(data.accountByEmail(ann).displayName), log.text("#log"));

        Page again = anyone.open(mail.link("Approve"));
        assertEquals(409, again.status());
        assertEquals("This link has already been used. Each link works once.", again.text("#decision-refused"));
        assertFalse(again.has("#decisionform"));

        Page otherLink = anyone.open(Mailbox.await(owner, article.title).link("Trash"));
        assertEquals(409, otherLink.status(), "decided by someone else since the mail");
        assertTrue(
                otherLink.text("#decision-refused").startsWith("The comment by " + author + " was already approved by"),
                otherLink.text("#decision-refused"));
        assertEquals(CommentStatus.APPROVED, data.statusOf(held.id));
    }

    @Test
    void aChangedExpiredOrMisdirectedLinkChangesNothing() {
        String ann = staffMember(AccountRole.MODERATOR, MailAlerts.EACH);
        Article article = data.article(TestData.unique("Refusals"));
        Comment first = heldComment(article, TestData.unique("First"), "First held text");
        Mailbox.Received mail = Mailbox.await(ann, article.title);
        Comment second = heldComment(article, TestData.unique("Second"), "Second held text");
        Browser anyone = new Browser();

        String approve = mail.link("Approve");
        Page tampered = anyone.open(approve.substring(0, approve.length() - 2) + "xy");
        assertEquals(404, tampered.status());
        assertEquals(
                "This link is not valid. It may have been changed or cut short when it was copied.",
                tampered.text("#decision-refused"));

        Page confirm = anyone.open(approve);
        Response otherComment =
                anyone.submit(confirm, "#decisionform", Map.of("comment", String.valueOf(second.id), "version", "0"));
        assertEquals(400, otherComment.statusCode());
        assertEquals(MailDecisions.NOT_THIS_LINK, Page.of("x", otherComment).text("#decision-refused"));
        Response otherVersion = anyone.submit(confirm, "#decisionform", Map.of("version", "7"));
        assertEquals(400, otherVersion.statusCode());
        assertEquals(CommentStatus.PENDING, data.statusOf(first.id));
        assertEquals(CommentStatus.PENDING, data.statusOf(second.id));

        String spam = mail.link("Spam");
        expire(spam.substring(spam.lastIndexOf('/') + 1));
        Page expired = anyone.open(spam);
        assertEquals(410, expired.status());
        assertEquals("This link has expired.", expired.text("#decision-refused"));
        Response late = anyone.submit(confirm, "#decisionform", Map.of());
        assertEquals(200, late.statusCode(), "the Approve link is still good after the refusals");
        assertEquals(CommentStatus.APPROVED, data.statusOf(first.id));

        Mailbox.Received secondMail =
                Mailbox.awaitMatching(ann, m -> m.text().contains("Second held text"), "the second comment");
        data.mailAlerts(ann, MailAlerts.EACH);
        removeAccount(ann);
        Page gone = anyone.open(secondMail.link("Trash"));
        assertEquals(403, gone.status());
        assertEquals(MailDecisions.STAFF_GONE, gone.text("#decision-refused"));
        assertEquals(CommentStatus.PENDING, data.statusOf(second.id));
        staff.remove(ann);
    }

    @Test
    void nobodyIsMailedAboutTheirOwnCommentWhenItIsReported() {
        String poster = staffMember(AccountRole.MODERATOR, MailAlerts.EACH);
        Article article = data.article(TestData.unique("Own words"));
        Browser posterBrowser = new Browser();
        posterBrowser.signIn(poster, TestData.PASSWORD);
        Page page = posterBrowser.open("/articles/" + article.slug);
        assertEquals(
                303,
                posterBrowser
                        .submit(page, "#commentform", Map.of("comment", "Staff words here"))
                        .statusCode());
        Comment own = data.latestCommentBy(data.accountByEmail(poster).displayName);
        String other = staffMember(AccountRole.MODERATOR, MailAlerts.EACH);

        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug + "/comments/" + own.id + "/report");
        reader.submit(form, "#reportform", Map.of("reason", "Abusive or harassing"));

        Mailbox.Received mail = Mailbox.await(other, "Reported: “" + article.title + "”");
        assertTrue(mail.text().contains("Reported 1 time: Abusive or harassing"), mail.text());
        assertTrue(mail.text().contains("Staff words here"));
        assertEquals(
                "Keep",
                mail.document().select("a").stream()
                        .map(a -> a.text())
                        .filter(t -> t.equals("Keep"))
                        .findFirst()
                        .orElse(null));
        assertTrue(Mailbox.to(poster).isEmpty(), () -> "the poster got: " + Mailbox.to(poster));
    }

    @Test
    void anHourlyDigestListsWhatCameAndNothingIsSentWhenNothingDid() {
        String hourly = staffMember(AccountRole.MODERATOR, MailAlerts.HOURLY);
        Article article = data.article(TestData.unique("Digest"));
        Comment one = heldComment(article, TestData.unique("Uno"), "First for the digest");
        Comment two = heldComment(article, TestData.unique("Dos"), "Second for the digest");
        Instant now = Instant.now();

        digests.send(now.plusSeconds(3600));

        Mailbox.Received digest = Mailbox.await(hourly, "Comments to moderate: 2 held");
        assertTrue(digest.text().contains("First for the digest"));
        assertTrue(digest.text().contains("Second for the digest"));
        assertEquals(
                2,
                digest.document().select("a").stream()
                        .filter(a -> a.text().equals("Approve"))
                        .count());
        assertTrue(digest.text().contains("hourly digest"), digest.text());
        Page confirm = new Browser().open(digest.link("Approve"));
        assertTrue(confirm.text(".queue-text").contains("First for the digest"));

        digests.send(now.plusSeconds(2 * 3600));
        digests.send(now.plusSeconds(3 * 3600));
        assertEquals(1, Mailbox.to(hourly).size(), "nothing new, no digest");
        assertNotEquals(one.id, two.id);
    }

    @Test
    void noDigestBeforeItsTimeNorTwiceForOneWindow() {
        String hourly = staffMember(AccountRole.MODERATOR, MailAlerts.HOURLY);
        Article article = data.article(TestData.unique("Digest timing"));
        heldComment(article, TestData.unique("Tres"), "Waiting text");
        Instant now = Instant.now();

        digests.send(now.plusSeconds(60));
        assertTrue(Mailbox.to(hourly).isEmpty(), "an hour has not passed since the choice");
        digests.send(now.plusSeconds(3600));
        digests.send(now.plusSeconds(3600));
        Mailbox.await(hourly, "Comments to moderate: 1 held");
        assertEquals(1, Mailbox.to(hourly).size());
    }

    @Test
    void theDailyDigestIsDueOnceADayFromEightInTheSitesTimeZone() {
        java.time.ZoneId zone = digests.zone();
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 10);
        Instant eight = day.atTime(8, 0).atZone(zone).toInstant();
        Instant yesterdaysWindow = eight.minus(java.time.Duration.ofDays(1)).minusSeconds(60);
        var daily = new dev.parley.identity.StaffAlerts.Member(
                1L, null, "Dee", "dee@example.org", MailAlerts.DAILY, yesterdaysWindow);

        assertFalse(digests.isDue(daily, eight.minusSeconds(60)), "not before eight");
        assertTrue(digests.isDue(daily, eight));
        assertTrue(digests.isDue(daily, eight.plusSeconds(5 * 3600)), "a late run still sends it");
        var sentToday = new dev.parley.identity.StaffAlerts.Member(
                1L, null, "Dee", "dee@example.org", MailAlerts.DAILY, eight.minusSeconds(60));
        assertFalse(digests.isDue(sentToday, eight.plusSeconds(3600)), "once a day");
        assertTrue(digests.isDue(sentToday, eight.plus(java.time.Duration.ofDays(1))));
    }

    @Inject
    jakarta.enterprise.event.Event<dev.parley.article.CommentEvent> commentEvents;

    @Test
    void aCommentOnAnotherSitesPageIsMailedInThatSitesNameWithALinkToThePage() {
        String ann = staffMember(AccountRole.MODERATOR, MailAlerts.EACH);
        String origin = TestData.uniqueOrigin("blog");
        String siteName = TestData.unique("Ann's blog");
        var site = data.site(siteName, origin);
        Article thread = data.hostThread(site, origin + "/2026/tides/", TestData.unique("Tides post"));
        String author = TestData.unique("Visitor");
        QuarkusTransaction.requiringNew().run(() -> {
            Comment comment = new Comment();
            comment.article = Article.findById(thread.id);
            comment.status = CommentStatus.SPAM;
            comment.authorName = author;
            comment.body = "Cheap pills";
            comment.reasons = "disallowed word \"pills\" in the comment";
            comment.createdAt = Instant.now();
            comment.persist();
            commentEvents.fire(dev.parley.article.CommentEvent.posted(comment.id, CommentStatus.SPAM));
        });

        Mailbox.Received mail = Mailbox.await(ann, "Marked as spam: “" + thread.title + "”");

        assertEquals(siteName, mail.fromName());
        assertEquals(origin + "/2026/tides/", mail.link(thread.title));
        assertTrue(mail.text().contains("Spam: disallowed word \"pills\" in the comment"), mail.text());
        assertTrue(mail.document().select("a").stream().noneMatch(a -> a.text().equals("Spam")), "it is spam already");
        assertTrue(mail.document().select("a").stream().anyMatch(a -> a.text().equals("Approve")));
    }

    private static void expire(String token) {
        QuarkusTransaction.requiringNew()
                .run(() -> MailToken.update(
                        "expiresAt = ?1 where tokenHash = ?2",
                        Instant.now().minusSeconds(1),
                        dev.parley.web.Tokens.sha256(token)));
    }

    private static void removeAccount(String email) {
        QuarkusTransaction.requiringNew().run(() -> dev.parley.identity.Account.delete("email", email));
    }
}
