package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.article.Article;
import dev.parley.provider.ProviderAdminService;
import dev.parley.support.Chromium;
import dev.parley.support.ChromiumTest;
import dev.parley.support.KeycloakResource;
import dev.parley.support.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader signs in with the real Keycloak in headless Chromium, through Keycloak's own login page. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class SignInBrowserTest extends ChromiumTest {

    @Inject
    TestData data;

    @Inject
    ProviderAdminService providers;

    @Test
    void readerSignsInWithKeycloakAndFindsTheirDraft() throws IOException {
        long providerId = KeycloakResource.registerWith(providers, false);
        Article article = data.article("Signing in with Chromium");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(base + "articles/" + article.slug);
        browser.findElement(By.id("comment")).sendKeys("Written before signing in.");
        Chromium.screenshot(browser, "sign-in-choices");
        browser.findElement(By.cssSelector("button[formaction='/auth/" + providerId + "/start']"))
                .click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys("rita");
        browser.findElement(By.id("password")).sendKeys(KeycloakResource.readerPassword());
        browser.findElement(By.id("kc-login")).click();

        WebElement signedIn =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".logged-in-as")));
        assertEquals(
                "You are commenting using your Keycloak account as Rita Reader.",
                signedIn.findElement(By.tagName("span")).getText());
        assertEquals(
                "Written before signing in.",
                browser.findElement(By.id("comment")).getAttribute("value"));
        Chromium.screenshot(browser, "signed-in-with-keycloak");

        browser.findElement(By.id("submit")).click();
        WebElement pending = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment.awaiting .comment-author")));
        assertEquals("Rita Reader", pending.getText());
    }
}
