package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The owner's "Login providers" page: presets, write-only secrets, order, mistakes explained. */
@QuarkusTest
class ProviderAdminTest {

    @Inject
    TestData data;

    private Browser owner() {
        Browser owner = new Browser();
        owner.signIn(data.owner(), TestData.PASSWORD);
        return owner;
    }

    @Test
    void eachPresetExplainsWhatToDoAtTheProvider() {
        Browser owner = owner();
        Page list = owner.open("/admin/providers");
        assertEquals(
                ProviderKind.values().length,
                list.html().select(".kind-choices button[name=kind]").size());
        Page google = owner.open("/admin/providers/new?kind=GOOGLE");
        assertEquals("Add Google", google.text("h1"));
        assertTrue(google.text(".how-to").contains("Authorised redirect URIs"));
        assertEquals("Log in with Google", google.fieldValue("buttonLabel"));
        assertFalse(google.has("#issuerUrl"), "Google's issuer is known");
        assertTrue(owner.open("/admin/providers/new?kind=OIDC").has("#issuerUrl"));
        assertEquals(404, owner.open("/admin/providers/new?kind=MYSPACE").status());
    }

    @Test
    void mistakesComeBackExplainedWithEverythingButTheSecretKept() {
        Browser owner = owner();
        Response answer = owner.submit(
                owner.open("/admin/providers/new?kind=OIDC"),
                "#providerform",
                Map.of(
                        "displayName",
                        "Company SSO",
                        "issuerUrl",
                        "javascript:alert(1)",
                        "clientId",
                        "",
                        "clientSecret",
                        "typed-secret",
                        "scopes",
                        "openid <script>",
                        "iconUrl",
                        "javascript:alert(1)"));
        assertEquals(400, answer.statusCode());
        Page page = new Page("editor", 400, Jsoup.parse(answer.asString()));
        assertEquals(
                "The issuer must be a web address starting with https:// (or http:// for a local test server).",
                page.fieldError("issuerUrl"));
        assertEquals("Please enter the client ID the provider gave you.", page.fieldError("clientId"));
        assertEquals("Scopes are words separated by spaces, such as openid profile email.", page.fieldError("scopes"));
        assertEquals("The icon must be an https:// address of an image.", page.fieldError("iconUrl"));
        assertEquals("Company SSO", page.fieldValue("displayName"));
        assertEquals("javascript:alert(1)", page.fieldValue("issuerUrl"));
        assertEquals("", page.fieldValue("clientSecret"));
        assertFalse(answer.asString().contains("typed-secret"), "a secret is never sent back");
    }

    @Test
    void appleAsksForTheTeamAndTheKeyThatSignItsSecret() {
        Browser owner = owner();
        Page apple = owner.open("/admin/providers/new?kind=APPLE");
        assertTrue(apple.text(".how-to").contains(".p8"));
        Response answer = owner.submit(
                apple,
                "#providerform",
                Map.of(
                        "clientId",
                        "org.example.parley",
                        "clientSecret",
                        "-----BEGIN PRIVATE KEY-----MIGT-----END PRIVATE KEY-----"));
        Page page = new Page("editor", 400, Jsoup.parse(answer.asString()));
        assertEquals("Please enter your Apple developer team ID.", page.fieldError("teamId"));
        assertEquals("Please enter the ID of the Sign in with Apple key.", page.fieldError("keyId"));

        Page saved = owner.follow(owner.submit(
                apple,
                "#providerform",
                Map.of(
                        "clientId",
                        "org.example.parley",
                        "clientSecret",
                        "-----BEGIN PRIVATE KEY-----MIGT-----END PRIVATE KEY-----",
                        "teamId",
                        "TEAM123456",
                        "keyId",
                        "KEY1234567")));
        assertEquals("TEAM123456", saved.fieldValue("teamId"));
        assertEquals("", saved.fieldValue("clientSecret"), "the private key is never shown again");
    }

    @Test
    void secretsAreStoredEncryptedAndKeptWhenLeftEmpty() {
        Browser owner = owner();
        String name = TestData.unique("GitHub");
        Page saved = owner.follow(owner.submit(
                owner.open("/admin/providers/new?kind=GITHUB"),
                "#providerform",
                Map.of("displayName", name, "clientId", "gh-client", "clientSecret", "gh-secret-value")));
        long id = Long.parseLong(saved.text("#callback-url").replaceAll(".*/auth/(\\d+)/callback$", "$1"));
        String stored = storedSecret(id);
        assertNotEquals("gh-secret-value", stored);
        assertFalse(stored.contains("gh-secret-value"));

        owner.submit(saved, "#providerform", Map.of("buttonLabel", "Sign in with GitHub"));
        assertEquals(stored, storedSecret(id), "an empty secret field keeps the stored secret");
        assertEquals("Sign in with GitHub", owner.open("/admin/providers/" + id).fieldValue("buttonLabel"));
    }

    @Test
    void providersAreOrderedAsTheOwnerChooses() {
        Browser owner = owner();
        String first = TestData.unique("First");
        String second = TestData.unique("Second");
        for (String name : List.of(first, second)) {
            owner.submit(
                    // GitHub: a kind without an issuer, which is saved switched on without asking the internet.
                    owner.open("/admin/providers/new?kind=GITHUB"),
                    "#providerform",
                    Map.of(
                            "displayName",
                            name,
                            "buttonLabel",
                            "Log in with " + name,
                            "clientId",
                            "c",
                            "clientSecret",
                            "s",
                            "enabled",
                            "yes"));
        }
        Page list = owner.open("/admin/providers");
        List<String> before = list.texts(".provider-name");
        assertTrue(before.indexOf(first) < before.indexOf(second));
        String secondRow = list.html().select(".provider-row").stream()
                .filter(r -> r.text().contains(second))
                .findFirst()
                .orElseThrow()
                .id();
        Page moved = owner.follow(owner.submit(list, "#" + secondRow + " form[action$=/up]", Map.of()));
        List<String> after = moved.texts(".provider-name");
        assertTrue(after.indexOf(second) < after.indexOf(first));
        List<String> buttons = new Browser().open("/articles/hello-world").texts("#sign-in button .label");
        assertTrue(
                buttons.indexOf("Log in with " + second) < buttons.indexOf("Log in with " + first), buttons::toString);
    }

    @Transactional
    String storedSecret(long id) {
        return LoginProvider.<LoginProvider>findById(id).clientSecret;
    }
}
