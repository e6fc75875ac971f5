package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.support.Browser;
import dev.parley.support.KeycloakResource;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A reader signs in with a real Keycloak from the reply form, and comes back to the same comment. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class SignInWithKeycloakTest {

    @Inject
    TestData data;

    @Inject
    ProviderService providers;

    private long keycloak(boolean publishDirectly) {
        return providers.add(new ProviderService.ProviderSetup(
                ProviderKind.KEYCLOAK,
                "Keycloak",
                "Log in with Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                null,
                true,
                publishDirectly));
    }

    @Test
    void readerSignsInKeepsTheDraftPostsAndLogsOut() {
        long providerId = keycloak(false);
        Article article = data.article("Signed in");
        Comment parent = data.comment(article, null, "Ada", "Who is there?", CommentStatus.APPROVED);
        Browser reader = new Browser();
        Page form = reader.open("/articles/" + article.slug + "?replytocom=" + parent.id);
        Element button = form.one("#commentform button[formaction=/auth/" + providerId + "/start]");
        assertEquals("Log in with Keycloak", button.text());

        // The reader has begun a reply, then chooses to sign in: the form goes to the provider's start.
        Response leaving = reader.submitTo(
                form,
                "#commentform",
                button.attr("formaction"),
                Map.of("comment", "Typed before signing in", "slug", article.slug));
        Page login = reader.followAll(leaving);
        assertTrue(login.has("#kc-form-login"), () -> "expected Keycloak's login page:\n" + login.html());

        Page back = reader.followAll(reader.submitTo(
                login,
                "#kc-form-login",
                login.one("#kc-form-login").attr("action"),
                Map.of("username", "rita", "password", KeycloakResource.readerPassword())));

        assertEquals("You are commenting using your Keycloak account as Rita Reader.", back.text(".logged-in-as span"));
        assertEquals("Typed before signing in", back.fieldValue("comment"), "the draft is back");
        assertTrue(back.has("#comment-" + parent.id + " #commentform"), "still replying to Ada");
        assertFalse(back.has("#author"), "no guest fields once signed in");

        Page posted = reader.follow(reader.submit(back, "#commentform", Map.of("comment", "Hello from Rita")));
        Comment mine = data.onlyCommentBy("Rita Reader");
        assertEquals("rita@example.org", mine.authorEmail);
        assertEquals(CommentStatus.PENDING, mine.status);
        assertTrue(posted.has("#comment-" + parent.id + " > ol.children > #comment-" + mine.id));
        assertEquals(
                "Your comment is awaiting moderation.",
                posted.text("#comment-" + mine.id + " .comment-awaiting-moderation"));

        Page loggedOut = reader.follow(
                reader.submitTo(posted, "#commentform", "/logout", Map.of("next", "/articles/" + article.slug)));
        assertFalse(loggedOut.has(".logged-in-as"));
        assertTrue(loggedOut.has("#commentform button[formaction=/auth/" + providerId + "/start]"));
    }
}
