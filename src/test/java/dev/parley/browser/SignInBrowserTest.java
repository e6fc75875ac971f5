package dev.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.provider.ProviderAdminService;
import dev.parley.provider.ProviderKind;
import dev.parley.support.KeycloakResource;
import dev.parley.support.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader signs in with the real Keycloak in headless Chromium, through Keycloak's own login page. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class SignInBrowserTest {

    private static final String CHROMIUM = System.getProperty("parley.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("parley.chromedriver", "/usr/bin/chromedriver");

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    ProviderAdminService providers;

    private ChromeDriver browser;

    @BeforeEach
    void startChromium() throws IOException {
        assertTrue(
                new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium is needed for this test: apt-get install -y chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1100,1400",
                "--user-data-dir=" + Files.createTempDirectory("parley-chromium"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER))
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void readerSignsInWithKeycloakAndFindsTheirDraft() throws IOException {
        long providerId = providers.add(
                ProviderKind.KEYCLOAK,
                "Keycloak",
                KeycloakResource.issuer(),
                KeycloakResource.CLIENT_ID,
                KeycloakResource.clientSecret(),
                null,
                false);
        Article article = data.article("Signing in with Chromium");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(base + "articles/" + article.slug);
        browser.findElement(By.id("comment")).sendKeys("Written before signing in.");
        Files.write(
                Files.createDirectories(Path.of("target", "screenshots")).resolve("sign-in-choices.png"),
                browser.getScreenshotAs(OutputType.BYTES));
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
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve("signed-in-with-keycloak.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("submit")).click();
        WebElement pending = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".comment.awaiting .comment-author")));
        assertEquals("Rita Reader", pending.getText());
    }
}
