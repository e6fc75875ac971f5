import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in to a running Parley as a moderator and times the moderation queue's pages, one request at a
 * time (the latency one moderator sees, not throughput). JDK only.
 *
 * <pre>
 * java bench/QueueTimer.java &lt;base-url&gt; &lt;email&gt; &lt;password&gt; &lt;filter-email&gt; &lt;filter-ip&gt; &lt;article-slug&gt;
 *     &lt;rare-word&gt; &lt;toggle-comment-id&gt;
 * </pre>
 *
 * <p>Each page is timed twice over, from sending the request to having read the whole answer:
 *
 * <ul>
 *   <li><b>after a write</b>: before each request the moderator approves or unapproves one old comment
 *       (the toggle comment, far from every page timed). That is the queue as used: every decision
 *       redirects back to it. It also matters to H2, which answers a query repeated with the same
 *       parameters from its copy of the last result until a table it reads changes.
 *   <li><b>repeated</b>: the same request again and again with no write in between, so H2 may reuse
 *       results: the best case, for comparison only.
 * </ul>
 *
 * <p>Per page and mode: up to {@code BENCH_WARMUP} (20) untimed requests, at most {@code
 * BENCH_WARMUP_SECONDS} (15) seconds of them, then up to {@code BENCH_RUNS} (100) timed ones, stopping
 * after {@code BENCH_SECONDS} (30) seconds once {@code BENCH_MIN_RUNS} (10) are done, so that a page
 * taking seconds does not take the benchmark hours. Every answer must be 200 and list at least one
 * {@code class="queue-item"} (or, for the default text search only, say that it searched the newest
 * comments only), so an error page can never be timed. Prints a table on stdout; exits with 1 on the first
 * unexpected answer.
 */
