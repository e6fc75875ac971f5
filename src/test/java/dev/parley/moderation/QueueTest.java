package dev.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The moderators' queue: tabs, filters, paging, and the decisions made from it. */
@QuarkusTest
class QueueTest {

    @Inject
    TestData data;

    @Test
    void queueShowsEachPendingCommentWithItsContextNewestFirst() {
        Article article = data.article("Queue context");
        Browser reader = new Browser();
        String first = TestData.unique("First");
        String second = TestData.unique("Second");
        for (String author : List.of(first, second)) {
            reader.submit(
                    reader.open("/articles/" + article.slug),
                    "#commentform",
                    Map.of(
                            "comment",
                            "Words by " + author,
                            "author",
                            author,
                            "email",
                            author + "@example.org",
                            "url",
                            "https://" + author + ".example/"));
        }
        long firstId = data.onlyCommentBy(first).id;
        long secondId = data.onlyCommentBy(second).id;

        Page queue = data.moderatorBrowser().open("/moderation?article=" + article.slug);

        List<String> order = queue.html().select(".queue-item").eachAttr("id");
        assertEquals(List.of("queue-" + secondId, "queue-" + firstId), order, "newest first");
        Element item = queue.one("#queue-" + firstId);
        assertEquals(first, item.selectFirst(".queue-author").text());
        assertEquals(first + "@example.org", item.selectFirst(".queue-email").text());
        assertEquals(
                "https://" + first + ".example/", item.selectFirst(".queue-url").attr("href"));
        assertEquals("nofollow ugc noopener", item.selectFirst(".queue-url").attr("rel"));
        assertEquals("127.0.0.1", item.selectFirst(".queue-ip").text());
        assertEquals("Queue context", item.selectFirst(".queue-context a").text());
        assertEquals(
                "/articles/" + article.slug,
                item.selectFirst(".queue-context a").attr("href"));
        assertEquals("Words by " + first, item.selectFirst(".queue-text").text());
        assertEquals(
                "Held: every comment is held for approval",
                item.selectFirst(".queue-reasons").text());
        assertTrue(item.selectFirst(".queue-context time").hasAttr("datetime"));

        Page oldestFirst = data.moderatorBrowser().open("/moderation?article=" + article.slug + "&order=oldest");
        assertEquals(
                List.of("queue-" + firstId, "queue-" + secondId),
                oldestFirst.html().select(".queue-item").eachAttr("id"));
    }

    @Test
    void eachTabListsItsCommentsWithItsCount() {
        Article article = data.article("Tabs");
        Comment pending = data.comment(article, null, TestData.unique("P"), "pending", CommentStatus.PENDING);
        Comment approved = data.comment(article, null, TestData.unique("A"), "approved", CommentStatus.APPROVED);
        Comment spam = data.comment(article, null, TestData.unique("S"), "spam", CommentStatus.SPAM);
        Comment trash = data.comment(article, null, TestData.unique("T"), "trash", CommentStatus.TRASH);
        Browser moderator = data.moderatorBrowser();

        Page queue = moderator.open("/moderation");
        for (String tab : List.of("pending", "reported", "approved", "spam", "trash")) {
            String count = queue.text("#tab-" + tab + " .count");
            assertTrue(count.matches("[\\d,]+\\+?"), tab + " shows a count: " + count);
        }
        assertEquals("page", queue.one("#tab-pending").attr("aria-current"));

        Map<String, Comment> byTab = Map.of("pending", pending, "approved", approved, "spam", spam, "trash", trash);
        byTab.forEach((tab, comment) -> {
            Page page = moderator.open("/moderation?tab=" + tab + "&article=" + article.slug);
            assertEquals(
                    List.of("queue-" + comment.id),
                    page.html().select(".queue-item").eachAttr("id"),
                    tab);
            assertEquals("page", page.one("#tab-" + tab).attr("aria-current"));
        });
        assertEquals(
                List.of("Not spam", "Trash", "Delete permanently"),
                moderator.open("/moderation?tab=spam").texts(".bulk-actions button"));
        assertEquals(
                List.of("Restore", "Spam", "Delete permanently"),
                moderator.open("/moderation?tab=trash").texts(".bulk-actions button"));
    }

