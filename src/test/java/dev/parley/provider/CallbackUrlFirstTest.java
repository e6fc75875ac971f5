package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Providers such as Google hand out a client ID only once the callback URL is registered with them: the owner sees
 * the exact callback URL before filling in anything.
 */
@QuarkusTest
class CallbackUrlFirstTest {

    @Inject
    TestData data;

    @TestHTTPResource("/")
    URL parley;

    @Test
    void choosingAKindShowsItsExactCallbackUrlBeforeAnythingIsFilledIn() {
        Browser owner = owner();
        Page list = owner.open("/admin/providers");
        Response chosen = owner.submit(list, "#kindform", Map.of("kind", "GITHUB"));

        Page page = owner.follow(chosen);
        long id = Long.parseLong(page.path().replaceAll("^/admin/providers/(\\d+).*", "$1"));
        assertEquals(parley.toString() + "auth/" + id + "/callback", page.text("#callback-url"));
        assertTrue(page.text(".notice").startsWith("Provider added, switched off. Register the callback URL"));
        assertEquals("", page.fieldValue("clientId"), "nothing filled in yet");
        assertFalse(page.has("#testform"), "nothing to test yet");
        Page listed = owner.open("/admin/providers");
        assertEquals("Off · not set up yet", listed.text("#provider-" + id + " .status"));
        assertFalse(listed.has("#provider-" + id + " form[action$=/enable]"), "it cannot be switched on yet");
        Response forced = owner.post(
                "/admin/providers/" + id + "/enable",
                Map.of("_csrf", listed.one("input[name=_csrf]").val()));
        assertEquals(409, forced.statusCode());
        assertTrue(Page.of("/admin/providers", forced).text("#problem").contains("not set up yet"));

        String name = TestData.unique("GitHub");
        Page saved = owner.follow(owner.submit(
                page,
                "#providerform",
                Map.of("displayName", name, "clientId", "gh-client", "clientSecret", "gh-secret", "enabled", "yes")));

        assertEquals("Provider saved. It applies from the next sign-in.", saved.text(".notice"));
        assertEquals(parley.toString() + "auth/" + id + "/callback", saved.text("#callback-url"), "the same URL");
        assertEquals("On", owner.open("/admin/providers").text("#provider-" + id + " .status"));
        assertTrue(saved.has("#testform"));
    }

    @Test
    void theNewProviderFormOffersTheCallbackUrlBeforeTheFirstSave() {
        Browser owner = owner();
        Page form = owner.open("/admin/providers/new?kind=GOOGLE");
        assertEquals("draftform", form.one(".how-to button[form]").attr("form"));

        Page page = owner.follow(owner.submit(form, "#draftform", Map.of()));

        long id = Long.parseLong(page.path().replaceAll("^/admin/providers/(\\d+).*", "$1"));
        assertEquals(parley.toString() + "auth/" + id + "/callback", page.text("#callback-url"));
        assertEquals("Google", page.fieldValue("displayName"));
        assertFalse(
                new Browser()
                        .open("/articles/hello-world")
                        .has("#commentform button[formaction=/auth/" + id + "/start]"),
                "readers see no button for it");
    }

    private Browser owner() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        return owner;
    }
}