public class QueueTimer {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern NEXT_LINK = Pattern.compile("<a\\b[^>]*\\bid=\"next-page\"[^>]*>");
    static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"");
    static final String ITEM = "class=\"queue-item\"";
    static final int DEEP_PAGES = 50;

    static final int WARMUP = intEnv("BENCH_WARMUP", 20);
    static final int WARMUP_SECONDS = intEnv("BENCH_WARMUP_SECONDS", 15);
    static final int RUNS = intEnv("BENCH_RUNS", 100);
    static final int MIN_RUNS = intEnv("BENCH_MIN_RUNS", 10);
    static final int SECONDS = intEnv("BENCH_SECONDS", 30);

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final String base;
    /** The cookies the app set, sent back by hand: parley_csrf and parley_session. */
    final Map<String, String> cookies = new LinkedHashMap<>();
    /** The form token of the last page that had a form. */
    String csrf;

    final long toggleId;
    int toggleVersion;
    boolean toggleApproved = true;
    final List<Double> decisionMillis = new ArrayList<>();

    QueueTimer(String base, long toggleId) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.toggleId = toggleId;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: java bench/QueueTimer.java <base-url> <email> <password>"
                    + " <filter-email> <filter-ip> <article-slug> <rare-word> <toggle-comment-id>");
            System.exit(2);
        }
        QueueTimer timer = new QueueTimer(args[0], Long.parseLong(args[7]));
        timer.signIn(args[1], args[2]);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("a) pending, page 1", "/moderation");
        pages.put("b) pending, email filter", "/moderation?email=" + enc(args[3]));
        pages.put("c) pending, IP filter", "/moderation?ip=" + enc(args[4]));
        pages.put("d) pending, article filter", "/moderation?article=" + enc(args[5]));
        pages.put("e) approved tab, page 1", "/moderation?tab=approved");
        long deepStart = System.nanoTime();
        pages.put("f) pending, page " + (DEEP_PAGES + 1) + " (" + DEEP_PAGES + "x Next)", timer.deepPage("/moderation"));
        double deepSeconds = (System.nanoTime() - deepStart) / 1e9;
        // Builds from 25 Nov 2026 on search only the tab's 10,000 newest comments unless scope=all (older
        // builds ignore the parameter): g times the search over the whole tab, g2 the default, which may
        // find nothing in its window (then the page must say that it searched a window).
        pages.put("g) pending, text search, whole tab", "/moderation?q=" + enc(args[6]) + "&scope=all");
        pages.put("g2) pending, text search, default", "/moderation?q=" + enc(args[6]));
        pages.put("h) reported tab, page 1", "/moderation?tab=reported");

        String header = String.format("%-36s | %-30s | %-30s |", "", "after a write (ms)", "repeated, no writes (ms)");
        String columns = String.format("%-36s | %7s %7s %7s %4s   | %7s %7s %7s %4s   | %5s %5s", "page", "median",
                "p95", "max", "n", "median", "p95", "max", "n", "KiB", "items");
        String rule = "-".repeat(columns.length());
        System.out.println(header);
        System.out.println(columns);
        System.out.println(rule);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Stats fresh = timer.time(page.getValue(), true);
            Stats repeated = timer.time(page.getValue(), false);
            System.out.printf("%-36s | %s | %s | %5.1f %5d%n", page.getKey(), fresh, repeated, repeated.bytes / 1024.0,
                    repeated.items);
        }
        System.out.println(rule);
        timer.restoreToggle();
        Stats decisions = Stats.of(timer.decisionMillis, 0, 0);
        System.out.printf("%-36s | %s |%n", "decision POST (between the above)", decisions);
        System.out.println();
        System.out.printf("f) reached by following Next %d times from /moderation, which took %.1f s in all.%n",
                DEEP_PAGES, deepSeconds);
        System.out.println("Sequential requests over one keep-alive connection; n = timed requests (up to " + RUNS
                + ", at most " + SECONDS + " s per page and mode once " + MIN_RUNS + " are done).");
        pages.forEach((label, path) -> System.out.println("  " + label.substring(0, label.indexOf(')') + 1) + " " + path));
    }

    static int intEnv(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
    }

    /** GET /login for the CSRF token and cookie, then POST the form; the answer sets parley_session. */
    void signIn(String email, String password) throws Exception {
        HttpResponse<String> form = send(get("/login"));
        expect(form, 200, "GET /login");
        if (csrf == null) {
            fail("GET /login has no _csrf field");
        }
        String body = "_csrf=" + enc(csrf) + "&email=" + enc(email) + "&password=" + enc(password)
                + "&next=" + enc("/moderation");
        HttpResponse<String> answer = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        expect(answer, 303, "POST /login");
        if (cookies.getOrDefault("parley_session", "").isEmpty()) {
            fail("POST /login set no parley_session cookie");
        }
    }

    /** Follows "Next →" {@code pages} times and gives the address reached. */
    String deepPage(String start) throws Exception {
        String path = start;
        for (int i = 0; i < DEEP_PAGES; i++) {
            HttpResponse<String> page = send(get(path));
            checkQueue(page, path);
            Matcher link = NEXT_LINK.matcher(page.body());
            if (!link.find()) {
                fail(path + " has no Next link after " + i + " pages");
            }
            Matcher href = HREF.matcher(link.group());
            if (!href.find()) {
                fail("the Next link has no href: " + link.group());
            }
            path = unescape(href.group(1));
        }
        return path;
    }

    /** Times one page; with {@code afterWrite}, each request follows a decision on the toggle comment. */
    Stats time(String path, boolean afterWrite) throws Exception {
        long warmupEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        for (int i = 0; i < Math.max(1, WARMUP) && (i == 0 || System.nanoTime() < warmupEnd); i++) {
            if (afterWrite) {
                toggle();
            }
            checkQueue(send(get(path)), path);
        }
        List<Double> ms = new ArrayList<>();
        HttpResponse<String> page = null;
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        while (ms.size() < RUNS && (ms.size() < MIN_RUNS || System.nanoTime() < end)) {
            if (afterWrite) {
                toggle();
            }
            HttpRequest request = get(path);
            long start = System.nanoTime();
            page = send(request);
            ms.add((System.nanoTime() - start) / 1e6);
            checkQueue(page, path);
        }
        return Stats.of(ms, page.body().getBytes(StandardCharsets.UTF_8).length, occurrences(page.body(), ITEM));
    }

    /** Unapproves the toggle comment if it is approved, approves it otherwise; times the POST. */
    void toggle() throws Exception {
        String decision = toggleApproved ? "unapprove" : "approve";
        String body = "_csrf=" + enc(csrf) + "&one=" + enc(decision + ":" + toggleId + ":" + toggleVersion) + "&back="
                + enc("/moderation");
        HttpRequest request = request("/moderation/decisions")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> answer = send(request);
        decisionMillis.add((System.nanoTime() - start) / 1e6);
        expect(answer, 303, "POST /moderation/decisions (" + decision + " comment " + toggleId + ")");
        toggleVersion++;
        toggleApproved = !toggleApproved;
    }

    /** Leaves the toggle comment approved, as it was seeded. */
    void restoreToggle() throws Exception {
        if (!toggleApproved) {
            toggle();
        }
    }

    /** Median, 95th percentile (nearest rank), maximum and count of some timings. */
    record Stats(double median, double p95, double max, int n, long bytes, int items) {

        static Stats of(List<Double> ms, long bytes, int items) {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Stats(percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], sorted.length,
                    bytes, items);
        }

        @Override
        public String toString() {
            return String.format("%7.1f %7.1f %7.1f %4d  ", median, p95, max, n);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    void checkQueue(HttpResponse<String> page, String path) {
        expect(page, 200, "GET " + path);
        boolean windowedSearch = page.body().contains("id=\"search-window\"") && !path.contains("scope=all");
        if (!page.body().contains(ITEM) && !windowedSearch) {
            fail("GET " + path + " lists no queue item (" + page.body().length() + " chars): "
                    + page.body().substring(0, Math.min(400, page.body().length())));
        }
    }

    HttpRequest get(String path) {
        return request(path).GET().build();
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            builder.header("Cookie", header.toString());
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        remember(response.headers());
        Matcher token = CSRF_FIELD.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    void remember(HttpHeaders headers) {
        for (String set : headers.allValues("set-cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            String body = response.body();
            fail(what + " answered " + response.statusCode() + " (expected " + status + "): "
                    + body.substring(0, Math.min(400, body.length())));
        }
    }

    static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void fail(String message) {
        System.err.println("QueueTimer: " + message);
        System.exit(1);
    }
}
