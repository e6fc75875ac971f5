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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flood control, duplicates, bots and resubmitted forms: answered clearly, and nothing typed is lost. */
@QuarkusTest
class DefencesTest {

    @Inject
    TestData data;

    @org.junit.jupiter.api.BeforeEach
    void noEarlierPosts() {
        data.forgetFloodMarks();
    }

    @AfterEach
    void backToBaseline() {
        data.baselineSettings();
    }

    @Test
    void aSecondCommentWithinTheFloodIntervalIsRefusedWith429AndTheTextKept() {
        data.settings(s -> s.floodSeconds = "15");
        Article article = data.article("Flood");
        Browser reader = new Browser();
        String email = TestData.unique("flood") + "@example.org";
        Response first = post(reader, article, "First thought", "Flo", email);
        assertEquals(303, first.statusCode());

        Response second = post(reader, article, "Second thought, typed with care", "Flo", email);

        assertEquals(429, second.statusCode());
        Page page = Page.of("/comments", second);
        assertEquals(
                "You are posting comments too quickly: please wait 15 seconds between comments, then send it again."
                        + " Your text is still here.",
                page.text(".form-error"));
        assertEquals("Second thought, typed with care", page.fieldValue("comment"));
        assertEquals("Flo", page.fieldValue("author"));
        assertEquals(email, page.fieldValue("email"));
        assertEquals(1, data.commentsBy("Flo", article));

        Browser otherPerson = new Browser();
        Response sameAddress = post(otherPerson, article, "Me too", "Other", TestData.unique("o") + "@example.org");
        assertEquals(429, sameAddress.statusCode(), "one comment per IP address, whoever types it");
    }

    @Test
    void floodControlIsDecidedByTheDatabaseSoSimultaneousPostsCannotBothPass() throws Exception {
        data.settings(s -> s.floodSeconds = "15");
        Article article = data.article("Race");
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String author = "Racer" + i;
            Browser reader = new Browser();
            Page form = reader.open("/articles/" + article.slug);
            posts.add(() -> reader.submit(
                            form,
                            "#commentform",
                            Map.of("comment", "Racing " + author, "author", author, "email", author + "@example.org"))
                    .statusCode());
        }

        List<Integer> answers = all(posts);

