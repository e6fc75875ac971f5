package dev.parley.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page as a browser would show it: status, parsed HTML and a few ways to read what a user sees. */
public record Page(String path, int status, Document html, String location) {

    public Page(String path, int status, Document html) {
        this(path, status, html, null);
    }

    public static Page of(String path, Response response) {
        return new Page(
                path,
                response.statusCode(),
                Jsoup.parse(response.asString(), "http://localhost/"),
                response.header("Location"));
    }

    /** Where a redirect answer points (path and query). */
    public String redirectTarget() {
        assertNotNull(location, () -> path + " answered " + status + " without a redirect");
        return Browser.pathOf(location);
    }

    public Element one(String cssSelector) {
        Element element = html.selectFirst(cssSelector);
        assertNotNull(element, () -> "No element matches " + cssSelector + " on " + path + ":\n" + html.body());
        return element;
    }

    public boolean has(String cssSelector) {
        return html.selectFirst(cssSelector) != null;
    }

    /**
     * The visible text of the first element that matches. The invisible marks that isolate people's words from
     * the page's own ({@code dev.parley.web.Bidi}) are left out, as a reader never sees them.
     */
    public String text(String cssSelector) {
        return visible(one(cssSelector).text());
    }

    public List<String> texts(String cssSelector) {
        return html.select(cssSelector).eachText().stream().map(Page::visible).toList();
    }

    /** The error message shown next to a form field. */
    public String fieldError(String field) {
        return text("#" + field + "-error");
    }

    /** What a form field holds: an input's value or a textarea's text. */
    public String fieldValue(String field) {
        Element element = one("[name=" + field + "]");
        return element.is("textarea") ? element.wholeText() : element.attr("value");
    }

    /** Whether any text of the page contains the given string. */
    public boolean shows(String text) {
        return visible(html.body().text()).contains(text);
    }

    private static String visible(String text) {
        return text.replaceAll("[\u2066-\u2069]", "");
    }
}
