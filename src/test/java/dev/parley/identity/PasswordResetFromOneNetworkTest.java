package dev.parley.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.mail.OutboxMail;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Forgot password?" asked too often from one network address: after the limit, whatever address is typed, the
 * page says to try again later (a 429 that reveals nothing about accounts) and no mail goes out. The other tests
 * raise the limit, since every test request comes from 127.0.0.1; here it is 3.
 */
@QuarkusTest
@TestProfile(PasswordResetFromOneNetworkTest.ThreeAnHour.class)
class PasswordResetFromOneNetworkTest {

    public static class ThreeAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.password-reset.per-ip-per-hour", "3");
        }
    }

    @Inject
    TestData data;

    private static Response ask(Browser browser, String email) {
        Page forgot = browser.open("/password/forgot");
        return browser.submit(forgot, "#forgotform", Map.of("email", email));
    }

    @Test
    void theFourthRequestFromOneAddressInAnHourIsRefusedAndMailsNothing() {
        // Requests other test classes made from 127.0.0.1 in this database do not count here.
        QuarkusTransaction.requiringNew().run(() -> ResetRequest.deleteAll());
        String moderator = data.moderator();
        Browser browser = new Browser();
        for (int i = 1; i <= 3; i++) {
            Response answer = ask(browser, TestData.unique("nobody") + "@parley.test");
            assertEquals(200, answer.statusCode(), "request " + i);
        }

        Response refused = ask(browser, moderator);

        assertEquals(429, refused.statusCode());
        assertEquals("3600", refused.header("Retry-After"));
        Page page = Page.of("/password/forgot", refused);
        assertTrue(
                page.shows("Too many requests from your network address. Please try again in an hour."),
                page.html().text());
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew().call(() -> OutboxMail.count("recipient", moderator)),
                "no reset mail for the refused request");
    }
}
