package dev.parley.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The owner's article editor. */
public class ArticleForm {

    @RestForm
    @NotBlank(message = "Please give the article a title.")
    @Size(max = Article.MAX_TITLE, message = "The title can have at most {max} characters.")
    public String title;

    /** Optional: made from the title when left empty. */
    @RestForm
    @Size(max = Article.MAX_SLUG, message = "The address can have at most {max} characters.")
    @Pattern(
            regexp = "^\\s*$|^[a-z0-9]+(-[a-z0-9]+)*$",
            message = "Use lower-case letters, digits and single hyphens only, such as my-first-article.")
    public String slug;

    @RestForm
    @NotBlank(message = "Please write the article.")
    @Size(max = Article.MAX_BODY, message = "The article can have at most {max} characters.")
    public String body;

    @RestForm
    public String format;

    @RestForm
    public String published;

    @RestForm
    public String commentsOpen;

    /** Keeps comments open however old the article gets (overrides "close after N days"). */
    @RestForm
    public String commentsAlwaysOpen;

    BodyFormat bodyFormat() {
        return "MARKDOWN".equals(format) ? BodyFormat.MARKDOWN : BodyFormat.PLAIN;
    }

    boolean isPublished() {
        return published != null && !published.isBlank();
    }

    boolean isCommentsOpen() {
        return commentsOpen != null && !commentsOpen.isBlank();
    }

    boolean isCommentsAlwaysOpen() {
        return commentsAlwaysOpen != null && !commentsAlwaysOpen.isBlank();
    }

    public Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("slug", slug);
        values.put("body", body);
        values.put("format", bodyFormat().name());
        values.put("published", isPublished() ? "yes" : null);
        values.put("commentsOpen", isCommentsOpen() ? "yes" : null);
        values.put("commentsAlwaysOpen", isCommentsAlwaysOpen() ? "yes" : null);
        return values;
    }

    static Map<String, String> of(Article article) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", article.title);
        values.put("slug", article.slug);
        values.put("body", article.body);
        values.put("format", article.bodyFormat.name());
        values.put("published", article.isPublished() ? "yes" : null);
        values.put("commentsOpen", article.commentsOpen ? "yes" : null);
        values.put("commentsAlwaysOpen", article.commentsAlwaysOpen ? "yes" : null);
        return values;
    }
}
