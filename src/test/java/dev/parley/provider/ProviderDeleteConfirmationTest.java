package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deleting a login provider loses its settings and secret: without JavaScript, a page asks first. */
@QuarkusTest
class ProviderDeleteConfirmationTest {

    @Inject
    TestData data;

    @Inject
    ProviderAdminService providers;

    @Test
    void deleteAsksFirstNamingWhatIsLost() {
        String name = TestData.unique("Doomed Google");
        long id = providers.add(ProviderKind.GOOGLE, name, null, "client", "secret", null, false);
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);

        Response first =
                owner.submit(owner.open("/admin/providers"), "#provider-" + id + " form[action$=/delete]", Map.of());

        assertEquals(200, first.statusCode());
        assertTrue(providers.formValues(id).isPresent(), "one click deletes nothing");
        Page asked = Page.of("/admin/providers/" + id + "/delete", first);
        assertEquals("Delete the login provider " + name + "?", asked.text("h1"));
        String lost = asked.text("#doomed");
        assertTrue(lost.contains("Its button disappears from the reply form."), lost);
        assertTrue(lost.contains("Its settings and its stored client secret are lost."), lost);
        assertEquals("/admin/providers", asked.one("#cancel").attr("href"));

        Page after = owner.follow(owner.submit(asked, "#confirmform", Map.of()));

        assertEquals("Provider deleted; its readers are signed out.", after.text(".notice"));
        assertTrue(providers.formValues(id).isEmpty());
    }
}
