package dev.parley.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Static files as browsers and CDNs meet them: pages link fingerprinted addresses kept for a year, a page from
 * before an upgrade still gets its stylesheet (today's, not kept), and the plain addresses host sites copied
 * stay short-lived.
 */
@QuarkusTest
class AssetsTest {

    private static final Path FILES = Path.of("src/main/resources/assets");
    private static final Pattern FINGERPRINTED = Pattern.compile("^/assets/([0-9a-f]{12})(/.+)$");

    @Inject
    TestData data;

    @Test
    void pagesLinkEveryStaticFileAtItsFingerprintedAddress() throws IOException {
        Article article = data.article("Fingerprinted");
        Page page = new Browser().open("/articles/" + article.slug);
        String stylesheet = page.one("link[rel=stylesheet]").attr("href");
        String icon = page.one("link[rel=icon]").attr("href");
        assertFingerprintOf("/css/parley.css", stylesheet);
        assertFingerprintOf("/favicon.svg", icon);

        String origin = "https://" + TestData.unique("assets") + ".example";
        data.site("Assets", origin);
        Page fragment = Page.of(
                "/embed/thread", new Browser().getRaw("/embed/thread?page=" + origin.replace(":", "%3A") + "%2Fpost"));
        assertEquals(200, fragment.status());
        // The fragment's own stylesheet: embed.js finds "css/embed.css" in its address and adds no other.
        assertFingerprintOf(
                "/css/embed.css", fragment.one(".parley link[rel=stylesheet]").attr("href"));
    }

    @Test
    void theCurrentFingerprintIsKeptForAYear() throws IOException {
        for (String path : Assets.PATHS) {
            Response answer = given().get(Routes.asset(path));
            assertEquals(200, answer.statusCode(), path);
            assertEquals("public, max-age=31536000, immutable", answer.header("Cache-Control"), path);
            assertArrayEquals(Files.readAllBytes(FILES.resolve(path.substring(1))), answer.asByteArray(), path);
            assertEquals(Assets.find(path).contentType(), answer.header("Content-Type"), path);
            assertTrue(answer.header("ETag").startsWith("W/\""), answer.header("ETag"));
        }
        assertEquals(
                "text/css;charset=UTF-8",
                given().get(Routes.asset("/css/parley.css")).header("Content-Type"));
        assertEquals(
                "text/javascript;charset=UTF-8",
                given().get(Routes.asset("/embed.js")).header("Content-Type"));
        assertTrue(given().get(Routes.asset("/favicon.svg")).contentType().startsWith("image/svg+xml"));
    }

    @Test
    void anOldFingerprintGetsTodaysFileWithoutBeingKept() throws IOException {
        String current = Routes.asset("/css/parley.css");
        String old = current.replaceFirst("/assets/[0-9a-f]{12}/", "/assets/000000000000/");
        assertNotEquals(current, old);
        Response answer = given().get(old);
        assertEquals(200, answer.statusCode());
        assertEquals("no-cache", answer.header("Cache-Control"));
        assertArrayEquals(Files.readAllBytes(FILES.resolve("css/parley.css")), answer.asByteArray());
    }

    @Test
    void unknownFilesAndMalformedFingerprintsAreNotFound() {
        String fingerprint = Assets.find("/css/parley.css").fingerprint();
        for (String path : List.of(
                "/assets/" + fingerprint + "/css/nothing.css",
                "/assets/" + fingerprint + "/application.properties",
                "/assets/" + fingerprint + "/../css/parley.css",
                "/assets/" + fingerprint + "/%2e%2e/application.properties",
                "/assets/XYZ/css/parley.css",
                "/css/nothing.css",
                "/js/nothing.js",
                "/assets/" + fingerprint,
                "/assets/")) {
            Response answer = given().urlEncodingEnabled(false).get(path);
            assertTrue(answer.statusCode() == 404, path + " answered " + answer.statusCode());
            assertNotEquals("public, max-age=31536000, immutable", answer.header("Cache-Control"), path);
        }
    }

    @Test
    void anUnchangedFileCostsA304AndHeadAnswersWithoutABody() {
        String address = Routes.asset("/js/queue.js");
        String tag = given().get(address).header("ETag");
        Response unchanged = given().header("If-None-Match", tag).get(address);
        assertEquals(304, unchanged.statusCode());
        assertEquals("", unchanged.asString());
        assertEquals("public, max-age=31536000, immutable", unchanged.header("Cache-Control"));

        Response head = given().head(address);
        assertEquals(200, head.statusCode());
        assertEquals("", head.asString());
        assertEquals("public, max-age=31536000, immutable", head.header("Cache-Control"));
    }

    @Test
    void thePlainAddressesStayShortLived() throws IOException {
        for (String path : Assets.PATHS) {
            Response answer = given().get(path);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("public, max-age=300", answer.header("Cache-Control"), path);
            assertArrayEquals(Files.readAllBytes(FILES.resolve(path.substring(1))), answer.asByteArray(), path);
            Response unchanged =
                    given().header("If-None-Match", answer.header("ETag")).get(path);
            assertEquals(304, unchanged.statusCode(), path);
            assertEquals("public, max-age=300", unchanged.header("Cache-Control"), path);
        }
    }

    @Test
    void everyStaticFileIsFingerprinted() throws IOException {
        try (Stream<Path> files = Files.walk(FILES)) {
            TreeSet<String> onDisk = files.filter(Files::isRegularFile)
                    .map(file -> "/" + FILES.relativize(file).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
            assertEquals(onDisk, new TreeSet<>(Assets.PATHS));
        }
    }

    private static void assertFingerprintOf(String path, String link) throws IOException {
        Matcher parts = FINGERPRINTED.matcher(link);
        assertTrue(parts.matches(), link);
        assertEquals(path, parts.group(2));
        assertEquals(Assets.fingerprint(Files.readAllBytes(FILES.resolve(path.substring(1)))), parts.group(1));
        assertNull(given().get(link).header("Set-Cookie"), "a file any cache may keep sets no cookie");
    }
}
