package dev.parley.reply;

import dev.parley.article.ArticlePage;
import dev.parley.article.ArticleResource;
import dev.parley.article.BrowserCommenter;
import dev.parley.article.ThreadService;
import dev.parley.identity.Viewer;
import dev.parley.web.Constraints;
import dev.parley.web.Cookies;
import dev.parley.web.DatabaseFailures;
import dev.parley.web.FormState;
import dev.parley.web.Routes;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/** Receives the "Leave a Reply" form. */
@Path("/articles/{slug}/comments")
@Produces(MediaType.TEXT_HTML)
public class ReplyResource {

    private static final Logger LOG = Logger.getLogger(ReplyResource.class);

    @CheckedTemplate(basePath = "reply")
    static class Templates {
        /** The article went away while the reader was writing: show their text so it is not lost. */
        static native TemplateInstance articleGone(FormState form);

        /** The database could not be reached: the form again, as typed, to send once it is back. */
        static native TemplateInstance unavailable(String action, FormState form);
    }

    @Inject
    ReplyService replies;

    @Inject
    ThreadService threads;

    @Inject
    Viewer viewer;

    @Inject
    FormStamp stamps;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(
            @RestPath String slug,
            ReplyForm form,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context HttpServerRequest request) {
        try {
            return respond(slug, form, headers, uri, request);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            LOG.warnf("A comment could not be saved because the database is unavailable: %s", e.getMessage());
            // Sending the same form again is safe: its request key makes a second arrival the same comment.
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS)
                    .entity(Templates.unavailable(Routes.postComment(slug), FormState.of(form.typed())))
                    .build();
        }
    }

    private Response respond(String slug, ReplyForm form, HttpHeaders headers, UriInfo uri, HttpServerRequest request) {
        BrowserCommenter commenter =
                BrowserCommenter.from(headers.getCookies()).withToken(stamps.commenterToken(form.requestKeyOrNull()));
        Origin origin = new Origin(
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                headers.getHeaderString(HttpHeaders.USER_AGENT),
                commenter.tokenHash());
        PostOutcome outcome = postOnce(slug, form, origin);
        FormState typed = FormState.of(form.typed());
        if (outcome instanceof PostOutcome.Posted posted) {
            NewCookie[] cookies = commenter
                    .cookies(
                            form.remember(),
                            ReplyForm.trimmedOrNull(form.author),
                            ReplyForm.trimmedOrNull(form.email),
                            ReplyForm.trimmedOrNull(form.url),
                            Cookies.secure(uri))
                    .toArray(NewCookie[]::new);
            return Response.seeOther(URI.create(whereItShows(slug, posted.commentId(), commenter.tokenHash())))
                    .cookie(cookies)
                    .build();
        }
        if (outcome instanceof PostOutcome.NotPosted notPosted) {
            Optional<ArticlePage> page = threads.articlePage(slug, commenter.tokenHash(), notPosted.replyTo(), null);
            if (page.isPresent()) {
                return Response.status(notPosted.reason().status())
                        .entity(ArticleResource.Templates.show(page.get(), typed.withErrors(notPosted.errors())))
                        .build();
            }
            // The article was unpublished a moment ago: fall through, still giving the text back.
        }
        return Response.status(Response.Status.NOT_FOUND)
                .entity(Templates.articleGone(typed))
                .build();
    }

    /**
     * The new comment on the page of the thread that shows it to its author, or the thread's first page
     * should it show nowhere: never an anchor that is not on the page. The comment is saved by now: should
     * the database go away at this very moment, the reader is still told so, and sent to the first page.
     */
    private String whereItShows(String slug, long commentId, String commenterToken) {
        try {
            return threads.pageOf(slug, commentId, commenterToken)
                    .map(page -> Routes.comment(slug, page, commentId))
                    .orElseGet(() -> Routes.commentPage(slug, 1));
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            return Routes.commentPage(slug, 1);
        }
    }

    /**
     * Posts, making sure one form never makes two comments: when the same form arrives twice at once, the
     * second waits for the first (a row lock or the unique request key) and is then answered with the
     * comment the first one made.
     */
    private PostOutcome postOnce(String slug, ReplyForm form, Origin origin) {
        PostOutcome outcome;
        try {
            outcome = replies.post(slug, form, origin, viewer.commenter());
        } catch (RuntimeException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            // Lost a race on a unique key: the same form (request key) or a first post under the same flood key.
            return replies.postedWith(slug, form)
                    .<PostOutcome>map(PostOutcome.Posted::new)
                    .orElseGet(() -> replies.tooSoon(form));
        }
        if (outcome instanceof PostOutcome.NotPosted refused
                && (refused.reason() == PostOutcome.Reason.TOO_SOON
                        || refused.reason() == PostOutcome.Reason.DUPLICATE)) {
            // The same form a moment earlier may have committed while this one was checked: then this is
            // that comment, not a flood or a duplicate.
            Optional<Long> first = replies.postedWith(slug, form);
            if (first.isPresent()) {
                return new PostOutcome.Posted(first.get());
            }
        }
        return outcome;
    }
}