    @Test
    void filtersNarrowTheQueueToOneAuthorEmailAddressTextOrArticle() {
        Article article = data.article("Filters");
        Article other = data.article("Other filters");
        String author = TestData.unique("Filtered");
        Comment byAuthor = data.comment(article, null, author, "needle in a haystack", CommentStatus.PENDING);
        Comment elsewhere = data.comment(other, null, TestData.unique("Else"), "hay", CommentStatus.PENDING);
        Browser moderator = data.moderatorBrowser();

        assertEquals(List.of("queue-" + byAuthor.id), idsOn(moderator.open("/moderation?author=" + author)));
        assertEquals(
                List.of("queue-" + byAuthor.id),
                idsOn(moderator.open("/moderation?email=" + byAuthor.authorEmail.toUpperCase())),
                "email matches in any case");
        assertEquals(
                List.of("queue-" + byAuthor.id),
                idsOn(moderator.open("/moderation?article=" + article.slug + "&q=NEEDLE")));
        assertEquals(List.of("queue-" + elsewhere.id), idsOn(moderator.open("/moderation?article=" + other.slug)));
        Page none = moderator.open("/moderation?article=no-such-article");
        assertTrue(idsOn(none).isEmpty());
        assertEquals("No comments here.", none.text(".empty"));

        Page textOnly = moderator.open("/moderation?q=NEEDLE");
        assertTrue(idsOn(textOnly).contains("queue-" + byAuthor.id));
        assertTrue(textOnly.text("#search-window").startsWith("Searched the 10,000 newest comments of this tab"));
        assertEquals(
                "/moderation?q=NEEDLE&scope=all", textOnly.one("#search-all").attr("href"));
        Page everything = moderator.open(textOnly.one("#search-all").attr("href"));
        assertTrue(idsOn(everything).contains("queue-" + byAuthor.id));
        assertFalse(everything.has("#search-window"));
        Page filtered = moderator.open("/moderation?author=" + author);
        assertEquals(author, filtered.fieldValue("author"), "the filter form shows what is filtered");
        assertEquals("/moderation", filtered.one("#clear-filters").attr("href"));
        Element item = filtered.one("#queue-" + byAuthor.id);
        assertEquals(
                "/moderation?article=" + article.slug,
                item.selectFirst(".queue-article-filter").attr("href"));
        assertTrue(item.selectFirst(".queue-email").attr("href").startsWith("/moderation?email="));
    }

