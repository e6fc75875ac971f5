package dev.parley.pagecache;

import dev.parley.web.FormToken;
import dev.parley.web.ReplyFormStamps;
import dev.parley.web.SharedRendering.Hole;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a request for a shared page straight from memory, on the I/O thread, before any page code runs: when the
 * reader is anonymous and the kept page is known to be right. Everything else (a signed-in reader, a reader with
 * their own comment, a page due for its check against the database, a page not kept yet) goes on to the page code,
 * which checks, renders and keeps, and whose own rules (who may call what) stay the only ones: this only repeats an
 * answer the page code gave to an anonymous reader for the same request.
 */
@ApplicationScoped
public class MemoryAnswers {

    /** After the transport headers, cross-origin headers and the path prefix, before sign-in and the pages. */
    static final int ORDER = -80;

    @Inject
    SharedPages pages;

    @Inject
    ReplyFormStamps formStamps;

    void install(@Observes Router router) {
        router.get().order(ORDER).handler(this::answerFromMemory);
    }

    /** The request as it reached the page: path (inside the prefix) and query, as sent. */
    static String requestKey(RoutingContext routing) {
        String query = routing.request().query();
        return routing.normalizedPath() + (query == null ? "" : "?" + query);
    }

    private void answerFromMemory(RoutingContext routing) {
        Optional<SharedPages.Ready> ready =
                isAnonymous(routing.request()) ? pages.readyFor(requestKey(routing)) : Optional.empty();
        if (ready.isEmpty()) {
            routing.next();
            return;
        }
        SharedPage page = ready.get().page();
        VisitorValues visitor =
                VisitorValues.of(page, () -> FormToken.tokenOf(routing), FormToken.hasToken(routing), formStamps);
        Map<Hole, byte[]> values = visitor.values();
        String etag = visitor.etag();
        HttpServerRequest request = routing.request();
        HttpServerResponse response = routing.response()
                .putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("ETag", etag)
                .putHeader("Last-Modified", ConditionalRequests.httpDate(page.renderedAt))
                .putHeader("Cache-Control", ready.get().policy().cacheControl)
                .putHeader("Vary", "Cookie, Accept-Encoding")
                .putHeader(
                        SharedPages.CHECKED_HEADER, String.valueOf(ready.get().checkedAgo()));
        if (ConditionalRequests.notModified(
                request.getHeader("If-None-Match"),
                etag,
                request.getHeader("If-Modified-Since"),
                page.renderedAt,
                visitor.datesTell())) {
            response.setStatusCode(304).end();
        } else if (request.version() != io.vertx.core.http.HttpVersion.HTTP_2
                && ConditionalRequests.accepts(request.getHeader("Accept-Encoding"), "gzip")) {
            // Over HTTP/2, Vert.x reads Content-Encoding as an order to compress: it compresses the plain page.
            response.putHeader("Content-Encoding", "gzip").end(page.gzipBuffer(values));
        } else {
            response.end(page.plainBuffer(values));
        }
    }

    /**
     * Nothing of the reader's own: no Parley cookie but the CSRF token's (a session, a comment of theirs, details
     * kept, a draft), no token sent by the script tag, no credentials. Other cookies (the host site's, passed on by
     * a server-side include) do not matter.
     */
    static boolean isAnonymous(HttpServerRequest request) {
        if (request.getHeader("Authorization") != null) {
            return false;
        }
        for (String name : request.headers().names()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-parley")) {
                return false;
            }
        }
        for (Cookie cookie : request.cookies()) {
            if (cookie.getName().startsWith("parley_") && !cookie.getName().equals(FormToken.COOKIE)) {
                return false;
            }
        }
        return true;
    }
}
