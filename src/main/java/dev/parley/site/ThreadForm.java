package dev.parley.site;

import dev.parley.article.Article;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The owner's form for one embedded thread: its title and the address of the page that carries it. */
public class ThreadForm {

    @RestForm
    @NotBlank(message = "Please give the thread a title, such as the page's own.")
    @Size(max = Article.MAX_TITLE, message = "The title can have at most {max} characters.")
    @Pattern(regexp = "[^\\r\\n]*", message = "A title is one line.")
    public String title;

    @RestForm
    @NotBlank(message = "Please enter the address of the page that carries the thread.")
    @Size(max = PageAddresses.MAX_LENGTH, message = "The page address can have at most {max} characters.")
    public String pageUrl;

    Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("pageUrl", pageUrl);
        return values;
    }

    static Map<String, String> of(Article thread) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", thread.title);
        values.put("pageUrl", thread.pageUrl);
        return values;
    }
}
