package dev.parley.article;

import dev.parley.provider.Drafts;
import dev.parley.web.Cookies;
import dev.parley.web.FormState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
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

    /** Form values that carry, after posting, the answer to a request for mail and the comment it goes under. */
    static final String MAIL_ANSWER = "parley_mail";

    static final String MAIL_ANSWER_FOR = "parley_mail_for";

    @Inject
    ThreadService threads;

    @Inject
    Drafts drafts;

    @GET
    @PermitAll
    public TemplateInstance index() {
        return Templates.index(threads.frontPage());
    }

    @GET
    @Path("articles/{slug}")
    @PermitAll
    public Response show(
            @RestPath String slug,
            @RestQuery("replytocom") Long replyTo,
            @RestQuery("cpage") Integer commentPage,
            @CookieParam(Drafts.COOKIE) String draftToken,
            @RestQuery("mail") String mail,
            @RestQuery("mailfor") String mailFor,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        BrowserCommenter commenter = BrowserCommenter.from(headers.getCookies());
        // Back from signing in: the comment the reader had begun goes back into the form.
        Optional<Drafts.Draft> draft = draftToken == null ? Optional.empty() : drafts.takeBack(draftToken, slug);
        Long target =
                replyTo != null ? replyTo : draft.map(Drafts.Draft::parentId).orElse(null);
        ArticlePage page = threads.articlePage(slug, commenter.tokenHash(), target, commentPage)
                .orElseThrow(NotFoundException::new);
        FormState form = commenter.rememberedDetails();
        if (draft.isPresent()) {
            form = form.withValue("comment", draft.get().body());
        }
        if (mail != null && mail.matches("[a-z-]{1,30}") && mailFor != null && mailFor.matches("\\d{1,18}")) {
            // After posting with a "notify me" box: what became of the request for mail, said under the comment.
            form = form.withValue(MAIL_ANSWER, mail).withValue(MAIL_ANSWER_FOR, "comment-" + mailFor);
        }
        Response.ResponseBuilder response = Response.ok(Templates.show(page, form));
        if (draft.isPresent()) {
            response.cookie(Cookies.httpOnly(Drafts.COOKIE, "", 0, Cookies.secure(uri)));
        }
        return response.build();
    }
}
