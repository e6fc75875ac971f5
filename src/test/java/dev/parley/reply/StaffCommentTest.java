package dev.parley.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.identity.AccountRole;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Staff are staff on the article page too: they comment as themselves, published at once, marked Staff. */
@QuarkusTest
class StaffCommentTest {

    @Inject
    TestData data;

    @BeforeEach
    void strictestRules() {
        // Every defence on: none of them applies to staff.
        data.settings(s -> {
            s.minFormSeconds = "60";
            s.floodSeconds = "15";
            s.moderationWords = "casino";
        });
        data.forgetFloodMarks();
    }

    @AfterEach
    void backToBaseline() {
        data.baselineSettings();
        data.forgetFloodMarks();
    }

    @ParameterizedTest
    @EnumSource(AccountRole.class)
    void staffSignedInWithAnAccountCommentAsThemselves(AccountRole role) {
        Article article = data.article("Staff voice");
        String email = data.account(role);
        String name = data.accountByEmail(email).displayName;
        Browser staff = new Browser();
        staff.signIn(email, TestData.PASSWORD);

        Page form = staff.open("/articles/" + article.slug);
        assertEquals("Logged in as " + name + ". Log out", form.text("#commentform .logged-in-as"));
        assertFalse(form.has("#commentform [name=author]"), "not asked for a name");
        assertFalse(form.has("#commentform [name=email]"), "not asked for an email address");
        Response posted = staff.submit(form, "#commentform", Map.of("comment", "Thanks, all: no casino here."));
        Response second = staff.submit(
                staff.open("/articles/" + article.slug), "#commentform", Map.of("comment", "And a second word."));

        assertEquals(303, posted.statusCode(), () -> posted.asString());
        assertEquals(303, second.statusCode(), "no flood control for staff");
        String location = posted.header("Location");
        Comment comment = data.findComment(Long.parseLong(location.substring(location.indexOf("#comment-") + 9)));
        assertEquals(name, comment.authorName);
        assertEquals(CommentStatus.APPROVED, comment.status, "published at once, quick and with a moderation word");
        assertTrue(comment.byStaff);
        assertEquals(email, comment.authorEmail);
        assertNull(comment.reasons);
        Element shown = new Browser().open("/articles/" + article.slug).one("#comment-" + comment.id);
        assertEquals(name, shown.selectFirst(".comment-author").text());
        assertEquals("Staff", shown.selectFirst(".staff-badge").text());
    }

    @Test
    void aReaderWithTheModeratorRoleIsMarkedStaff() {
        Article article = data.article("Moderating reader");
        Browser reader = new Browser();
        String name = TestData.unique("Mo");
        data.signInReader(reader, name, true);

        reader.submit(
                reader.open("/articles/" + article.slug), "#commentform", Map.of("comment", "Speaking for the site."));

        Comment comment = data.onlyCommentOn(article, name);
        assertEquals(CommentStatus.APPROVED, comment.status);
        assertTrue(comment.byStaff);
        assertTrue(new Browser().open("/articles/" + article.slug).has("#comment-" + comment.id + " .staff-badge"));
    }

    @Test
    void logOutFromTheFormLeadsBackToTheArticleAsAGuest() {
        Article article = data.article("Leaving");
        Browser staff = data.moderatorBrowser();
        Page form = staff.open("/articles/" + article.slug);

        Page after = staff.follow(staff.submitTo(
                form,
                "#commentform",
                "/logout",
                Map.of("next", form.one("#staff-logout").val())));

        assertEquals("/articles/" + article.slug, after.path());
        assertTrue(after.has("#commentform [name=author]"), "a guest now");
    }
}
