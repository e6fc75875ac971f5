package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.AppProcess;
import dev.parley.support.Browser;
import dev.parley.support.GuestPost;
import dev.parley.support.ItDatabase;
import dev.parley.support.Page;
import dev.parley.support.SiteOwner;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sustained mixed load on loopback, bounded in time ({@code parley.load.seconds}, 30 by default): readers
 * open article pages and the front page, guests post, a moderator works through the queue. Passes when no
 * request got a 5xx or no answer and the log has no error or warning; reports throughput and latency
 * percentiles (reported, never asserted: timing depends on the machine).
 */
@Tag("h2")
@Tag("postgresql")
class LoadIT {

    private static final int READERS = 4;
    private static final int POSTERS = 2;

    @TempDir
    Path folder;

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void mixedLoadGetsNoServerErrors() throws Exception {
        int seconds = Integer.getInteger("parley.load.seconds", 30);
        Path dataDir = folder.resolve("data");
        try (ItDatabase database = ItDatabase.forOneInstance(dataDir)) {
            try (AppProcess app =
                    new AppProcess(dataDir, AppProcess.ownerBehindProxy(database.environment())).start()) {
                Browser moderator = SiteOwner.signIn(app.baseUri());
                SiteOwner.changeSettings(moderator, Map.of("minFormSeconds", "0"));
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                List<Thread> workers = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    workers.add(new Thread(() -> read(app.baseUri(), end)));
                }
                for (int i = 0; i < POSTERS; i++) {
                    workers.add(new Thread(() -> post(app.baseUri(), end)));
                }
                workers.add(new Thread(() -> moderate(moderator, end)));
                workers.forEach(Thread::start);
                for (Thread worker : workers) {
                    // Every request has a timeout, so a worker ends soon after the end of the run.
                    worker.join(Duration.ofSeconds(seconds + 60).toMillis());
                    assertFalse(worker.isAlive(), "a load worker did not finish");
                }
                String report = report(seconds);
                System.out.println(report);
                Files.writeString(
                        Path.of("target", "load-report-" + (ItDatabase.isPostgresql() ? "postgresql" : "h2") + ".txt"),
                        report);

                assertEquals(0, failures.get(), "requests without an answer");
                statuses.forEach((status, count) -> assertTrue(status < 500, () -> count + " answers " + status));
                assertTrue(latencies.getOrDefault("post", List.of()).size() > 0, report);
                assertTrue(app.problemsInLog().isEmpty(), () -> String.join("\n", app.problemsInLog()));
            }
        }
    }

    private void read(String baseUri, long end) {
        int n = 0;
        while (System.nanoTime() < end) {
            String path = n++ % 5 == 0 ? "/" : "/articles/hello-world";
            timed("read", () -> {
                HttpResponse<String> page = client.send(
                        HttpRequest.newBuilder(URI.create(baseUri + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return page.statusCode();
            });
        }
    }

    private static final AtomicInteger GUESTS = new AtomicInteger(1_000_000);

    private void post(String baseUri, long end) {
        while (System.nanoTime() < end) {
            int n = GUESTS.incrementAndGet();
            timed("post", () -> {
                GuestPost post = GuestPost.fill(baseUri, "hello-world", n, "Load comment " + n);
                GuestPost.Answer answer = post.send();
                if (answer.failure() != null) {
                    throw answer.failure();
                }
                return answer.status();
            });
        }
    }

    private void moderate(Browser moderator, long end) {
        while (System.nanoTime() < end) {
            Page[] queue = new Page[1];
            timed("queue", () -> {
                queue[0] = moderator.open("/moderation");
                return queue[0].status();
            });
            Element approve = queue[0] == null ? null : queue[0].html().selectFirst(".queue-item button.approve");
            if (approve != null) {
                timed("decide", () -> {
                    Response decided = moderator.submit(queue[0], "#queue", Map.of("one", approve.val()));
                    return decided.statusCode();
                });
            }
        }
    }

    private interface Request {
        int send() throws IOException, InterruptedException;
    }

    private void timed(String kind, Request request) {
        long start = System.nanoTime();
        try {
            int status = request.send();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        } catch (IOException | InterruptedException | RuntimeException e) {
            failures.incrementAndGet();
            return;
        }
        latencies
                .computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(System.nanoTime() - start);
    }

    private String report(int seconds) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "LoadIT on %s, %d s, %d readers, %d posting guests, 1 moderator: statuses %s, %d without answer%n",
                ItDatabase.isPostgresql() ? "PostgreSQL" : "H2",
                seconds,
                READERS,
                POSTERS,
                new java.util.TreeMap<>(statuses),
                failures.get()));
        long total = 0;
        for (String kind : List.of("read", "post", "queue", "decide")) {
            List<Long> sorted = new ArrayList<>(latencies.getOrDefault(kind, List.of()));
            Collections.sort(sorted);
            total += sorted.size();
            if (sorted.isEmpty()) {
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "  %-6s %7d requests %8.1f/s  p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms%n",
                    kind,
                    sorted.size(),
                    sorted.size() / (double) seconds,
                    percentile(sorted, 50),
                    percentile(sorted, 99),
                    sorted.get(sorted.size() - 1) / 1e6));
        }
        out.append(String.format(Locale.ROOT, "  all    %7d requests %8.1f/s%n", total, total / (double) seconds));
        return out.toString();
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
