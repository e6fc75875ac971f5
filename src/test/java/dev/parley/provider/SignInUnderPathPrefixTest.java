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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A reader signs in with a real Keycloak while Parley runs under {@code /comments}: the provider is sent the
 * callback address with the prefix, and every step of the way back (callback, the start of the sign-in, the
 * article) stays under it.
 */
@QuarkusTest
@TestProfile(SignInUnderPathPrefixTest.UnderComments.class)
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class SignInUnderPathPrefixTest {

    public static class UnderComments implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "parley.path-prefix", "/comments",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:parley-prefix-sign-in;DB_CLOSE_DELAY=-1");
        }
    }

    private static final String PREFIX = "/comments";

    @Inject
    TestData data;

    @Inject
    ProviderAdminService providers;

    @Test
    void aReaderSignsInWithKeycloakAndComesBackUnderThePrefixWithTheDraft() {
        long providerId = KeycloakResource.registerWith(providers, true);
        Article article = data.article("Signed in under a prefix");
        Comment parent = data.comment(article, null, "Ada", "Who is there?", CommentStatus.APPROVED);
        Browser reader = new Browser();
        Page form = reader.open(PREFIX + "/articles/" + article.slug + "?replytocom=" + parent.id);
        String start = PREFIX + "/auth/" + providerId + "/start";
        Element button = form.one("#commentform button[formaction=" + start + "]");

        List<String> trail = new ArrayList<>();
        Page login = follow(
                reader,
                reader.submitTo(
                        form,
                        "#commentform",
                        button.attr("formaction"),
                        Map.of("comment", "Typed first", "slug", article.slug)),
                trail);
        assertTrue(login.has("#kc-form-login"), () -> "expected Keycloak's login page:\n" + login.html());
        String authorize = trail.stream()
                .filter(t -> t.contains("redirect_uri="))
                .findFirst()
                .orElseThrow();
        assertTrue(
                authorize.contains("redirect_uri=http%3A%2F%2Flocalhost%3A" + io.restassured.RestAssured.port
                        + "%2Fcomments%2Fauth%2F" + providerId + "%2Fcallback"),
                authorize);

        trail.clear();
        Page back = follow(
                reader,
                reader.submitTo(
                        login,
                        "#kc-form-login",
                        login.one("#kc-form-login").attr("action"),
                        Map.of("username", "rita", "password", KeycloakResource.readerPassword())),
                trail);
        assertEquals(
                "You are commenting using your Keycloak account as Rita Reader.",
                back.text(".logged-in-as span"),
                () -> "came back through " + trail);
        assertEquals("Typed first", back.fieldValue("comment"), "the draft is back");
        for (String step : trail) {
            URI uri = URI.create(step);
            if (!uri.getHost().equals(URI.create(KeycloakResource.issuer()).getHost())
                    || uri.getPort() != URI.create(KeycloakResource.issuer()).getPort()) {
                assertTrue(uri.getRawPath().startsWith(PREFIX + "/"), () -> "a step outside the prefix: " + trail);
            }
        }
        assertTrue(
                trail.stream().anyMatch(t -> t.contains(PREFIX + "/auth/" + providerId + "/callback?")),
                trail::toString);

        Page loggedOut = follow(
                reader,
                reader.submitTo(
                        back,
                        "#commentform",
                        PREFIX + "/logout",
                        Map.of("next", PREFIX + "/articles/" + article.slug + "#respond")),
                trail);
        assertEquals("Signed in under a prefix", loggedOut.text("h1.post-title"), "back via Keycloak's logout");
        assertFalse(loggedOut.has(".logged-in-as"));
    }

    /** Follows redirects like {@link Browser#followAll}, noting every address on the way. */
    private static Page follow(Browser browser, Response response, List<String> trail) {
        Page page = Page.of("(answer)", response);
        for (int hops = 0; page.location() != null && page.status() / 100 == 3 && hops < 20; hops++) {
            trail.add(page.location());
            page = browser.open(page.location());
        }
        return page;
    }
}
