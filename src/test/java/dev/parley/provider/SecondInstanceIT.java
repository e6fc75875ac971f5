package dev.parley.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.ItDatabase;
import dev.parley.support.KeycloakResource;
import dev.parley.support.Page;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two running instances that share the database and the deployment's keys: a reader who signs in with a
 * provider on one is signed in on the other, and a provider the owner adds on one works on the other at
 * once, without a restart.
 */
@Tag("h2")
@Tag("postgresql")
class SecondInstanceIT {

    private static final KeycloakResource KEYCLOAK = new KeycloakResource();

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startKeycloak() {
        KEYCLOAK.start();
    }

    @AfterAll
    static void stopKeycloak() {
        KEYCLOAK.stop();
    }

    @Test
    void aSignInOnOneInstanceIsASignInOnTheOther() throws Exception {
        try (ItDatabase database = ItDatabase.fresh(dataDir)) {
            signInAcrossInstances(database);
        }
    }

    private void signInAcrossInstances(ItDatabase database) throws Exception {
        // On PostgreSQL a new database; on H2 a file in mixed mode, which two processes can share.
        Map<String, String> shared = new java.util.HashMap<>(database.environment());
        shared.putAll(Map.of(
                "PARLEY_SESSION_KEY",
                "k".repeat(48),
                "PARLEY_SECRETS_KEY",
                "s".repeat(48),
                "PARLEY_ADMIN_EMAIL",
                "owner@example.org",
                "PARLEY_ADMIN_PASSWORD",
                "two instances, one site",
                "PARLEY_BEHIND_PROXY",
                "true"));
        try (AppProcess first = new AppProcess(dataDir.resolve("a"), shared).start();
                AppProcess second = new AppProcess(dataDir.resolve("b"), shared).start()) {
            Browser owner = new Browser(first.baseUri());
            owner.signIn("owner@example.org", "two instances, one site");
            Page saved = owner.follow(owner.submit(
                    owner.open("/admin/providers/new?kind=KEYCLOAK"),
                    "#providerform",
                    Map.of(
                            "displayName",
                            "Keycloak",
                            "issuerUrl",
                            KeycloakResource.issuer(),
                            "clientId",
                            KeycloakResource.CLIENT_ID,
                            "clientSecret",
                            KeycloakResource.clientSecret(),
                            "enabled",
                            "yes")));
            long providerId = Long.parseLong(saved.text("#callback-url").replaceAll(".*/auth/(\\d+)/callback$", "$1"));

            Browser onSecond = new Browser(second.baseUri());
            Page form = onSecond.open("/articles/hello-world");
            assertTrue(
                    form.has("button[formaction=/auth/" + providerId + "/start]"),
                    "the provider added on the first instance is offered by the second");
            Page login = onSecond.followAll(onSecond.submitTo(
                    form, "#commentform", "/auth/" + providerId + "/start", Map.of("slug", "hello-world")));
            Page signedIn = onSecond.followAll(onSecond.submitTo(
                    login,
                    "#kc-form-login",
                    login.one("#kc-form-login").attr("action"),
                    Map.of("username", "rita", "password", KeycloakResource.readerPassword())));
            assertEquals(
                    "You are commenting using your Keycloak account as Rita Reader.",
                    signedIn.text(".logged-in-as span"));

            // Behind a load balancer: the sign-in starts on the first instance and, the first instance having
            // stopped meanwhile, completes on the second.
            Browser reader = Browser.behindLoadBalancer("http://parley.example", first.baseUri());
            Page article = reader.open("/articles/hello-world");
            Page keycloakLogin = reader.followAll(reader.submitTo(
                    article,
                    "#commentform",
                    "/auth/" + providerId + "/start",
                    Map.of("comment", "Across instances", "slug", "hello-world")));
            first.stop();
            reader.useInstance(second.baseUri());
            Page completed = reader.followAll(reader.submitTo(
                    keycloakLogin,
                    "#kc-form-login",
                    keycloakLogin.one("#kc-form-login").attr("action"),
                    Map.of("username", "rita", "password", KeycloakResource.readerPassword())));
            assertEquals(
                    "You are commenting using your Keycloak account as Rita Reader.",
                    completed.text(".logged-in-as span"),
                    completed.html()::toString);
            assertEquals("Across instances", completed.fieldValue("comment"), "the draft followed too");
            first.start();

            Browser onFirst = new Browser(first.baseUri());
            onFirst.setCookie("parley_session", onSecond.cookie("parley_session"));
            assertEquals(
                    "You are commenting using your Keycloak account as Rita Reader.",
                    onFirst.open("/articles/hello-world").text(".logged-in-as span"),
                    "the session made on the second instance is accepted by the first");
        }
    }
}
