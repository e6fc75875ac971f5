package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failed sign-in says what happened in words; the OAuth error code is a detail for the site owner only. */
@QuarkusTest
class SignInFailurePageTest {

    @Inject
    TestData data;

    @Inject
    ProviderAdminService providers;

    @Test
    void aProviderThatCannotBeReachedIsExplainedInWordsWithTheDraftKept() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String name = TestData.unique("Unreachable");
        // Added without the form, as a provider that went away after it was set up.
        long id = providers.add(
                ProviderKind.KEYCLOAK, name, "http://127.0.0.1:" + closed + "/realms/gone", "parley", "s", null, false);
        try {
            Article article = data.article("Gone provider");
            Browser reader = new Browser();
            Page form = reader.open("/articles/" + article.slug);

            Page failed = reader.followAll(reader.submitTo(
                    form,
                    "#commentform",
                    "/auth/" + id + "/start",
                    Map.of("comment", "Typed before trying", "slug", article.slug)));

            assertEquals("Signing in with " + name + " did not work", failed.text("h1"), failed.html()::toString);
            assertEquals(
                    "This site could not reach " + name + " just now. Please try again in a few minutes.",
                    failed.text(".reason"));
            assertFalse(failed.has(".provider-error"), "no error code for readers");
            assertEquals(
                    "Typed before trying",
                    reader.open(failed.one("a.button").attr("href")).fieldValue("comment"));
        } finally {
            providers.setEnabled(id, false);
        }
    }

    @Test
    void eachOAuthErrorCodeBecomesASentenceAndOnlyTheOwnerSeesTheCode() {
        String name = TestData.unique("Coded");
        long id = providers.add(ProviderKind.GITHUB, name, null, "c", "s", null, false);
        try {
            Browser reader = new Browser();
            Map<String, String> sentences = Map.of(
                    "access_denied",
                    "You chose not to let " + name + " tell this site who you are, so you were not signed in.",
                    "temporarily_unavailable",
                    name + " is busy or down for maintenance right now. Please try again in a few minutes.",
                    "invalid_grant",
                    "The sign-in took too long, or this answer from " + name + " was used already. Please start again.",
                    "invalid_client",
                    name + " refused this site's sign-in request, so nobody can sign in with it at the moment. The"
                            + " site owner needs to check its settings. Meanwhile, choose another way or comment as a"
                            + " guest.");
            sentences.forEach((code, sentence) -> {
                Page page = reader.open("/auth/" + id + "/failed?error=" + code + "&error_description=Ignore+this");
                assertEquals(401, page.status());
                assertEquals(sentence, page.text(".reason"), code);
                assertFalse(page.has(".provider-error"), code);
                assertFalse(page.html().text().contains(code), code + " is not shown to readers");
                assertFalse(page.html().text().contains("Ignore this"), "the description is anyone's to write");
            });
            Page unknown = reader.open("/auth/" + id + "/failed?error=%3Cscript%3E");
            assertTrue(unknown.text(".reason").startsWith(name + " did not let you in, or could not be reached."));

            Browser owner = new Browser();
            owner.signIn(data.owner(), TestData.PASSWORD);
            // The owner's Test button: the failure comes back to them with the code as a detail.
            owner.submit(owner.open("/admin/providers/" + id), "#testform", Map.of());
            Page forOwner = owner.open("/auth/" + id + "/failed?error=invalid_client");
            assertEquals("For the site owner: the error code was invalid_client.", forOwner.text(".provider-error"));
        } finally {
            providers.setEnabled(id, false);
        }
    }
}
