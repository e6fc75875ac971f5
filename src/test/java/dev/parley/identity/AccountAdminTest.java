package dev.parley.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The owner adds moderators, who can then work the queue but not the admin area. */
@QuarkusTest
class AccountAdminTest {

    @Inject
    TestData data;

    @Inject
    AccountService accounts;

    @Test
    void ownerAddsAModeratorWhoCanSignInAndThenRemovesThem() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        String email = TestData.unique("mod") + "@parley.test";

        Page list = owner.follow(owner.submit(
                owner.open("/admin/accounts"),
                "#moderatorform",
                Map.of("name", "Mo Derator", "email", email, "password", "a long enough password")));
        assertTrue(list.text(".notice").startsWith("Moderator added."));
        Element row = list.html().select(".account-row").stream()
                .filter(r -> r.text().contains(email))
                .findFirst()
                .orElseThrow();
        assertTrue(row.text().contains("Moderator"));
        assertFalse(accounts.list().stream()
                .filter(a -> a.email().equals(email))
                .findFirst()
                .orElseThrow()
                .toString()
                .contains("a long enough password"));

        Browser moderator = new Browser();
        Page queue = moderator.signIn(email.toUpperCase(), "a long enough password");
        assertEquals(200, queue.status(), "email is matched without regard to case");
        assertEquals(403, moderator.open("/admin").status());

        Page asked = Page.of(
                "/admin/accounts",
                owner.submit(
                        owner.open("/admin/accounts"),
                        ".account-row:contains(" + email + ") form[action$=/remove]",
                        Map.of()));
        Page removed = owner.follow(owner.submit(asked, "#confirmform", Map.of()));
        assertEquals("Moderator removed and signed out.", removed.text(".notice"));
        assertFalse(removed.shows(email));
        assertEquals(303, moderator.open("/moderation").status(), "a removed moderator is signed out");
    }

    @Test
    void badAccountFormKeepsNameAndEmailButNeverThePassword() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        String taken = data.moderator();

        Response answer = owner.submit(
                owner.open("/admin/accounts"),
                "#moderatorform",
                Map.of("name", "Dup", "email", taken, "password", "short"));

        assertEquals(400, answer.statusCode());
        Page page = new Page("accounts", 400, Jsoup.parse(answer.asString()));
        assertEquals("An account with this email address exists already.", page.fieldError("email"));
        assertEquals("The password must have between 12 and 256 characters.", page.fieldError("password"));
        assertEquals("Dup", page.fieldValue("name"));
        assertEquals(taken, page.fieldValue("email"));
        assertEquals("", page.fieldValue("password"));
    }

    @Test
    void ownersCannotBeRemoved() {
        Browser owner = new Browser();
        String ownerEmail = data.owner();
        owner.signIn(ownerEmail, TestData.PASSWORD);
        long ownerId = data.accountByEmail(ownerEmail).id;
        Response answer = owner.post(
                "/admin/accounts/" + ownerId + "/remove",
                Map.of(
                        "_csrf",
                        owner.open("/admin/accounts").one("input[name=_csrf]").val()));
        assertEquals(404, answer.statusCode());
        assertEquals(200, owner.open("/admin").status());
    }
}
