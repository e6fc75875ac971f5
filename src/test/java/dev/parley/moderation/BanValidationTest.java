package dev.parley.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.identity.ReaderIdentity;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each kind of ban accepts only what it can match, and says so next to the field, keeping what was typed. */
@QuarkusTest
class BanValidationTest {

    @Inject
    TestData data;

    @AfterEach
    void liftBans() {
        data.liftAllBans();
    }

    @Test
    void anEmailBanNeedsAnEmailAddress() {
        assertRefused("email", "not an email", "This is not an email address. Enter one such as name@example.com.");
    }

    @Test
    void aReaderBanNeedsTheNumberOfAnExistingReader() {
        assertRefused("identity", "Ann", "A signed-in reader is banned by their number, as the queue shows it.");
        assertRefused("identity", "987654321987", "No signed-in reader has the number 987654321987.");
    }

    @Test
    void anIpBanNeedsOneValidAddress() {
        assertRefused(
                "ip", "not an address", "This is not an IP address. Enter one such as 203.0.113.7 or 2001:db8::7.");
        assertRefused("ip", "300.1.2.3", "This is not an IP address. Enter one such as 203.0.113.7 or 2001:db8::7.");
        assertRefused("ip", "2001:db8::g", "This is not an IP address. Enter one such as 203.0.113.7 or 2001:db8::7.");
        assertRefused("ip", "example.org", "This is not an IP address. Enter one such as 203.0.113.7 or 2001:db8::7.");
        assertRefused("ip", "203.0.113.0/24", "Ranges (such as 203.0.113.0/24) cannot be banned: enter one address.");
    }

    @Test
    void validValuesOfEachKindAreBanned() {
        String name = TestData.unique("Numbered");
        data.signInReader(new Browser(), name);
        String readerNumber = QuarkusTransaction.requiringNew()
                .call(() -> ReaderIdentity.<ReaderIdentity>find("displayName", name)
                        .singleResult()
                        .id
                        .toString());
        for (Map.Entry<String, String> ban : Map.of(
                        "email", TestData.unique("ok") + "@example.org",
                        "ip", "2001:DB8:0:0:0:0:0:7",
                        "identity", "#" + readerNumber)
                .entrySet()) {
            Browser moderator = data.moderatorBrowser();
            Response answer = moderator.submit(
                    moderator.open("/moderation/bans"),
                    "#banform",
                    Map.of("kind", ban.getKey(), "value", ban.getValue()));
            assertEquals(303, answer.statusCode(), () -> ban + ": " + answer.asString());
        }
        Page list = data.moderatorBrowser().open("/moderation/bans");
        assertFalse(
                list.html()
                        .select("#bans .ban-value bdi:containsOwn(2001:db8:0:0:0:0:0:7)")
                        .isEmpty(),
                "stored in one spelling");
        assertFalse(
                list.html()
                        .select("#bans .ban-value bdi:matchesOwn(^" + readerNumber + "$)")
                        .isEmpty(),
                "stored as the bare number");
    }

    private void assertRefused(String kind, String value, String message) {
        Browser moderator = data.moderatorBrowser();
        Response answer = moderator.submit(
                moderator.open("/moderation/bans"), "#banform", Map.of("kind", kind, "value", value, "days", "3"));
        assertEquals(400, answer.statusCode(), () -> kind + " " + value + " was accepted");
        Page again = Page.of("/moderation/bans", answer);
        assertEquals(message, again.fieldError("value"));
        assertEquals(value, again.fieldValue("value"), "what was typed stays in the field");
        assertEquals("3", again.fieldValue("days"));
        assertEquals(kind, again.one("#kind option[selected]").val(), "the kind stays chosen");
    }
}
