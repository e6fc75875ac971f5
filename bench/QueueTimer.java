import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * java bench/QueueTimer.java &lt;base-url&gt; &lt;email&gt; &lt;password&gt; &lt;filter-email&gt; &lt;filter-ip&gt; &lt;article-slug&gt; &lt;rare-word&gt;
 * </pre>
 *
 * <p>Each page is requested {@code BENCH_WARMUP} times (default 20) untimed, then {@code BENCH_RUNS}
 * times (default 100) timed from sending the request to having read the whole answer. Every answer must
 * be 200 and list at least one {@code class="queue-item"}, so an error page can never be timed. Prints
 * a table on stdout; fails with exit code 1 on the first unexpected answer.
 */
public class QueueTimer {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern NEXT_LINK = Pattern.compile("<a\\b[^>]*\\bid=\"next-page\"[^>]*>");
    static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"");
    static final String ITEM = "class=\"queue-item\"";
    static final int DEEP_PAGES = 50;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final String base;
    /** The cookies the app set, sent back by hand: parley_csrf and parley_session. */
    final Map<String, String> cookies = new LinkedHashMap<>();

    QueueTimer(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: java bench/QueueTimer.java <base-url> <email> <password>"
                    + " <filter-email> <filter-ip> <article-slug> <rare-word>");
            System.exit(2);
        }
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "20"));
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "100"));
        QueueTimer timer = new QueueTimer(args[0]);
        timer.signIn(args[1], args[2]);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("a) pending, page 1", "/moderation");
        pages.put("b) pending, email filter", "/moderation?email=" + enc(args[3]));
        pages.put("c) pending, IP filter", "/moderation?ip=" + enc(args[4]));
        pages.put("d) pending, article filter", "/moderation?article=" + enc(args[5]));
        pages.put("e) approved tab, page 1", "/moderation?tab=approved");
        pages.put("f) pending, page " + (DEEP_PAGES + 1) + " (" + DEEP_PAGES + "x Next)", timer.deepPage("/moderation"));
        pages.put("g) pending, text search (rare word)", "/moderation?q=" + enc(args[6]));
        pages.put("h) reported tab, page 1", "/moderation?tab=reported");

        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-40s %9s %9s %9s %9s %6s %6s", "page", "median ms", "p95 ms", "max ms", "mean ms",
                "KiB", "items"));
        rows.add("-".repeat(95));
        System.out.println(rows.get(0));
        System.out.println(rows.get(1));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String row = timer.time(page.getKey(), page.getValue(), warmup, runs);
            rows.add(row);
            System.out.println(row);
        }
        System.out.println();
        System.out.println("Sequential GETs over one keep-alive connection; " + warmup + " warm-up + " + runs
                + " timed requests per page.");
        pages.forEach((label, path) -> System.out.println("  " + label.substring(0, 2) + " " + path));
    }

    /** GET /login for the CSRF token and cookie, then POST the form; the answer sets parley_session. */
    void signIn(String email, String password) throws Exception {
        HttpResponse<String> form = send(get("/login"));
        expect(form, 200, "GET /login");
        Matcher token = CSRF_FIELD.matcher(form.body());
        if (!token.find()) {
            fail("GET /login has no _csrf field");
        }
        String body = "_csrf=" + enc(token.group(1)) + "&email=" + enc(email) + "&password=" + enc(password)
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

    String time(String label, String path, int warmup, int runs) throws Exception {
        long bytes = 0;
        int items = 0;
        for (int i = 0; i < warmup; i++) {
            checkQueue(send(get(path)), path);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            HttpRequest request = get(path);
            long start = System.nanoTime();
            HttpResponse<String> page = send(request);
            ms[i] = (System.nanoTime() - start) / 1e6;
            checkQueue(page, path);
            bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
            items = occurrences(page.body(), ITEM);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(ms).average().orElse(0);
        return String.format("%-40s %9.1f %9.1f %9.1f %9.1f %6.1f %6d", label, percentile(sorted, 50),
                percentile(sorted, 95), sorted[sorted.length - 1], mean, bytes / 1024.0, items);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    void checkQueue(HttpResponse<String> page, String path) {
        expect(page, 200, "GET " + path);
        if (!page.body().contains(ITEM)) {
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
