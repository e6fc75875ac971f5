package dev.parley.article;

import dev.parley.web.Html;
import io.quarkus.qute.RawString;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Renders an article body. Markdown may not carry raw HTML or script URLs: both are neutralised. */
public final class ArticleBody {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer SAFE_HTML =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private ArticleBody() {}

    public static RawString toHtml(String body, BodyFormat format) {
        if (format == BodyFormat.MARKDOWN) {
            return Html.trusted(SAFE_HTML.render(MARKDOWN.parse(body)));
        }
        return CommentText.toHtml(body);
    }

    /** A plain-text excerpt for listings: markup characters stay as typed and are escaped by Qute. */
    public static String excerpt(String body, int maxLength) {
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.length() <= maxLength) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', maxLength);
        return flat.substring(0, cut > maxLength / 2 ? cut : maxLength) + "…";
    }
}
