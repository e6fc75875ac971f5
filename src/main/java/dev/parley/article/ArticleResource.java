package dev.parley.article;

import dev.parley.identity.Viewer;
import dev.parley.pagecache.SharedPages;
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

    @Inject
    SharedPages sharedPages;

    @Inject
    Viewer viewer;

    /** Pages of comments beyond this are rendered per request rather than kept (nobody can fill memory with them). */
    static final int MAX_SHARED_COMMENT_PAGE = 1000;

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
        if (replyTo == null
                && draftToken == null
                && mail == null
                && mailFor == null
                && isAnonymous(commenter)
                && (commentPage == null || commentPage >= 1 && commentPage <= MAX_SHARED_COMMENT_PAGE)) {
            // What every anonymous reader sees: kept rendered and compressed, with their own token put in.
            int shownPage = commentPage == null ? 1 : commentPage;
            Optional<Response> shared = sharedPages.answer(
                    "article\n" + slug + "\n" + shownPage,
                    slug,
                    SharedPages.Policy.ARTICLE,
                    headers,
                    () -> threads.articlePage(slug, null, null, shownPage)
                            .map(page -> Templates.show(page, FormState.empty()).render()));
            if (shared.isPresent()) {
                return shared.get();
            }
        }
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

    /** A reader with nothing of their own on the page: not signed in, no comment of theirs, no details kept. */
    private boolean isAnonymous(BrowserCommenter commenter) {
        return !viewer.isSignedIn() && !commenter.hasToken() && !commenter.remembersDetails();
    }
}
