package dev.parley.site;

import dev.parley.article.Article;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The title of a host page whose include gave none (an SSI line cannot know it): read once, from the page's
 * {@code <title>}, when the thread's first comment arrives. Only pages of registered origins are ever fetched,
 * briefly and a limited amount; when that fails, the page's address stands in for its title.
 */
@ApplicationScoped
public class PageTitles {

    private static final Logger LOG = Logger.getLogger(PageTitles.class);
    private static final int READ_AT_MOST = 256 * 1024;
    private static final Duration WAIT_AT_MOST = Duration.ofSeconds(3);
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ENTITY =
            Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);");

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(WAIT_AT_MOST)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public String titleOf(String canonicalUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(canonicalUrl))
                    .timeout(WAIT_AT_MOST)
                    .header("Accept", "text/html")
                    .header("User-Agent", "Parley (reading the page title for its comment thread)")
                    .GET()
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 200) {
                    String html = new String(body.readNBytes(READ_AT_MOST), StandardCharsets.UTF_8);
                    Matcher title = TITLE.matcher(html);
                    if (title.find()) {
                        String text =
                                unescape(title.group(1)).replaceAll("\\s+", " ").strip();
                        if (!text.isEmpty()) {
                            return fit(text);
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.infof("Could not read the title of %s (%s): its address stands in", canonicalUrl, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fit(canonicalUrl.replaceFirst("^https?://", ""));
    }

    private static String fit(String title) {
        String clean = title.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() <= Article.MAX_TITLE ? clean : clean.substring(0, Article.MAX_TITLE - 1) + "…";
    }

    static String unescape(String html) {
        Matcher m = ENTITY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> codePoint(name);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String numeric) {
        try {
            int cp = numeric.startsWith("#x")
                    ? Integer.parseInt(numeric.substring(2), 16)
                    : Integer.parseInt(numeric.substring(1));
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
