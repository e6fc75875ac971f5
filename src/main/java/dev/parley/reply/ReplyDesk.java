package dev.parley.reply;

import dev.parley.article.ArticlePage;
import dev.parley.article.ArticleResource;
import dev.parley.article.BrowserCommenter;
import dev.parley.article.ThreadLocator;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Takes a "Leave a Reply" form, for one of Parley's articles or for the thread of another site's page: posts it
 * once, however often it arrives, and answers with the comment on its page, or the form again with what was wrong
 * and everything typed.
 */
@ApplicationScoped
public class ReplyDesk {

    private static final Logger LOG = Logger.getLogger(ReplyDesk.class);

    /**
     * Marks a form sent by the script tag (embed.js, with fetch from the host page): it cannot follow a redirect to
     * the host page nor keep Parley's cookies, so a comment posted is answered with 204 and, in headers, the
     * commenter token (for the script to keep in the page's storage) and the comment's id.
     */
    public static final String SCRIPT_HEADER = "X-Parley-Embed";

    public static final String COMMENT_HEADER = "X-Parley-Comment";

    /** For the script: what became of the reader's request for mail ("a confirmation mail is on its way"). */
    public static final String MAIL_HEADER = "X-Parley-Mail";

    /** The page to show the form again on, with its messages; empty when the thread is gone. */
    @FunctionalInterface
    public interface FormPage {
        Optional<ArticlePage> of(String commenterTokenHash, Long replyTo);
    }

    @CheckedTemplate(basePath = "reply")
    public static class Templates {
        /** The article went away while the reader was writing: show their text so it is not lost. */
        public static native TemplateInstance articleGone(FormState form);

        /** The database could not be reached: the form again, as typed, to send once it is back. */
        public static native TemplateInstance unavailable(String action, FormState form);
    }

    @Inject
    ReplyService replies;

    @Inject
    ThreadService threads;

    @Inject
    Viewer viewer;

    @Inject
    FormStamp stamps;

    public Response receive(
            ThreadLocator thread,
            ReplyForm form,
            FormPage formPage,
            String retryAction,
            HttpHeaders headers,
            UriInfo uri,
            HttpServerRequest request) {
        try {
            return respond(thread, form, formPage, headers, uri, request);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            LOG.warnf("A comment could not be saved because the database is unavailable: %s", e.getMessage());
            // Sending the same form again is safe: its request key makes a second arrival the same comment.
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS)
                    .entity(Templates.unavailable(retryAction, FormState.of(form.typed())))
                    .build();
        }
    }

    private Response respond(
            ThreadLocator thread,
            ReplyForm form,
            FormPage formPage,
            HttpHeaders headers,
            UriInfo uri,
            HttpServerRequest request) {
        String slug = thread.slug();
        BrowserCommenter commenter =
                BrowserCommenter.from(headers).withToken(stamps.commenterToken(form.requestKeyOrNull()));
        Origin origin = new Origin(
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                headers.getHeaderString(HttpHeaders.USER_AGENT),
                commenter.tokenHash());
        PostOutcome outcome = postOnce(thread, form, origin);
        FormState typed = FormState.of(form.typed());
        if (outcome instanceof PostOutcome.Posted posted && headers.getHeaderString(SCRIPT_HEADER) != null) {
            Response.ResponseBuilder answer = Response.noContent()
                    .header(BrowserCommenter.TOKEN_HEADER, commenter.token())
                    .header(COMMENT_HEADER, posted.commentId())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
            if (posted.mail() != null) {
                answer.header(MAIL_HEADER, posted.mail().sentence());
            }
            return answer.build();
        }
        if (outcome instanceof PostOutcome.Posted posted) {
            NewCookie[] cookies = commenter
                    .cookies(
                            form.remember(),
                            ReplyForm.trimmedOrNull(form.author),
                            ReplyForm.trimmedOrNull(form.email),
                            ReplyForm.trimmedOrNull(form.url),
                            Cookies.secure(uri))
                    .toArray(NewCookie[]::new);
            String target = posted.link() != null
                    ? posted.link()
                    : whereItShows(slug, posted.commentId(), commenter.tokenHash());
            return Response.seeOther(URI.create(withMailAnswer(target, slug, posted)))
                    .cookie(cookies)
                    .build();
        }
        if (outcome instanceof PostOutcome.NotPosted notPosted) {
            Optional<ArticlePage> page = formPage.of(commenter.tokenHash(), notPosted.replyTo());
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
     * The page the comment shows on, saying under it what became of the reader's request for mail (a confirmation
     * mail sent, or not sent again so soon).
     */
    static String withMailAnswer(String target, String slug, PostOutcome.Posted posted) {
        if (posted.mail() == null) {
            return target;
        }
        if (!target.startsWith(Routes.article(slug))) {
            // The host page (a server-side include) cannot say it: the thread's own page on Parley, where the
            // comment is (on the first page, as the host page shows it), says it, with a link back to the page.
            target = Routes.comment(slug, 1, posted.commentId());
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash);
        return path + (path.contains("?") ? "&" : "?") + "mail=" + posted.mail().code() + "&mailfor="
                + posted.commentId() + anchor;
    }

    /**
     * The new comment on the page of the thread that shows it to its author, or the thread's first page
     * should it show nowhere: never an anchor that is not on the page. The comment is saved by now: should
     * the database go away at this very moment, the reader is still told so, and sent to the first page.
     */
    private String whereItShows(String slug, long commentId, String commenterToken) {
        try {
            return threads.linkToComment(slug, commentId, commenterToken).orElseGet(() -> Routes.commentPage(slug, 1));
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
    private PostOutcome postOnce(ThreadLocator thread, ReplyForm form, Origin origin) {
        String slug = thread.slug();
        PostOutcome outcome;
        try {
            outcome = postOrRetry(thread, form, origin);
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

    /**
     * Posts; a unique key refused once is tried again: another post made the thread this one was creating (two
     * first comments on a page at once), or the same form arrived twice, which the second try recognises.
     */
    private PostOutcome postOrRetry(ThreadLocator thread, ReplyForm form, Origin origin) {
        try {
            return replies.post(thread, form, origin, viewer.commenter());
        } catch (RuntimeException e) {
            if (!Constraints.isUniqueViolation(e)) {
                throw e;
            }
            return replies.post(thread, form, origin, viewer.commenter());
        }
    }
}
