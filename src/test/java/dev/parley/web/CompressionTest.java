package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Every text answer travels compressed when the client asks, as every browser does; and only then. Read with
 * a client that does not decompress by itself, so that the headers and bytes are the ones sent.
 */
@QuarkusTest
class CompressionTest {

    private static final Path FILES = Path.of("src/main/resources/assets");

    /** HTTP/1.1, as browsers speak to a server without TLS and as reverse proxies speak to Parley. */
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    TestData data;

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyKindOfTextAnswerIsGzippedWhenAsked() throws Exception {
        Article article = data.article("Compressed");
        String origin = "https://" + TestData.unique("gzip") + ".example";
        data.site("Gzip", origin);
        String page = URLEncoder.encode(origin + "/post", StandardCharsets.UTF_8);

        Map<String, String> typeByPath = new LinkedHashMap<>();
        typeByPath.put("/", "text/html");
        typeByPath.put("/articles/" + article.slug, "text/html");
        typeByPath.put("/no-such-page", "text/html");
        typeByPath.put("/embed/thread?page=" + page, "text/html");
        typeByPath.put("/embed/counts?page=" + page, "application/json");
        typeByPath.put(Routes.asset("/css/parley.css"), "text/css");
        typeByPath.put(Routes.asset("/embed.js"), "text/javascript");
        typeByPath.put(Routes.asset("/favicon.svg"), "image/svg+xml");
        typeByPath.put("/embed.js", "javascript");
        typeByPath.put("/css/embed.css", "text/css");
        typeByPath.put("/favicon.svg", "image/svg+xml");

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> expected : typeByPath.entrySet()) {
            String path = expected.getKey();
            HttpResponse<byte[]> answer = send(get(path).header("Accept-Encoding", "gzip, deflate, br"));
            String type = answer.headers().firstValue("Content-Type").orElse("");
            String encoding = answer.headers().firstValue("Content-Encoding").orElse("(none)");
            if (!type.contains(expected.getValue())) {
                problems.add(path + ": " + type);
            }
            if (!encoding.equals("gzip")) {
                problems.add(path + " (" + answer.statusCode() + ", " + type + "): Content-Encoding " + encoding);
                continue;
            }
            if (!variesByEncoding(answer)) {
                problems.add(path + ": no Vary: Accept-Encoding");
            }
            if (gunzip(answer.body()).length == 0) {
                problems.add(path + ": empty");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theServersOwnTextAnswersAreGzippedToo() throws Exception {
        // A preflight from a site the owner has not registered is refused before any page code runs.
        HttpResponse<byte[]> refused = send(get("/embed/thread")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://" + TestData.unique("stranger") + ".example")
                .header("Access-Control-Request-Method", "POST")
                .header("Accept-Encoding", "gzip"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("gzip", refused.headers().firstValue("Content-Encoding").orElse("(none)"));
        assertTrue(new String(gunzip(refused.body()), StandardCharsets.UTF_8).contains("not registered"));
    }

    @Test
    void gzippedBytesAreTheFileItself() throws Exception {
        HttpResponse<byte[]> answer = send(get(Routes.asset("/css/parley.css")).header("Accept-Encoding", "gzip"));
        assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse("(none)"));
        byte[] file = Files.readAllBytes(FILES.resolve("css/parley.css"));
        assertArrayEquals(file, gunzip(answer.body()));
        assertTrue(answer.body().length < file.length / 2, answer.body().length + " bytes for " + file.length);
    }

    @Test
    void aClientThatDoesNotAskGetsPlainBytesWithoutAnEncodingHeader() throws Exception {
        Article article = data.article("Uncompressed");
        for (String path : List.of("/articles/" + article.slug, Routes.asset("/css/parley.css"), "/embed.js")) {
            HttpResponse<byte[]> answer = send(get(path));
            assertEquals(200, answer.statusCode(), path);
            assertFalse(answer.headers().firstValue("Content-Encoding").isPresent(), path);
            assertTrue(new String(answer.body(), StandardCharsets.UTF_8).length() > 100, path);
        }
        HttpResponse<byte[]> file = send(get(Routes.asset("/js/confirm.js")));
        assertArrayEquals(Files.readAllBytes(FILES.resolve("js/confirm.js")), file.body());
    }

    @Test
    void redirectsNotModifiedAndHeadStayWhole() throws Exception {
        Article article = data.article("Whole answers");
        // A reload of a form's address leads back to its page.
        HttpResponse<byte[]> redirect =
                send(get("/articles/" + article.slug + "/comments").header("Accept-Encoding", "gzip"));
        assertEquals(303, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElse("").contains("/articles/" + article.slug));
        assertReadable(redirect);

        String origin = "https://" + TestData.unique("etag") + ".example";
        data.site("Etag", origin);
        String thread = "/embed/thread?page=" + URLEncoder.encode(origin + "/post", StandardCharsets.UTF_8);
        HttpResponse<byte[]> first = send(get(thread).header("Accept-Encoding", "gzip"));
        String tag = first.headers().firstValue("ETag").orElse(null);
        assertNotNull(tag);
        HttpResponse<byte[]> unchanged =
                send(get(thread).header("Accept-Encoding", "gzip").header("If-None-Match", tag));
        assertEquals(304, unchanged.statusCode());
        assertEquals(0, unchanged.body().length);
        // A cache merges a 304's headers into its stored (compressed) copy: none may claim another encoding.
        assertFalse(unchanged.headers().firstValue("Content-Encoding").isPresent());

        HttpResponse<byte[]> head = send(get("/articles/" + article.slug)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept-Encoding", "gzip"));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve(path));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static boolean variesByEncoding(HttpResponse<?> answer) {
        return answer.headers().allValues("Vary").stream()
                .anyMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding"));
    }

    /** An answer whose body, compressed or not, can be read to its end. */
    private static void assertReadable(HttpResponse<byte[]> answer) throws IOException {
        if ("gzip".equals(answer.headers().firstValue("Content-Encoding").orElse(""))) {
            gunzip(answer.body());
        }
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
