package dev.parley.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The owner's form for one site: its name, its origins (one per line) and how its page addresses are made
 * canonical. What only the database can tell (an origin another site has) is checked by the service.
 */
public class SiteForm {

    @RestForm
    @NotBlank(message = "Please give the site a name, such as My blog.")
    @Size(max = Site.MAX_NAME, message = "The name can have at most {max} characters.")
    @Pattern(regexp = "[^\\r\\n]*", message = "A name is one line.")
    public String name;

    @RestForm
    @Size(max = Site.MAX_ORIGINS, message = "The origins can have at most {max} characters.")
    public String origins;

    @RestForm
    @Size(max = Site.MAX_KEPT_QUERY_PARAMS, message = "The query parameters can have at most {max} characters.")
    @Pattern(
            regexp = "^[\\w.~,\\s-]*$",
            message = "Query parameters are names separated by commas, such as p, page_id (letters, digits, - _ . ~).")
    public String keptQueryParams;

    @RestForm
    public String trailingSlash;

    @RestForm
    public String samePageAnyScheme;

    boolean isSamePageAnyScheme() {
        return samePageAnyScheme != null && !samePageAnyScheme.isBlank();
    }

    /** What the form shows again after a mistake: everything as typed. */
    Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("origins", origins);
        values.put("keptQueryParams", keptQueryParams);
        values.put("trailingSlash", trailingSlash);
        values.put("samePageAnyScheme", isSamePageAnyScheme() ? "yes" : null);
        return values;
    }

    /** The form of a new site: addresses kept as the page gives them, http and https one page. */
    static Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("trailingSlash", TrailingSlash.KEEP.name());
        values.put("samePageAnyScheme", "yes");
        return values;
    }

    static Map<String, String> of(Site site) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", site.name);
        values.put("origins", String.join("\n", site.originList()));
        values.put("keptQueryParams", String.join(", ", site.keptQueryParamList()));
        values.put("trailingSlash", site.trailingSlash.name());
        values.put("samePageAnyScheme", site.samePageAnyScheme ? "yes" : null);
        return values;
    }
}
