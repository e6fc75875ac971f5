package dev.parley.subscription;

import dev.parley.article.ArticlePage;
import dev.parley.article.ArticleResource;
import dev.parley.article.BrowserCommenter;
import dev.parley.article.ThreadLocator;
import dev.parley.article.ThreadService;
import dev.parley.identity.Viewer;
import dev.parley.web.FormState;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** "Follow this thread" on an article page: mail about new comments without commenting. */
@Path("/articles/{slug}/follow")
@Produces(MediaType.TEXT_HTML)
public class FollowResource {

    @CheckedTemplate(basePath = "subscription")
    public static class Templates {
        /**
         * The answer to "Follow this thread", or the form again with its message.
         *
         * @param back the page the thread is on
         * @param action where the form posts again (with {@code fields}), when it comes back with a mistake
         */
        public static native TemplateInstance followed(
                String title,
                String answer,
                String back,
                String action,
                java.util.Map<String, String> fields,
                boolean fromHostPage,
                FormState form);
    }

    @Inject
    Subscriptions subscriptions;

    @Inject
    ThreadService threads;

    @Inject
    Viewer viewer;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response follow(@RestPath String slug, FollowForm form, @Context HttpHeaders headers) {
        Following outcome = Following.take(subscriptions, ThreadLocator.article(slug), form, viewer.commenter());
        if (outcome instanceof Following.Mistake mistake) {
            BrowserCommenter commenter = BrowserCommenter.from(headers.getCookies());
            ArticlePage page =
                    threads.articlePage(slug, commenter.tokenHash(), null, null).orElseThrow(NotFoundException::new);
            FormState typed = FormState.of(form.typed()).withError(FollowForm.EMAIL, mistake.message());
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(ArticleResource.Templates.show(page, typed))
                    .build();
        }
        if (outcome instanceof Following.Followed followed) {
            String title = threads.articlePage(slug, null, null, null)
                    .map(ArticlePage::title)
                    .orElse("");
            return Response.ok(Templates.followed(
                            title,
                            followed.answer().sentence(),
                            Routes.article(slug),
                            null,
                            java.util.Map.of(),
                            false,
                            FormState.empty()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        throw new NotFoundException();
    }
}