        assertEquals(1, answers.stream().filter(s -> s == 303).count(), answers::toString);
        assertEquals(3, answers.stream().filter(s -> s == 429).count(), answers::toString);
        assertEquals(1, data.commentsOn(article));
    }

    @Test
    void theSameTextTwiceIsRefusedWith409AndTheTextKept() {
        Article article = data.article("Duplicate");
        Browser reader = new Browser();
        String author = TestData.unique("Echo");
        assertEquals(
                303,
                post(reader, article, "I agree.", author, "echo@example.org").statusCode());

        Response again = post(reader, article, "  I  AGREE.  ", author, "ECHO@example.org");

        assertEquals(409, again.statusCode());
        Page page = Page.of("/comments", again);
        assertEquals(
                "You've already said that: this comment is already on this article. Your text is still here if you"
                        + " want to change it.",
                page.text(".form-error"));
        assertEquals("  I  AGREE.  ", page.fieldValue("comment"));
        assertEquals(1, data.commentsBy(author));
        Article other = data.article("Elsewhere");
        assertEquals(
                303, post(reader, other, "I agree.", author, "echo@example.org").statusCode(), "on another article");
    }

    @Test
    void aBotFillingTheHiddenFieldIsMarkedSpamAndToldNothing() {
        Article article = data.article("Honeypot");
        Browser bot = new Browser();
        String author = TestData.unique("Bot");
        Page form = bot.open("/articles/" + article.slug);
        assertTrue(form.one("#parley_hp").parent().hasClass("field-hp"), "hidden from people by the page's style");
        assertEquals("-1", form.one("#parley_hp").attr("tabindex"));

        Response answer = bot.submit(
                form,
                "#commentform",
                Map.of(
                        "comment",
                        "Great post",
                        "author",
                        author,
                        "email",
                        "bot@example.org",
                        "parley_hp",
                        "http://spam"));

        assertEquals(303, answer.statusCode(), "answered like any comment");
        Comment stored = data.onlyCommentBy(author);
        assertEquals(CommentStatus.SPAM, stored.status);
        assertEquals("the hidden field that only bots fill in was filled in", stored.reasons);
        assertTrue(
                bot.follow(answer).has("#comment-" + stored.id + " .comment-awaiting-moderation"),
                "to the bot, like any held comment");
        assertFalse(new Browser().open("/articles/" + article.slug).has("#comment-" + stored.id));
    }

    @Test
    void aGuestCommentSentFasterThanAPersonTypesIsHeldAndAFormWithoutStampIsSpam() {
        data.settings(s -> s.minFormSeconds = "60");
        Article article = data.article("Too fast");
        Browser bot = new Browser();
        String fast = TestData.unique("Fast");
        String forged = TestData.unique("Forged");

        bot.submit(
                bot.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Nice", "author", fast, "email", "fast@example.org"));
        bot.submit(
                bot.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Nice!", "author", forged, "email", "forged@example.org", "parley_shown", "1.abc"));

        assertEquals(CommentStatus.PENDING, data.onlyCommentBy(fast).status, "people paste too: held, not spam");
        assertEquals(CommentStatus.SPAM, data.onlyCommentBy(forged).status);
        assertTrue(
                data.onlyCommentBy(fast)
                        .reasons
                        .matches("sent [01] seconds? after the form was shown \\(minimum 60\\)"),
                data.onlyCommentBy(fast).reasons);
        assertEquals("sent without the form's time stamp (not from Parley's form)", data.onlyCommentBy(forged).reasons);

        data.settings(s -> s.minFormSeconds = "0");
        String person = TestData.unique("Person");
        bot.submit(
                bot.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Hello", "author", person, "email", "p@example.org"));
        assertEquals(CommentStatus.PENDING, data.onlyCommentBy(person).status, "0 switches the check off");
    }

    @Test
    void aResubmittedFormFindsTheCommentItMadeInsteadOfMakingAnother() {
        data.settings(s -> s.floodSeconds = "15");
        Article article = data.article("Twice sent");
        Browser reader = new Browser();
        String author = TestData.unique("Doubler");
        Page form = reader.open("/articles/" + article.slug);
        Map<String, String> typed = Map.of("comment", "Only once", "author", author, "email", "d@example.org");

        Response first = reader.submit(form, "#commentform", typed);
        Response retried = reader.submit(form, "#commentform", typed);

        assertEquals(303, first.statusCode());
        assertEquals(303, retried.statusCode(), "not a flood or duplicate error: it is the same comment");
        assertEquals(first.header("Location"), retried.header("Location"));
        assertEquals(1, data.commentsBy(author));
    }

    @Test
    void aDoubleClickSendingTheFormTwiceAtOnceMakesOneComment() throws Exception {
        data.settings(s -> s.floodSeconds = "15");
        Article article = data.article("Double click");
        Browser reader = new Browser();
        String author = TestData.unique("Clicker");
        Page form = reader.open("/articles/" + article.slug);
        Map<String, String> typed = Map.of("comment", "Click click", "author", author, "email", "c@example.org");
        List<Callable<String>> clicks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clicks.add(() -> {
                Response answer = reader.submit(form, "#commentform", typed);
                return answer.statusCode() + " " + answer.header("Location");
            });
        }

        List<String> answers = all(clicks);

        assertEquals(1, new java.util.HashSet<>(answers).size(), answers::toString);
        assertTrue(answers.get(0).startsWith("303 "), answers::toString);
        assertEquals(1, data.commentsBy(author));
        long id = data.onlyCommentBy(author).id;
        assertTrue(answers.get(0).endsWith("#comment-" + id), answers::toString);
        assertTrue(
                reader.open("/articles/" + article.slug).has("#comment-" + id + " .comment-awaiting-moderation"),
                "whichever answer's cookie the browser kept, it shows the comment");
    }

    private static Response post(Browser reader, Article article, String text, String author, String email) {
        Map<String, String> typed = new HashMap<>();
        typed.put("comment", text);
        typed.put("author", author);
        typed.put("email", email);
        return reader.submit(reader.open("/articles/" + article.slug), "#commentform", typed);
    }

    /** Runs the tasks at the same moment, as far as threads allow, and returns their answers in order. */
    private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
