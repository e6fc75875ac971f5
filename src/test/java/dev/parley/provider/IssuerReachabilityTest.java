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
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A provider whose issuer cannot work is caught when the owner switches it on, not at a reader's sign-in. */
@QuarkusTest
class IssuerReachabilityTest {

    @Inject
    TestData data;

    @Inject
    ProviderAdminService providers;

    @TestHTTPResource("/")
    URL parley;

    @Test
    void anUnreachableIssuerIsNotSavedSwitchedOnButMaySwitchedOff() throws IOException {
        String issuer = "http://127.0.0.1:" + closedPort() + "/realms/news";
        Browser owner = owner();
        Page form = owner.open("/admin/providers/new?kind=KEYCLOAK");
        Map<String, String> typed = Map.of(
                "displayName", TestData.unique("Far Keycloak"),
                "issuerUrl", issuer,
                "clientId", "parley",
                "clientSecret", "s3cret",
                "enabled", "yes");

        Response on = owner.submit(form, "#providerform", typed);

        assertEquals(400, on.statusCode());
        Page again = Page.of("/admin/providers", on);
        assertEquals(
                "Parley could not reach " + issuer + "/.well-known/openid-configuration: nothing answers at that"
                        + " address. Check the issuer, or untick “Switched on” to save the provider switched off"
                        + " for now.",
                again.fieldError("issuerUrl"));
        assertEquals(issuer, again.fieldValue("issuerUrl"), "what was typed stays");
        assertTrue(again.has("input[name=enabled][checked]"));

        Map<String, String> off = new java.util.HashMap<>(typed);
        off.put("enabled", null);
        Page saved = owner.follow(owner.submit(again, "#providerform", off));
        assertEquals("Provider saved. It applies from the next sign-in.", saved.text(".notice"));
        assertFalse(saved.has("input[name=enabled][checked]"));
    }

    @Test
    void anAddressThatIsNotAnIssuerIsRefusedWithWhatItAnswered() {
        String notAnIssuer = parley.toString().replaceAll("/$", "") + "/articles";
        Browser owner = owner();
        Response on = owner.submit(
                owner.open("/admin/providers/new?kind=OIDC"),
                "#providerform",
                Map.of(
                        "displayName", TestData.unique("Not OIDC"),
                        "issuerUrl", notAnIssuer,
                        "clientId", "parley",
                        "clientSecret", "s3cret",
                        "enabled", "yes"));

        assertEquals(400, on.statusCode());
        assertEquals(
                notAnIssuer + "/.well-known/openid-configuration answered with HTTP status 404 instead of the"
                        + " provider's OpenID Connect configuration. Check the issuer, or untick “Switched on” to"
                        + " save the provider switched off for now.",
                Page.of("/admin/providers", on).fieldError("issuerUrl"));
    }

    @Test
    void switchingOnFromTheListChecksTheIssuerToo() throws IOException {
        String name = TestData.unique("Dormant Keycloak");
        Browser owner = owner();
        Page saved = owner.follow(owner.submit(
                owner.open("/admin/providers/new?kind=KEYCLOAK"),
                "#providerform",
                Map.of(
                        "displayName",
                        name,
                        "issuerUrl",
                        "http://127.0.0.1:" + closedPort() + "/realms/x",
                        "clientId",
                        "parley",
                        "clientSecret",
                        "s3cret")));
        long id = Long.parseLong(saved.text("#callback-url").replaceAll(".*/auth/(\\d+)/callback$", "$1"));

        Response on =
                owner.submit(owner.open("/admin/providers"), "#provider-" + id + " form[action$=/enable]", Map.of());

        assertEquals(409, on.statusCode());
        Page list = Page.of("/admin/providers", on);
        assertTrue(
                list.text("#problem").startsWith(name + " stays switched off. Parley could not reach "),
                list.text("#problem"));
        assertEquals("Off", list.text("#provider-" + id + " .status"));
    }

    private Browser owner() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        return owner;
    }

    /** A local port nothing listens on: connections to it are refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
