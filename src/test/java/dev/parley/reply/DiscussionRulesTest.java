package dev.parley.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each discussion setting as readers meet it, and the precedence between the rules (see the README's table). */
@QuarkusTest
class DiscussionRulesTest {

    @Inject
    TestData data;

    @AfterEach
    void backToBaseline() {
        data.baselineSettings();
    }

    @Test
    void holdAllKeepsEveryCommentForApproval() {
        Article article = data.article("Held");
        Comment c = post(new Browser(), article, "A thought", TestData.unique("Held"), "h@example.org");
        assertEquals(CommentStatus.PENDING, c.status);
        assertEquals("every comment is held for approval", c.reasons);
    }

    @Test
    void publishAllShowsTheCommentAtOnce() {
        data.settings(s -> s.publishPolicy = "PUBLISH_ALL");
        Article article = data.article("Open house");
        Browser reader = new Browser();
        Comment c = post(reader, article, "Straight in", TestData.unique("Open"), "o@example.org");

        assertEquals(CommentStatus.APPROVED, c.status);
        Page thread = new Browser().open("/articles/" + article.slug);
        assertEquals("Straight in", thread.text("#comment-" + c.id + " .comment-content"));
    }

    @Test
    void anAuthorWithAnApprovedCommentPublishesDirectly() {
        data.settings(s -> s.publishPolicy = "PREVIOUSLY_APPROVED");
        Article article = data.article("Regulars");
        String author = TestData.unique("Regular");
        Comment first = post(new Browser(), article, "First", author, "regular@example.org");
        assertEquals(CommentStatus.PENDING, first.status);
        assertEquals("first comment from this author", first.reasons);
        data.setStatus(first.id, CommentStatus.APPROVED);

        Comment second = post(new Browser(), article, "Second", author, "regular@example.org");
        Comment impostor = post(new Browser(), article, "Third", author, "impostor@example.org");

        assertEquals(CommentStatus.APPROVED, second.status);
        assertEquals(CommentStatus.PENDING, impostor.status, "name and email must both match, as in WordPress");
    }

    @Test
    void signedInReadersPublishDirectlyWhenTheOwnerSaysSo() {
        data.settings(s -> s.publishPolicy = "SIGNED_IN");
        Article article = data.article("Members");
        Browser member = new Browser();
        String name = TestData.unique("Member");
        data.signInReader(member, name);
        Page form = member.open("/articles/" + article.slug);
        assertEquals(
                303,
                member.submit(form, "#commentform", Map.of("comment", "Signed in"))
                        .statusCode());
        Comment guest = post(new Browser(), article, "Guest", TestData.unique("Guest"), "g@example.org");

        assertEquals(CommentStatus.APPROVED, data.onlyCommentBy(name).status);
        assertEquals(CommentStatus.PENDING, guest.status);
        assertEquals("guests' comments are held for approval", guest.reasons);
    }

    @Test
    void nameAndEmailAreOptionalWhenTheOwnerSaysSo() {
        Article article = data.article("Names");
        Browser reader = new Browser();
        Response refused = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "No name", "author", "", "email", ""));
        assertEquals(400, refused.statusCode());
        assertEquals("Please enter your name.", Page.of("/c", refused).fieldError("author"));

        data.settings(s -> s.requireNameEmail = null);
        Page form = reader.open("/articles/" + article.slug);
        assertFalse(form.one("#author").hasAttr("required"));
        Response posted = reader.submit(
                form, "#commentform", Map.of("comment", "Nameless " + TestData.unique("n"), "author", "", "email", ""));

        assertEquals(303, posted.statusCode());
        assertEquals("Anonymous", reader.follow(posted).text(".awaiting .comment-author"));
    }

    @Test
    void whenSignInIsRequiredTheGuestFormIsHiddenAndAGuestPostIsRefusedWithTheTextKept() {
        data.settings(s -> s.requireSignIn = "yes");
        Article article = data.article("Members only");
        Browser guest = new Browser();
        Page page = guest.open("/articles/" + article.slug);
        assertFalse(page.has("#author"), "no guest fields");
        assertTrue(page.has(".sign-in-required"), "the page says why there is no guest form");

        Response refused = guest.submit(
                page, "#commentform", Map.of("comment", "Let me in", "author", "G", "email", "g@example.org"));

        assertEquals(403, refused.statusCode());
        Page answer = Page.of("/c", refused);
        assertEquals(ReplyService.SIGN_IN_REQUIRED, answer.text(".form-error"));
        assertEquals("Let me in", answer.fieldValue("comment"));

        Browser member = new Browser();
        String name = TestData.unique("Member");
        data.signInReader(member, name);
        assertEquals(
                303,
                member.submit(member.open("/articles/" + article.slug), "#commentform", Map.of("comment", "I am in"))
                        .statusCode());
    }

    @Test
    void tooManyLinksHoldAndTheQueueSaysWhy() {
        data.settings(s -> s.publishPolicy = "PUBLISH_ALL");
        Article article = data.article("Links");
        Comment one = post(new Browser(), article, "See https://a.example", TestData.unique("L1"), "l1@example.org");
        Comment three = post(
                new Browser(),
                article,
                "https://a.example https://b.example https://c.example",
                TestData.unique("L3"),
                "l3@example.org");

        assertEquals(CommentStatus.APPROVED, one.status);
        assertEquals(CommentStatus.PENDING, three.status);
        Page queue = data.moderatorBrowser().open("/moderation?article=" + article.slug);
        assertEquals("Held: contains 3 links", queue.text("#queue-" + three.id + " .queue-reasons"));
    }

    @Test
    void moderationWordsHoldAndDisallowedWordsGoToSpamWhateverThePolicy() {
        data.settings(s -> {
            s.publishPolicy = "PUBLISH_ALL";
            s.moderationWords = "casino\nbonus";
            s.disallowedWords = "viagra";
        });
        Article article = data.article("Words");
        Comment held = post(
                new Browser(),
                article,
                "Try my c<i>asino</i>",
                TestData.unique("W1"),
                "w1@example.org",
                "https://bonus.example/");
        Comment spam =
                post(new Browser(), article, "Cheap VIAGRA and a casino", TestData.unique("W2"), "w2@example.org");
        Comment clean = post(new Browser(), article, "Lovely article", TestData.unique("W3"), "w3@example.org");

        assertEquals(CommentStatus.PENDING, held.status);
        assertEquals(CommentStatus.SPAM, spam.status);
        assertEquals(CommentStatus.APPROVED, clean.status);
        Page queue = data.moderatorBrowser().open("/moderation?article=" + article.slug);
        assertEquals(
                "Held: moderation word 'casino' in comment; moderation word 'bonus' in website",
                queue.text("#queue-" + held.id + " .queue-reasons"));
        Page spamTab = data.moderatorBrowser().open("/moderation?tab=spam&article=" + article.slug);
        assertEquals(
                "Spam: disallowed word 'viagra' in comment",
                spamTab.text("#queue-" + spam.id + " .queue-reasons"),
                "spam outranks hold: only the spam reasons are given");
        assertFalse(new Browser().open("/articles/" + article.slug).has("#comment-" + spam.id));
    }

    @Test
    void commentsCloseOnOldArticlesUnlessTheArticleIsKeptOpen() {
        data.settings(s -> s.closeAfterDays = "5");
        Article old = data.articlePublishedAt("Old news", Instant.now().minus(Duration.ofDays(10)));
        Article kept = data.articlePublishedAt("Evergreen", Instant.now().minus(Duration.ofDays(10)));
        data.keepCommentsOpen(kept);
        Article fresh = data.article("Fresh news");
        Browser reader = new Browser();
        String token =
                reader.open("/articles/" + fresh.slug).one("input[name=_csrf]").val();

        Page closed = reader.open("/articles/" + old.slug);
        assertEquals("Comments are closed.", closed.text(".comments-closed"));
        assertFalse(closed.has("#commentform"));
        Response refused = reader.post(
                "/articles/" + old.slug + "/comments",
                Map.of("_csrf", token, "comment", "Too late?", "author", "Late", "email", "late@example.org"));
        assertEquals(403, refused.statusCode());
        assertEquals("Too late?", Page.of("/c", refused).text("textarea#comment"));

        assertTrue(reader.open("/articles/" + kept.slug).has("#commentform"));
        assertTrue(reader.open("/articles/" + fresh.slug).has("#commentform"));
    }

    @Test
    void threadsArePagedByTopLevelCommentNewestFirstWhenTheOwnerSaysSo() {
        data.settings(s -> {
            s.commentsPerPage = "2";
            s.order = "newest";
        });
        Article article = data.article("Paged thread");
        Comment a = data.comment(article, null, "A", "a", CommentStatus.APPROVED);
        Comment b = data.comment(article, null, "B", "b", CommentStatus.APPROVED);
        Comment reply = data.comment(article, a.id, "Reply", "to a", CommentStatus.APPROVED);
        Comment c = data.comment(article, null, "C", "c", CommentStatus.APPROVED);
        Browser reader = new Browser();

        Page first = reader.open("/articles/" + article.slug);
        assertEquals(
                List.of("comment-" + c.id, "comment-" + b.id),
                first.html().select(".comment-list > li").eachAttr("id"));
        assertEquals("Comment page 1 of 2", first.text(".comment-pages span"));
        Page second = reader.open(first.one(".comment-pages a.next").attr("href"));
        assertEquals(
                List.of("comment-" + a.id),
                second.html().select(".comment-list > li").eachAttr("id"));
        assertTrue(second.has("#comment-" + a.id + " #comment-" + reply.id), "replies stay with their thread");
        assertEquals("4 responses to “Paged thread”", second.text(".comments-title"));

        Page replyForm = reader.open("/articles/" + article.slug + "?replytocom=" + a.id);
        assertTrue(replyForm.has("#comment-" + a.id + " #commentform"), "the reply form opens on the comment's page");
        Response posted = reader.submit(
                replyForm,
                "#commentform",
                Map.of("comment", "Another reply", "author", "Later", "email", "later@example.org"));
        assertTrue(posted.header("Location").contains("?cpage=2#comment-"), posted.header("Location"));

        Response newThread = reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "A new thread", "author", "Newest", "email", "newest@example.org"));
        String location = newThread.header("Location");
        assertTrue(location.matches(".*/articles/" + article.slug + "#comment-\\d+"), "first page: " + location);
        assertTrue(reader.follow(newThread)
                .has(location.substring(location.indexOf('#')) + " .comment-awaiting-moderation"));
    }

    @Test
    void savingTheSettingsIsRecordedWithBeforeAndAfter() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        Page form = owner.open("/admin/settings");
        assertEquals("2", form.fieldValue("holdLinks"));

        Page saved = owner.follow(owner.submit(
                form,
                "#settingsform",
                Map.of(
                        "holdLinks",
                        "4",
                        "moderationWords",
                        "casino\r\nbonus",
                        "publishPolicy",
                        "PREVIOUSLY_APPROVED")));

        assertEquals("Settings saved.", saved.text(".notice"));
        assertEquals("4", saved.fieldValue("holdLinks"));
        assertEquals("casino\nbonus", saved.fieldValue("moderationWords"));
        assertTrue(saved.one("#policy-PREVIOUSLY_APPROVED").hasAttr("checked"));
        Page log = owner.open("/moderation/log?action=settings");
        String before = log.one("#log tbody tr .before").wholeText();
        String after = log.one("#log tbody tr .after").wholeText();
        assertTrue(before.contains("Hold comments with this many links: 2"), before);
        assertTrue(after.contains("Hold comments with this many links: 4"), after);
        assertTrue(after.contains("Moderation words: casino, bonus"), after);
        assertTrue(after.contains(
                "Before a comment appears: Authors with a previously approved comment publish directly"));
    }

    @Test
    void mistakesComeBackNextToTheirFieldsWithEverythingTypedKept() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        Page form = owner.open("/admin/settings");

        Response refused = owner.submit(
                form,
                "#settingsform",
                Map.of("floodSeconds", "soon", "trashDays", "0", "moderationWords", "keep me", "holdLinks", "7"));

        assertEquals(400, refused.statusCode());
        Page page = Page.of("/admin/settings", refused);
        assertEquals("Enter a whole number from 0 to 3600.", page.fieldError("floodSeconds"));
        assertEquals("Enter a whole number from 1 to 3650.", page.fieldError("trashDays"));
        assertEquals("soon", page.fieldValue("floodSeconds"));
        assertEquals("keep me", page.fieldValue("moderationWords"));
        assertEquals("7", page.fieldValue("holdLinks"));
        assertEquals("2", owner.open("/admin/settings").fieldValue("holdLinks"), "nothing was saved");
    }

    @Test
    void tryingARuleShowsWhatItWouldHaveCaughtAndSavesNothing() {
        Article article = data.article("Trial");
        String word = TestData.unique("zq").toLowerCase();
        Comment match =
                data.comment(article, null, TestData.unique("Matched"), "buy " + word + " now", CommentStatus.APPROVED);
        Comment spam = data.comment(
                article, null, TestData.unique("Worse"), "cheap " + word + "-pills", CommentStatus.PENDING);
        Comment other = data.comment(article, null, TestData.unique("Fine"), "a fine comment", CommentStatus.APPROVED);
        data.postedJustNow(match, spam, other);
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        Page form = owner.open("/admin/settings");

        Response tried = owner.submitTo(
                form,
                "#settingsform",
                "/admin/settings/try",
                Map.of("moderationWords", word, "disallowedWords", word + "-pills", "trialCount", "50"));

        assertEquals(200, tried.statusCode());
        Page page = Page.of("/admin/settings/try", tried);
        assertTrue(
                page.text("#trial-result h2").matches("Tried on the last \\d+ comments"),
                page.text("#trial-result h2"));
        assertEquals("Held", page.text("#trial-" + match.id + " .verdict"));
        assertEquals("approved", page.text("#trial-" + match.id + " .now"));
        assertEquals("moderation word '" + word + "' in comment", page.text("#trial-" + match.id + " .reasons"));
        assertEquals("Spam", page.text("#trial-" + spam.id + " .verdict"));
        assertFalse(page.has("#trial-" + other.id));
        assertEquals(word, page.fieldValue("moderationWords"), "the typed rules stay in the form");
        assertEquals("", owner.open("/admin/settings").fieldValue("moderationWords"), "nothing was saved");
        assertEquals(CommentStatus.APPROVED, data.statusOf(match.id), "nothing was changed");
    }

    private Comment post(Browser reader, Article article, String text, String author, String email) {
        return post(reader, article, text, author, email, null);
    }

    private Comment post(Browser reader, Article article, String text, String author, String email, String url) {
        Map<String, String> typed = new HashMap<>();
        typed.put("comment", text);
        typed.put("author", author);
        typed.put("email", email);
        if (url != null) {
            typed.put("url", url);
        }
        Response answer = reader.submit(reader.open("/articles/" + article.slug), "#commentform", typed);
        assertEquals(303, answer.statusCode(), answer::asString);
        return data.latestCommentBy(author);
    }
}