    @Test
    void ipAddressFilterFindsEveryCommentFromThatAddress() {
        Article article = data.article("By address");
        String author = TestData.unique("Addressed");
        Browser reader = new Browser();
        reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "from loopback", "author", author, "email", "ip@example.org"));
        long id = data.onlyCommentBy(author).id;

        Page queue = data.moderatorBrowser().open("/moderation?ip=127.0.0.1&article=" + article.slug);

        assertEquals(List.of("queue-" + id), idsOn(queue));
        assertEquals(
                "/moderation?ip=127.0.0.1",
                queue.one("#queue-" + id + " .queue-ip").attr("href"));
    }

    @Test
    void bulkDecisionsApplyToTheTickedCommentsOnly() {
        Article article = data.article("Bulk");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(data.comment(article, null, TestData.unique("Bulk" + i), "c" + i, CommentStatus.PENDING).id);
        }
        Browser moderator = data.moderatorBrowser();
        Page queue = moderator.open("/moderation?article=" + article.slug);
        String token = queue.one("input[name=_csrf]").val();
        String back = queue.one("input[name=back]").val();
        assertEquals("/moderation?article=" + article.slug, back);

        Response approve = moderator.post(
                "/moderation/decisions",
                Map.of("_csrf", token, "bulk", "approve", "ids", pick(queue, ids.get(0)), "back", back));
        // A form with several ticked boxes sends the same name several times.
        Response spam = io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("parley_session", moderator.cookie("parley_session"))
                .cookie("parley_csrf", moderator.cookie("parley_csrf"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", token)
                .formParam("bulk", "spam")
                .formParam("ids", pick(queue, ids.get(1)), pick(queue, ids.get(2)))
                .formParam("back", back)
                .post("/moderation/decisions");

        Page afterApproval = moderator.follow(approve);
        assertEquals("1 comment approved.", afterApproval.text(".notice"));
        assertEquals("/moderation?article=" + article.slug + "&done=approve&n=1", afterApproval.path());
        assertEquals("2 comments marked as spam.", moderator.follow(spam).text(".notice"));
        assertEquals(CommentStatus.APPROVED, data.statusOf(ids.get(0)));
        assertEquals(CommentStatus.SPAM, data.statusOf(ids.get(1)));
        assertEquals(CommentStatus.SPAM, data.statusOf(ids.get(2)));
        assertEquals(CommentStatus.PENDING, data.statusOf(ids.get(3)), "unticked comments are untouched");
        Page thread = new Browser().open("/articles/" + article.slug);
        assertTrue(thread.has("#comment-" + ids.get(0)));
        assertFalse(thread.has("#comment-" + ids.get(1)));
    }

    @Test
    void bulkWithoutTickedCommentsOrDecisionExplainsWhatIsMissing() {
        Browser moderator = data.moderatorBrowser();
        Page queue = moderator.open("/moderation");
        String token = queue.one("input[name=_csrf]").val();

        Response nothingTicked = moderator.post("/moderation/decisions", Map.of("_csrf", token, "bulk", "approve"));
        Response noDecision =
                moderator.post("/moderation/decisions", Map.of("_csrf", token, "bulk", "frobnicate", "ids", "1:0"));

        assertEquals(400, nothingTicked.statusCode());
        assertEquals(
                "Tick the comments first.",
                Jsoup.parse(nothingTicked.asString()).selectFirst(".form-error").text());
        assertEquals(
                "Choose what to do with the comments.",
                Jsoup.parse(noDecision.asString()).selectFirst(".form-error").text());
    }

    @Test
    void theSecondModeratorIsToldWhoAlreadyDecidedAndNothingIsOverwritten() {
        Article article = data.article("Twice");
        String author = TestData.unique("Once");
        long id = data.comment(article, null, author, "text", CommentStatus.PENDING).id;
        String firstEmail = data.moderator();
        Browser first = new Browser();
        first.signIn(firstEmail, TestData.PASSWORD);
        Browser second = data.moderatorBrowser();
        Page firstQueue = first.open("/moderation?article=" + article.slug);
        Page secondQueue = second.open("/moderation?article=" + article.slug);

        first.submit(firstQueue, "#queue", Map.of("one", button(firstQueue, id, "approve")));
        Response late = second.submit(secondQueue, "#queue", Map.of("one", button(secondQueue, id, "spam")));

        assertEquals(CommentStatus.APPROVED, data.statusOf(id));
        assertEquals(409, late.statusCode());
        Page answer = new Page("/moderation/decisions", 409, Jsoup.parse(late.asString()));
        String conflict = answer.text("#conflicts li");
        String firstName = data.accountByEmail(firstEmail).displayName;
        assertTrue(
                conflict.matches("The comment by " + author + " was already approved by " + firstName
                        + " at \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2}\\."),
                conflict);
        assertFalse(answer.has(".notice"), "nothing was marked as spam, and nothing says so");
    }

    @Test
    void queueIsPagedTwentyAtATimeByPosition() {
        Article article = data.article("Paging");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(data.comment(article, null, TestData.unique("Pager"), "p" + i, CommentStatus.PENDING).id);
        }
        Browser moderator = data.moderatorBrowser();

        Page first = moderator.open("/moderation?article=" + article.slug);
        assertEquals(20, idsOn(first).size());
        assertEquals("queue-" + ids.get(24), idsOn(first).get(0));
        assertFalse(first.has("#previous-page"));
        Page second = moderator.open(first.one("#next-page").attr("href"));
        assertEquals(
                List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)).stream()
                        .map(id -> "queue-" + id)
                        .toList(),
                idsOn(second));
        assertFalse(second.has("#next-page"));
        Page backToFirst = moderator.open(second.one("#previous-page").attr("href"));
        assertEquals(idsOn(first), idsOn(backToFirst));
        assertFalse(backToFirst.has("#previous-page"));
        assertEquals(200, moderator.open("/moderation?after=garbage").status(), "a broken position starts over");
    }

    @Test
    void everyDecisionMovesTheCommentAndIsRecordedInItsHistory() {
        Article article = data.article("Lifecycle");
        String author = TestData.unique("Cycled");
        long id = data.comment(article, null, author, "round trip", CommentStatus.PENDING).id;
        Browser moderator = data.moderatorBrowser();

        decide(moderator, "pending", article, id, "approve");
        assertEquals(CommentStatus.APPROVED, data.statusOf(id));
        decide(moderator, "approved", article, id, "unapprove");
        assertEquals(CommentStatus.PENDING, data.statusOf(id));
        decide(moderator, "pending", article, id, "spam");
        assertEquals(CommentStatus.SPAM, data.statusOf(id));
        decide(moderator, "spam", article, id, "not-spam");
        assertEquals(CommentStatus.PENDING, data.statusOf(id));
        decide(moderator, "pending", article, id, "reject");
        assertEquals(CommentStatus.TRASH, data.statusOf(id));
        decide(moderator, "trash", article, id, "restore");
        assertEquals(CommentStatus.PENDING, data.statusOf(id));

        Page history = moderator.open("/moderation/comments/" + id);
        assertEquals(
                List.of(
                        "Approved: comment by " + author,
                        "Unapproved: comment by " + author,
                        "Marked as spam: comment by " + author,
                        "Marked as not spam: comment by " + author,
                        "Moved to the trash: comment by " + author,
                        "Restored from the trash: comment by " + author),
                history.texts("#history .summary"));
        assertEquals(
                "Status: pending\nText: round trip",
                history.one("#history .before").wholeText());
        assertEquals("Status: approved", history.one("#history .after").wholeText());

        decide(moderator, "pending", article, id, "reject");
        decide(moderator, "trash", article, id, "delete");
        assertNull(data.findComment(id), "deleted permanently");
        Page log = moderator.open("/moderation/log?comment=" + id);
        assertEquals("Deleted permanently: comment by " + author, log.text("#log tbody tr .summary"));
        assertEquals(8, log.html().select("#log tbody tr").size(), "the history outlives the comment");
    }

    @Test
    void anEditIsRecordedWithTheTextBeforeAndAfter() {
        Article article = data.article("Edited");
        Comment comment = data.comment(article, null, TestData.unique("Typo"), "Teh text", CommentStatus.APPROVED);
        Browser moderator = data.moderatorBrowser();

        Page form = moderator.open("/moderation/comments/" + comment.id + "/edit");
        assertEquals("Teh text", form.fieldValue("comment"));
        Page empty = Page.of("/edit", moderator.submit(form, "#editform", Map.of("comment", "  ")));
        assertEquals(400, empty.status());
        assertEquals("Please type the text.", empty.fieldError("comment"));
        Page saved = moderator.follow(moderator.submit(form, "#editform", Map.of("comment", "The text")));

        assertEquals("Text saved.", saved.text(".notice"));
        assertEquals("The text", saved.text(".queue-text"));
        assertTrue(saved.text(".queue-context").endsWith("· edited"));
        assertEquals("Teh text", saved.one("#history .before").wholeText());
        assertEquals("The text", saved.one("#history .after").wholeText());
        assertEquals(
                "The text",
                new Browser().open("/articles/" + article.slug).text("#comment-" + comment.id + " .comment-content"));

        Page stale = Page.of("/edit", moderator.submit(form, "#editform", Map.of("comment", "An older edit")));
        assertEquals(409, stale.status(), "the form was opened before the first save");
        assertTrue(stale.text(".form-error").contains("was already edited by"), stale.text(".form-error"));
        assertEquals("An older edit", stale.fieldValue("comment"), "the moderator's text is kept");
        assertEquals("The text", stale.text("#current-text pre"), "and the comment as it is now is shown");
    }

    @Test
    void aModeratorRepliesFromTheQueueAsStaffAndTheHeldCommentIsApproved() {
        Article article = data.article("Staff reply");
        String author = TestData.unique("Asker");
        Comment question = data.comment(article, null, author, "Is this true?", CommentStatus.PENDING);
        String email = data.moderator();
        Browser moderator = new Browser();
        moderator.signIn(email, TestData.PASSWORD);

        Page queue = moderator.open("/moderation?article=" + article.slug);
        Page form =
                moderator.open(queue.one("#queue-" + question.id + " a.reply").attr("href"));
        Page blank = Page.of("/reply", moderator.submit(form, "#replyform", Map.of("comment", "")));
        assertEquals("Please type the text.", blank.fieldError("comment"));
        Page replied = moderator.follow(moderator.submit(form, "#replyform", Map.of("comment", "Yes, it is.")));

        assertEquals("Your reply is published.", replied.text(".notice"));
        assertEquals(CommentStatus.APPROVED, data.statusOf(question.id));
        Page thread = new Browser().open("/articles/" + article.slug);
        Element reply = thread.one("#comment-" + question.id + " > ol.children > li");
        assertEquals("Yes, it is.", reply.selectFirst(".comment-content").text());
        assertEquals("Staff", reply.selectFirst(".staff-badge").text());
        assertEquals(
                data.accountByEmail(email).displayName,
                reply.selectFirst(".comment-author").text());
        assertFalse(thread.has("#comment-" + question.id + " > article .staff-badge"));
    }

    @Test
    void aReplyToACommentAnotherModeratorJustMarkedAsSpamIsNotPublishedAndTheTextIsKept() {
        Article article = data.article("Late reply");
        Comment comment = data.comment(article, null, TestData.unique("Spammy"), "Buy now", CommentStatus.PENDING);
        Browser replying = data.moderatorBrowser();
        Page form = replying.open("/moderation/comments/" + comment.id + "/reply");
        Browser other = data.moderatorBrowser();
        decide(other, "pending", article, comment.id, "spam");

        Response late = replying.submit(form, "#replyform", Map.of("comment", "Thanks for asking!"));

        assertEquals(409, late.statusCode());
        Page page = Page.of("/reply", late);
        assertTrue(page.text(".form-error").contains("was already marked as spam by"), page.text(".form-error"));
        assertEquals("Thanks for asking!", page.fieldValue("comment"));
        assertEquals(CommentStatus.SPAM, data.statusOf(comment.id), "the reply did not approve it");
    }

    @Test
    void editingACommentDeletedMeanwhileGivesTheTextBack() {
        Article article = data.article("Gone");
        Comment comment = data.comment(article, null, TestData.unique("Gone"), "text", CommentStatus.TRASH);
        Browser moderator = data.moderatorBrowser();
        Page form = moderator.open("/moderation/comments/" + comment.id + "/edit");
        decide(data.moderatorBrowser(), "trash", article, comment.id, "delete");

        Response answer = moderator.submit(form, "#editform", Map.of("comment", "My careful correction"));

        assertEquals(410, answer.statusCode());
        Page page = Page.of("/edit", answer);
        assertEquals("This comment was deleted", page.text("h1"));
        assertEquals("My careful correction", page.text("textarea#comment"));
    }

    private static void decide(Browser moderator, String tab, Article article, long id, String decision) {
        Page queue = moderator.open("/moderation?tab=" + tab + "&article=" + article.slug);
        Response answer = moderator.submit(queue, "#queue", Map.of("one", button(queue, id, decision)));
        if (decision.equals("delete")) {
            // Deleting for good is confirmed on a page of its own first.
            answer = moderator.submit(Page.of("/moderation/decisions", answer), "#confirmform", Map.of());
        }
        Response decided = answer;
        assertEquals(303, decided.statusCode(), decided::asString);
    }

    private static String button(Page queue, long id, String decision) {
        return queue.one("#queue-" + id + " .queue-actions button." + decision).val();
    }

    private static String pick(Page queue, long id) {
        return queue.one("#pick-" + id).val();
    }

    private static List<String> idsOn(Page page) {
        return page.html().select(".queue-item").eachAttr("id");
    }
}
