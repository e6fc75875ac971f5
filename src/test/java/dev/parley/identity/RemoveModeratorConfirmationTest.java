package dev.parley.identity;

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

/** Removing a moderator cannot be undone: without JavaScript, a page asks first. */
@QuarkusTest
class RemoveModeratorConfirmationTest {

    @Inject
    TestData data;

    @Test
    void removeAsksFirstAndCancelKeepsTheModerator() {
        String email = data.moderator();
        Browser moderator = new Browser();
        moderator.signIn(email, TestData.PASSWORD);
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);

        Response first = owner.submit(
                owner.open("/admin/accounts"), ".account-row:contains(" + email + ") form[action$=/remove]", Map.of());

        assertEquals(200, first.statusCode());
        assertEquals(200, moderator.open("/moderation").status(), "one click removes nobody");
        Page asked = Page.of("/admin/accounts", first);
        String name = data.accountByEmail(email).displayName;
        assertEquals("Remove the moderator " + name + "?", asked.text("h1"));
        assertTrue(asked.text("#doomed").contains(name + " (" + email + ") is signed out now"), asked.text("#doomed"));
        assertEquals("/admin/accounts", asked.one("#cancel").attr("href"));

        Page after = owner.follow(owner.submit(asked, "#confirmform", Map.of()));

        assertEquals("Moderator removed and signed out.", after.text(".notice"));
        assertEquals(303, moderator.open("/moderation").status(), "signed out");
    }
}
