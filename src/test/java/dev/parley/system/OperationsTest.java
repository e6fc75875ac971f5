package dev.parley.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.article.Article;
import dev.parley.support.Browser;
import dev.parley.support.Page;
import dev.parley.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What operators and their tools see: health and Prometheus metrics on the management port only, and
 * Parley's own counters following what readers and moderators do.
 */
@QuarkusTest
class OperationsTest {

    @Inject
    TestData data;

    // Relative to the management root, /q.
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readinessIncludesTheDatabase() {
        JsonPath answer = given().get(ready).then().statusCode(200).extract().jsonPath();
        assertEquals("UP", answer.getString("status"));
        List<String> checks = answer.getList("checks.name");
        assertTrue(checks.stream().anyMatch(name -> name.contains("Database")), checks::toString);
        assertEquals(
                "UP",
                given().get(live).then().statusCode(200).extract().jsonPath().getString("status"));
    }

    @Test
    void managementRoutesAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/dev-ui", "/q/dev")) {
            Page page = new Browser().open(path);
            assertEquals(404, page.status(), path);
            assertEquals("Page not found", page.text("h1"), path);
        }
    }

    @Test
    void parleysMetricsExistFromTheStart() {
        // The first test to run may be this one: the metrics must not wait for the first comment.
        Map<String, Double> metrics = parleyMetrics();
        for (String name : List.of(
                "parley_comments_posted_total",
                "parley_comments_held_total",
                "parley_comments_approved_total",
                "parley_comments_rejected_total",
                "parley_comments_spam_total",
                "parley_queue_pending",
                "parley_queue_reported")) {
            assertTrue(metrics.containsKey(name), () -> name + " missing from " + metrics);
        }
    }

    @Test
    void countersFollowPostingAndModeration() {
        Map<String, Double> before = parleyMetrics();
        Article article = data.article("Counted");
        String author = TestData.unique("Counted");
        Browser reader = new Browser();
        reader.submit(
                reader.open("/articles/" + article.slug),
                "#commentform",
                Map.of("comment", "Count me in.", "author", author, "email", author + "@example.org"));
        long id = data.onlyCommentBy(author).id;

        Map<String, Double> afterPost = parleyMetrics();
        assertEquals(1, delta(before, afterPost, "parley_comments_posted_total"));
        assertEquals(1, delta(before, afterPost, "parley_comments_held_total"));
        assertEquals(0, delta(before, afterPost, "parley_comments_approved_total"));

        Browser moderator = data.moderatorBrowser();
        Page queue = moderator.open("/moderation?article=" + article.slug);
        moderator.submit(
                queue,
                "#queue",
                Map.of("one", queue.one("#queue-" + id + " button.approve").val()));
        Page approved = moderator.open("/moderation?tab=approved&article=" + article.slug);
        moderator.submit(
                approved,
                "#queue",
                Map.of("one", approved.one("#queue-" + id + " button.spam").val()));

        Map<String, Double> afterModeration = parleyMetrics();
        assertEquals(1, delta(afterPost, afterModeration, "parley_comments_approved_total"));
        assertEquals(1, delta(afterPost, afterModeration, "parley_comments_spam_total"));
        assertEquals(0, delta(afterPost, afterModeration, "parley_comments_posted_total"));
        assertTrue(afterModeration.containsKey("parley_queue_pending"), afterModeration::toString);
        assertTrue(afterModeration.containsKey("parley_comments_rejected_total"), afterModeration::toString);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        assertTrue(after.containsKey(name), () -> name + " missing from " + after);
        return after.get(name) - before.getOrDefault(name, 0.0);
    }

    /** Parley's own samples from the Prometheus text, by name. */
    private Map<String, Double> parleyMetrics() {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        Matcher sample =
                Pattern.compile("(?m)^(parley_[a-z_]+)(?:\\{[^}]*})? (\\S+)$").matcher(text);
        Map<String, Double> values = new java.util.TreeMap<>();
        while (sample.find()) {
            values.put(sample.group(1), Double.parseDouble(sample.group(2)));
        }
        return values;
    }
}
