package dev.parley.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscussionSettingsTest {

    @Inject
    TestData data;

    @Inject
    SettingsService settings;

    @AfterEach
    void restoreDefault() {
        data.baselineSettings();
    }

    @Test
    void threadDepthTakesEffectAtOnce() {
        Article article = data.article("Depth");
        Comment top = data.comment(article, null, "Top", "1", CommentStatus.APPROVED);
        Comment reply = data.comment(article, top.id, "Reply", "2", CommentStatus.APPROVED);
        Comment deeper = data.comment(article, reply.id, "Deeper", "3", CommentStatus.APPROVED);
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);

        Page form = owner.open("/admin/settings");
        assertEquals("5", form.fieldValue("threadDepth"));
        Page saved = owner.follow(owner.submit(form, "#settingsform", Map.of("threadDepth", "2")));
        assertEquals("Settings saved.", saved.text(".notice"));
        assertEquals("2", saved.fieldValue("threadDepth"));

        Page thread = new Browser().open("/articles/" + article.slug);
        assertTrue(thread.one("#comment-" + deeper.id).hasClass("depth-2"));
        assertEquals(
                "comment-" + top.id,
                thread.one("#comment-" + deeper.id).parent().parent().id());
        assertEquals("replying to Reply", thread.text("#comment-" + deeper.id + " .in-reply-to"));
    }

    @Test
    void depthOutOfRangeIsExplainedAndKept() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        for (String wrong : new String[] {"0", "11", "deep"}) {
            Response answer =
                    owner.submit(owner.open("/admin/settings"), "#settingsform", Map.of("threadDepth", wrong));
            assertEquals(400, answer.statusCode());
            Page page = new Page("settings", 400, Jsoup.parse(answer.asString()));
            assertEquals("Enter a whole number from 1 to 10.", page.fieldError("threadDepth"));
            assertEquals(wrong, page.fieldValue("threadDepth"));
        }
        assertEquals(5, settings.discussion().threadDepth());
    }
}
