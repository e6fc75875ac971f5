package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.LogCapture;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no browser sends but anyone can: each gets a 4xx and a plain page, and leaves at most one short line
 * in the log, never a stack trace (a log that a script can fill with stack traces hides real failures).
 */
@QuarkusTest
class MalformedRequestTest {

    @Inject
    TestData data;

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {";;;/;q=x", "text/html;q=2", "*/*;q=", "text/html;q=abc, */*", "text/html;;;"})
    void aMalformedAcceptHeaderIsRefusedWithAPlainPage(String accept) {
        Article article = data.article("Accept");
        assertRefusedQuietly(() -> new Browser().withHeader("Accept", accept).open("/articles/" + article.slug));
    }

    @ParameterizedTest(name = "Accept-Language: {0}")
    @ValueSource(strings = {";;;=", "en;q=x", "de;q="})
    void aMalformedAcceptLanguageHeaderIsRefusedWithAPlainPage(String language) {
        assertRefusedQuietly(
                () -> new Browser().withHeader("Accept-Language", language).open("/"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Accept-Charset: ;;;q=x", "Accept-Encoding: gzip;q=x", "Accept-Charset: utf-8;q="})
    void otherMalformedNegotiationHeadersAreRefusedWithAPlainPage(String header) {
        String[] parts = header.split(": ", 2);
        assertRefusedQuietly(() -> new Browser().withHeader(parts[0], parts[1]).open("/"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"email=%zz", "comment=100%", "author=%E4%B8%", "comment=%%41"})
    void aFormWithBrokenPercentEncodingIsRefusedWithAPlainPage(String brokenField) {
        Article article = data.article("Encoding");
        Browser reader = new Browser();
        reader.open("/articles/" + article.slug);
        String body = "_csrf=" + reader.cookie("parley_csrf") + "&comment=Hello&author=Ann&email=ann%40example.org&"
                + brokenField;
        assertRefusedQuietly(() -> Page.of("(form)", reader.postRaw("/articles/" + article.slug + "/comments", body)));
        assertEquals(0, data.commentsOn(article), "nothing was saved");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html", "text/html,application/xhtml+xml,*/*;q=0.8", "*/*", "text/*;q=0.5"})
    void wellFormedAcceptHeadersStillGetThePage(String accept) {
        Article article = data.article("Fine");
        Page page = new Browser().withHeader("Accept", accept).open("/articles/" + article.slug);
        assertEquals(200, page.status());
        assertEquals(article.title, page.text("h1"));
    }

    private static void assertRefusedQuietly(java.util.function.Supplier<Page> request) {
        try (LogCapture log = LogCapture.start()) {
            Page page = request.get();
            assertEquals(400, page.status());
            assertEquals("This request could not be read", page.text("h1"));
            assertTrue(page.html().select("textarea, pre").isEmpty(), "no request details echoed");
            List<LogRecord> records = log.records();
            assertTrue(records.size() <= 1, () -> "at most one line: " + log.lines());
            assertTrue(
                    records.stream().allMatch(record -> record.getThrown() == null),
                    () -> log.lines().toString());
            assertTrue(
                    records.stream().allMatch(record -> record.getLevel().intValue() < 1000),
                    () -> "no error: " + log.lines());
        }
    }
}
