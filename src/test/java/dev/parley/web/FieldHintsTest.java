package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.identity.AccountRole;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A field's hint and error are tied to it (aria-describedby), so that a screen reader says them with the field. */
@QuarkusTest
class FieldHintsTest {

    @Inject
    TestData data;

    @Test
    void theHintIsReadWithItsFieldAndTheErrorFirstWhenThereIsOne() {
        Browser owner = new Browser();
        owner.signIn(data.account(AccountRole.OWNER), TestData.PASSWORD);
        Page accounts = owner.open("/admin/accounts");
        assertEquals("password-hint", accounts.one("#password").attr("aria-describedby"));
        assertEquals("At least 12 characters.", accounts.text("#password-hint"));
        assertEquals("", accounts.one("#name").attr("aria-describedby"), "no hint, no error: nothing to tie");

        Response refused = owner.submit(
                accounts, "#moderatorform", Map.of("name", "", "email", "new@example.org", "password", "short"));
        Page again = new Page("/admin/accounts", refused.statusCode(), Jsoup.parse(refused.asString()));
        assertEquals("password-error password-hint", again.one("#password").attr("aria-describedby"));
        assertEquals("name-error", again.one("#name").attr("aria-describedby"));
        assertEquals("true", again.one("#name").attr("aria-invalid"));
    }
}
