package dev.parley.site;

import dev.parley.article.Article;
import dev.parley.article.ArticlePage;
import dev.parley.article.BrowserCommenter;
import dev.parley.article.ThreadService;
import dev.parley.identity.Viewer;
import dev.parley.pagecache.SharedPages;
import dev.parley.provider.Drafts;
import dev.parley.reply.ReplyDesk;
import dev.parley.web.FormState;
import dev.parley.web.Routes;
import dev.parley.web.Tokens;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A thread inside another site's page: the fragment the page includes (a server-side include, or embed.js), and
 * its reply form. The fragment a reader without Parley cookies sees is the same for everyone, so shared caches
 * (Varnish, a CDN) may keep it; anything personal (their own pending comment, a signed-in reader, details
 * remembered, a draft) is never stored by any cache.
 */
@Path("/embed")
public class EmbedResource {

    /** How long a shared cache may serve the anonymous fragment before asking again: the bound on a new comment. */
    static final int SHARED_CACHE_SECONDS = 10;

    @CheckedTemplate(basePath = "site")
    static class Templates {
        static native TemplateInstance thread(ArticlePage page, FormState form);

        static native TemplateInstance refused(String message);

        static native TemplateInstance refusedPage(String message, FormState form, String back);
    }

    @Inject
    PageThreads pages;

    @Inject
    PageTitles titles;

    @Inject
    ThreadService threads;

    @Inject
    ReplyDesk desk;

    @Inject
    Viewer viewer;

    @Inject
    Drafts drafts;

    @Inject
    SharedPages sharedPages;

    /** Pages of comments beyond this are rendered per request rather than kept (nobody can fill memory with them). */
    static final int MAX_SHARED_COMMENT_PAGE = 1000;

    @GET
    @Path("thread")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response thread(
            @RestQuery String page,
            @RestQuery String id,
            @RestQuery String title,
            @RestQuery("replytocom") Long replyTo,
            @RestQuery("cpage") Integer commentPage,
            @CookieParam(Drafts.COOKIE) String draftToken,
            @Context HttpHeaders headers) {
        PageThreads.Address read = pages.read(page, id, title);
        if (read instanceof PageThreads.Refusal refusal) {
            return Response.status(refusal.status())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(Templates.refused(refusal.message()))
                    .build();
        }
        PageThreads.PageAddress address = (PageThreads.PageAddress) read;
        BrowserCommenter commenter = BrowserCommenter.from(headers);
        if (draftToken == null
                && replyTo == null
                && !viewer.isSignedIn()
                && !commenter.hasToken()
                && !commenter.remembersDetails()
                && (commentPage == null || commentPage >= 1 && commentPage <= MAX_SHARED_COMMENT_PAGE)) {
            // The fragment every anonymous reader of the page sees: kept rendered and compressed.
            Optional<Response> shared =
                    sharedFragment(address, page, id, title, commentPage == null ? 1 : commentPage, headers);
            if (shared.isPresent()) {
                return shared.get();
            }
        }
        Optional<Drafts.Draft> draft =
                draftToken == null ? Optional.empty() : drafts.takeBack(draftToken, address.slug());
        ArticlePage.PostTo post = postTo(address, page, id, title);
        Optional<Article> existing = pages.existing(address);
        Long target =
                replyTo != null ? replyTo : draft.map(Drafts.Draft::parentId).orElse(null);
        // The thread found by its site and key is the one shown: no second look-up by its slug.
        ArticlePage view = existing.map(
                        thread -> threads.threadPage(thread, commenter.tokenHash(), target, commentPage))
                .map(found -> ThreadService.withPost(found, post))
                .orElseGet(() -> threads.newThreadPage(
                        PageThreads.unsaved(address, address.title() == null ? address.canonicalUrl() : null), post));
        FormState form = commenter.rememberedDetails();
        if (draft.isPresent()) {
            form = form.withValue("comment", draft.get().body());
        }
        String html = Templates.thread(view, form).render();
        boolean personal =
                viewer.isSignedIn() || commenter.token() != null || commenter.remembersDetails() || draft.isPresent();
        Response.ResponseBuilder response;
        if (personal) {
            response = Response.ok(html).header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        } else {
            String etag = "\"" + Tokens.sha256(html).substring(0, 32) + "\"";
            String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
            response = ifNoneMatch != null && ifNoneMatch.contains(etag) ? Response.notModified() : Response.ok(html);
            response.header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=0, s-maxage=" + SHARED_CACHE_SECONDS);
        }
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.VARY, "Cookie")
                .build();
    }

    @POST
    @Path("comments")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response post(
            EmbedReplyForm form,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context HttpServerRequest request) {
        PageThreads.Address read = pages.read(form.page, form.id, form.title);
        if (read instanceof PageThreads.Refusal refusal) {
            return Response.status(refusal.status())
                    .entity(Templates.refusedPage(refusal.message(), FormState.of(form.typed()), null))
                    .build();
        }
        PageThreads.PageAddress address = (PageThreads.PageAddress) read;
        if (form.requestKey == null || form.requestKey.isBlank()) {
            // A fragment from a shared cache carries no key of its own (one key for every reader would join their
            // comments); the same form sent twice still has the same stamp, address, browser and text.
            form.requestKey = Tokens.sha256(String.join(
                            "\n",
                            String.valueOf(form.shown),
                            request.remoteAddress() == null
                                    ? ""
                                    : request.remoteAddress().hostAddress(),
                            String.valueOf(headers.getHeaderString(HttpHeaders.USER_AGENT)),
                            String.valueOf(form.comment)))
                    .substring(0, 43);
        }
        ArticlePage.PostTo post = postTo(address, form.page, form.id, form.title);
        // An include cannot know the page's title: read it from the page, once, for a thread about to be made.
        String title = address.title() != null || pages.existing(address).isPresent()
                ? null
                : titles.titleOf(address.canonicalUrl());
        return desk.receive(
                pages.locator(address, title),
                form,
                (commenter, replyToId) -> pages.existing(address)
                        .flatMap(thread -> threads.articlePage(thread.slug, commenter, replyToId, null))
                        .or(() -> Optional.of(threads.newThreadPage(PageThreads.unsaved(address, title), post)))
                        .map(found -> ThreadService.withPost(found, post)),
                Routes.embedComments(),
                headers,
                uri,
                request);
    }

    private Optional<Response> sharedFragment(
            PageThreads.PageAddress address,
            String page,
            String id,
            String title,
            int commentPage,
            HttpHeaders headers) {
        ArticlePage.PostTo post = postTo(address, page, id, title);
        String key = String.join(
                "\n",
                "fragment",
                address.canonicalUrl(),
                String.valueOf(id),
                String.valueOf(title),
                String.valueOf(commentPage));
        // A page without a thread yet is rendered per request (cheap: nothing in it), so that its first comment
        // needs nothing to forget.
        return sharedPages.answer(
                key,
                address.slug(),
                SharedPages.Policy.FRAGMENT,
                headers,
                () -> pages.existing(address)
                        .map(thread ->
                                ThreadService.withPost(threads.threadPage(thread, null, null, commentPage), post))
                        .map(view -> Templates.thread(view, FormState.empty()).render()));
    }

    /** The reply form of a host page's thread: posted with the page it is for, as the host named it. */
    private static ArticlePage.PostTo postTo(PageThreads.PageAddress address, String page, String id, String title) {
        return new ArticlePage.PostTo(
                Routes.embedComments(), EmbedReplyForm.threadFields(address.canonicalUrl(), id, title), true);
    }
}
