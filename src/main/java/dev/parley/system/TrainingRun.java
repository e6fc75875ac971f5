package dev.parley.system;

import io.quarkus.runtime.QuarkusApplication;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The training run of the build's class-data archive ({@code ./mvnw -Pappcds package}): Parley starts on a
 * throw-away data folder, reads its own pages as readers do (the article page, from memory and compressed, the
 * sign-in page), sends a guest comment, and exits. The JVM then archives every class that run loaded, so that a
 * real start maps them instead of reading, parsing and verifying them again: the first page comes in about half
 * the time.
 */
public class TrainingRun implements QuarkusApplication {

    /** What makes {@link ParleyMain} run this instead of serving ({@code -Dparley.training=true}). */
    static final String PROPERTY = "parley.training";

    private static final Logger LOG = Logger.getLogger(TrainingRun.class);
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"[^>]*id=\"commentform\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public int run(String... args) throws Exception {
        String port = ConfigProvider.getConfig().getValue("quarkus.http.port", String.class);
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        String article = get(base.resolve("articles/hello-world"), "identity").body();
        for (String encoding : List.of("identity", "gzip", "gzip", "identity")) {
            get(base.resolve("articles/hello-world"), encoding);
        }
        get(base, "gzip");
        get(base.resolve("signin"), "gzip");
        get(base.resolve("admin"), "gzip");
        get(base.resolve("embed/thread?page=https%3A%2F%2Funknown.example%2F"), "gzip");
        int posted = postComment(base, article);
        get(base.resolve("articles/hello-world"), "gzip");
        LOG.infof("Training run done (a guest comment answered %d)", posted);
        return 0;
    }

    private HttpResponse<String> get(URI address, String encoding) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(address)
                        .header("Accept-Encoding", encoding)
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the article page's comment form as a guest would, with every hidden field the page gave. */
    private int postComment(URI base, String page) throws IOException, InterruptedException {
        Matcher action = FORM_ACTION.matcher(page);
        if (!action.find()) {
            LOG.warn("Training run: the article page has no comment form");
            return 0;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        fields.put("comment", "A first comment, sent by the training run.");
        fields.put("author", "Training run");
        fields.put("email", "training@example.org");
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                        HttpRequest.newBuilder(base.resolve(action.group(1).replace("&amp;", "&")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Origin", base.toString().replaceAll("/$", ""))
                                .header("Sec-Fetch-Site", "same-origin")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
