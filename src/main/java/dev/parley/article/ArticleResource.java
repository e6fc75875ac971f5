package dev.parley.article;

import dev.parley.web.FormState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The pages readers see: the list of articles and an article with its thread and reply form. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ArticleResource {

    @CheckedTemplate(basePath = "article")
    public static class Templates {
        public static native TemplateInstance index(List<ArticleSummary> articles);

        public static native TemplateInstance show(ArticlePage page, FormState form);
    }

    @Inject
    ThreadService threads;

    @GET
    @PermitAll
    public TemplateInstance index() {
        return Templates.index(threads.frontPage());
    }

    @GET
    @Path("articles/{slug}")
    @PermitAll
    public TemplateInstance show(
            @RestPath String slug, @RestQuery("replytocom") Long replyTo, @Context HttpHeaders headers) {
        BrowserCommenter commenter = BrowserCommenter.from(headers.getCookies());
        ArticlePage page =
                threads.articlePage(slug, commenter.tokenHash(), replyTo).orElseThrow(NotFoundException::new);
        return Templates.show(page, rememberedDetails(commenter));
    }

    /** The reply form, filled in with the details this browser was asked to remember. */
    private static FormState rememberedDetails(BrowserCommenter commenter) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("author", commenter.name());
        values.put("email", commenter.email());
        values.put("url", commenter.url());
        if (commenter.remembersDetails()) {
            values.put("wp-comment-cookies-consent", "yes");
        }
        return FormState.of(values);
    }
}
